package dev.tihuo.application.port.out;

import java.util.function.Supplier;

/**
 * Outgoing port running a use case's writes as one transaction: state, outbox messages and the idempotency record
 * commit together or not at all. Implementations may retry the work after a serialization failure, so the work
 * must only touch ports and its own locals.
 */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
