package dev.tihuo.adapters.persistence.jdbi;

import java.util.function.Supplier;

/**
 * Outgoing port (stand-in until the application's {@code UnitOfWork} port exists): runs work in one
 * database transaction. Every repository called inside the work on the same thread joins that
 * transaction, so a state change, its outbox messages and its idempotency record commit or roll back
 * together.
 *
 * <p>The work may run more than once: a transaction the database aborts to resolve a conflict
 * (serialization failure, deadlock) is retried from the start. Keep side effects outside the
 * database (calls, messages to other threads) out of the work, or make them repeatable.
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
