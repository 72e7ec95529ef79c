package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.port.out.UnitOfWork;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secondary adapter: JDBI transactions with a handle bound to the running thread.
 *
 * <p>The outermost {@link #inTransaction(Supplier)} (or {@link #inTransaction(Function)}) opens a
 * handle, begins a transaction and binds the handle to the thread; nested calls, including every
 * repository of this package, find the bound handle and join its transaction instead of opening their
 * own. Only the outermost call commits, rolls back and retries. No {@link Handle} leaves this package
 * through the application's {@link UnitOfWork} port.
 *
 * <p>Retries: a transaction aborted with SQLState {@code 40001} (PostgreSQL serialization failure, H2
 * deadlock) or {@code 40P01} (PostgreSQL deadlock) is run again, at most {@value #DEFAULT_ATTEMPTS}
 * times in all, after a short random pause.
 *
 * <p>Durability: on PostgreSQL a commit is durable when it returns. On the H2 file a {@link GroupCommit} makes the
 * outermost call wait, after its commit or rollback, until what it wrote and read is in the file.
 */
public final class JdbiUnitOfWork implements UnitOfWork {

    static final int DEFAULT_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(JdbiUnitOfWork.class);

    private final Jdbi jdbi;
    private final int maxAttempts;
    private final Duration maxBackoff;
    private final ThreadLocal<Transaction> bound = new ThreadLocal<>();
    private final GroupCommit groupCommit;

    /**
     * The thread's running transaction: its handle, what it changed, what to do once it has committed, and whether it
     * ran any statement that writes (the group commit flushes only for those).
     */
    private static final class Transaction {
        final Handle handle;
        final Set<Object> changed = new HashSet<>();
        final List<Runnable> afterCommit = new ArrayList<>();
        final Map<Object, Object> locals = new HashMap<>();
        boolean wrote;

        Transaction(Handle handle) {
            this.handle = handle;
        }
    }

    public JdbiUnitOfWork(Jdbi jdbi) {
        this(jdbi, DEFAULT_ATTEMPTS, Duration.ofMillis(50));
    }

    public JdbiUnitOfWork(Jdbi jdbi, int maxAttempts, Duration maxBackoff) {
        this(jdbi, maxAttempts, maxBackoff, null);
    }

    /** {@code groupCommit}: null where every commit is durable by itself (PostgreSQL). */
    JdbiUnitOfWork(Jdbi jdbi, int maxAttempts, Duration maxBackoff, GroupCommit groupCommit) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.maxAttempts = maxAttempts;
        this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
        this.groupCommit = groupCommit;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return inTransaction(handle -> work.get());
    }

    /** For this adapter's repositories: the work gets the thread's transaction handle. */
    public <T> T inTransaction(Function<Handle, T> work) {
        Objects.requireNonNull(work, "work");
        Transaction current = bound.get();
        if (current != null) {
            return work.apply(current.handle);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return runOutermost(work);
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !isTransientConflict(e)) {
                    throw e;
                }
                LOG.debug("transaction aborted by a conflict (attempt {} of {}), retrying", attempt, maxAttempts, e);
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** The group commit making H2 transactions durable; empty where each commit is durable by itself. */
    java.util.Optional<GroupCommit> groupCommit() {
        return java.util.Optional.ofNullable(groupCommit);
    }

    /**
     * Notes a statement about to run in this thread's transaction: anything but a {@code SELECT} (with or without
     * {@code FOR UPDATE}, whose row locks need no durability) counts as a write. Called by a JDBI statement
     * customizer for every statement; outside a transaction it does nothing.
     */
    void beforeStatement(String sql) {
        Transaction current = bound.get();
        if (current != null && !current.wrote && !isRead(sql)) {
            current.wrote = true;
        }
    }

    static boolean isRead(String sql) {
        int i = 0;
        while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
            i++;
        }
        return sql.regionMatches(true, i, "SELECT", 0, 6);
    }

    /** True when this thread is inside a transaction of this unit of work. */
    public boolean inProgress() {
        return bound.get() != null;
    }

    /**
     * Notes that the running transaction changed {@code what} (a cache's name, say): until it ends, readers in it
     * must not trust nor fill a cache of {@code what}, which holds committed state only. No-op outside a transaction.
     */
    void markChanged(Object what) {
        Transaction current = bound.get();
        if (current != null) {
            current.changed.add(what);
        }
    }

    /** True when the running transaction has {@link #markChanged changed} {@code what}. */
    boolean changedInThisTransaction(Object what) {
        Transaction current = bound.get();
        return current != null && current.changed.contains(what);
    }

    /**
     * Runs {@code action} once the running transaction has committed (at once when none runs); never after a
     * rollback. For caches of committed state.
     */
    void afterCommit(Runnable action) {
        Transaction current = bound.get();
        if (current == null) {
            action.run();
        } else {
            current.afterCommit.add(action);
        }
    }

    /**
     * State a repository keeps for the running transaction only, created on first use; {@code null} outside a
     * transaction. It is dropped when the transaction ends, whether it commits or not.
     */
    @SuppressWarnings("unchecked")
    <T> T transactionLocal(Object owner, Supplier<T> initial) {
        Transaction current = bound.get();
        return current == null ? null : (T) current.locals.computeIfAbsent(owner, o -> initial.get());
    }

    private <T> T runOutermost(Function<Handle, T> work) {
        Transaction transaction;
        T committed;
        GroupCommit.Ticket ticket;
        try (Handle handle = jdbi.open()) {
            handle.begin();
            transaction = new Transaction(handle);
            bound.set(transaction);
            T result;
            try {
                result = work.apply(handle);
            } catch (RuntimeException | Error e) {
                bound.remove();
                // What the failed work read may still be on its way to the file: its refusal waits for it too.
                GroupCommit.Ticket refused = end(false, () -> rollbackQuietly(handle, e));
                handle.close();
                try {
                    awaitOnDisk(refused);
                } catch (RuntimeException flushFailure) {
                    e.addSuppressed(flushFailure);
                }
                throw e;
            }
            bound.remove();
            ticket = end(transaction.wrote, () -> {
                try {
                    handle.commit();
                } catch (RuntimeException e) {
                    rollbackQuietly(handle, e);
                    throw e;
                }
            });
            committed = result;
        }
        for (Runnable action : transaction.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("an after-commit action failed; the transaction itself committed", e);
            }
        }
        // The connection is back in the pool: others run their transactions while this one waits for the file.
        awaitOnDisk(ticket);
        return committed;
    }

    /** Commits or rolls back; with a group commit, under a ticket ({@code null} without one). */
    private GroupCommit.Ticket end(boolean wrote, Runnable commitOrRollback) {
        if (groupCommit == null) {
            commitOrRollback.run();
            return null;
        }
        return groupCommit.end(wrote, commitOrRollback);
    }

    private void awaitOnDisk(GroupCommit.Ticket ticket) {
        if (ticket != null) {
            groupCommit.awaitOnDisk(ticket);
        }
    }

    private static void rollbackQuietly(Handle handle, Throwable cause) {
        try {
            handle.rollback();
        } catch (RuntimeException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private void pauseBeforeRetry(int attempt) {
        long bound = Math.max(1, maxBackoff.toMillis() * attempt / maxAttempts);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a transaction", interrupted);
        }
    }

    /** SQLState 40001 (serialization failure; H2 deadlock) or 40P01 (PostgreSQL deadlock) anywhere in the cause chain. */
    static boolean isTransientConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if ("40001".equals(state) || "40P01".equals(state)) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
