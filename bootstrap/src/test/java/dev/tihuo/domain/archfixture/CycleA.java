package dev.tihuo.domain.archfixture;

/** One half of a package cycle on purpose (test fixture only). */
public class CycleA {
    public dev.tihuo.adapters.fixtureone.AdapterOne other;
}
