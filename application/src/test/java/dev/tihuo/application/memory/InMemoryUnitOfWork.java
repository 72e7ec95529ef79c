package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.UnitOfWork;
import java.util.function.Supplier;

/**
 * Secondary adapter for tests: one transaction at a time over a {@link MemoryDatabase}. Every table is captured
 * before the work and restored when it throws, so a use case's writes all happen or none; a nested call joins the
 * outer transaction.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {
    private final MemoryDatabase db;

    public InMemoryUnitOfWork(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return db.transaction(work);
    }
}
