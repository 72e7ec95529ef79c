package dev.tihuo.application.archfixture;

/** An application class reaching into an adapter, on purpose (test fixture only). */
public class ApplicationUsingAnAdapter {
    public dev.tihuo.adapters.fixturetwo.AdapterTwo adapter;
}
