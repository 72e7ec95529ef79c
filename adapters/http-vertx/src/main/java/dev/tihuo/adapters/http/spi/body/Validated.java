package dev.tihuo.adapters.http.spi.body;

/** A request body (or part of one) that states its own rules. */
public interface Validated {
    /** Throws {@link InvalidFieldException} on the first broken rule; {@code at} knows where this object sits. */
    void validate(Fields at);
}
