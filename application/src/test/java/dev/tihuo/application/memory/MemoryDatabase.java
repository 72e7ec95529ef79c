package dev.tihuo.application.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The shared state behind a set of in-memory adapters: one lock that every read and write takes, and the tables a
 * {@link InMemoryUnitOfWork} snapshots and restores. Adapters built on one database take part in one transaction.
 */
public final class MemoryDatabase {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Table> tables = new ArrayList<>();
    private int transactionDepth;

    /** A part of the state that can be captured before a transaction and put back when it fails. */
    interface Table {
        Object capture();

        void restore(Object captured);
    }

    void register(Table table) {
        locked(() -> tables.add(table));
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    <T> T transaction(Supplier<T> work) {
        lock.lock();
        try {
            if (transactionDepth > 0) {
                return work.get(); // a nested unit of work joins the outer one
            }
            List<Object> saved = tables.stream().map(Table::capture).toList();
            transactionDepth++;
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                for (int i = 0; i < saved.size(); i++) {
                    tables.get(i).restore(saved.get(i));
                }
                throw e;
            } finally {
                transactionDepth--;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread is inside a unit of work on this database. */
    public boolean inTransaction() {
        return lock.isHeldByCurrentThread() && transactionDepth > 0;
    }
}
