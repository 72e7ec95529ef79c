package dev.tihuo.domain.archfixture;

/** Breaks the purity rules on purpose (test fixture only). */
public class DomainUsingJackson {
    public Object mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
