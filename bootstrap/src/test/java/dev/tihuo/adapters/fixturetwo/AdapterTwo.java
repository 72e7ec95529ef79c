package dev.tihuo.adapters.fixturetwo;

/** The adapter the other one wrongly imports (test fixture only). */
public class AdapterTwo {}
