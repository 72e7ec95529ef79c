package dev.tihuo.adapters.fixtureone;

/** An adapter that imports another adapter and closes a cycle, on purpose (test fixture only). */
public class AdapterOne {
    public dev.tihuo.adapters.fixturetwo.AdapterTwo other;
    public dev.tihuo.domain.archfixture.CycleA back;
}
