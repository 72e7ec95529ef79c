package dev.tihuo.application.port.in;

/**
 * The use case cannot complete now but may on a retry (D16 100): e.g. a notice for an order whose create-order is
 * still in flight, or a write conflict that kept losing. Nothing was changed.
 */
public final class TryAgainLater extends RuntimeException {
    public TryAgainLater(String message) {
        super(message);
    }
}
