package dev.tihuo.domain.archfixture;

/** Breaks the composition-root rule on purpose (test fixture only). */
public class DomainUsingTheBootstrap {
    public String root() {
        return dev.tihuo.bootstrap.Tihuo.class.getName();
    }
}
