package dev.tihuo.application.port.in;

/** The same idempotency key came back with a different request (D16 40009); nothing was changed. */
public final class IdempotencyConflict extends RuntimeException {
    public IdempotencyConflict(String operation, String key) {
        super(operation + " " + key + " was already received with a different request");
    }
}
