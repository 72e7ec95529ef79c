package dev.tihuo.adapters.persistence.jdbi;

import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for the embedded H2 file: many transactions, one write of the file.
 *
 * <p>H2's MVStore writes a new chunk (every B-tree page the commit touched, up to each root) whenever it stores.
 * With {@code WRITE_DELAY=0} it stores on every commit; under load that page writing was a third of the CPU of an
 * S1+S4 pair (BENCHMARKS.md). Here the commit itself only publishes the change, and the transaction's thread then
 * waits until a {@code CHECKPOINT} (H2's MVStore commit: one chunk with every change made so far) has written it.
 * While one flush runs, the transactions that commit meanwhile queue behind it and the next flush writes them all.
 *
 * <p><b>Invariant: a unit of work returns only once everything it wrote, and everything it read, is in the file.</b>
 * Every transaction, read-only or not, takes a {@link Ticket} just before it commits (or rolls back). A transaction
 * that wrote needs its own ticket on disk; one that only read needs the latest writer's ticket issued before its
 * own, since any change it read was committed under such a ticket (and needs nothing, and does not wait, when that
 * writer is on disk already: an idle service does not write its file). A flush covers the tickets up to the lowest
 * one still committing, and the waiting thread that finds none flushing and what it needs covered runs the flush
 * (no extra thread, no hand-off), on a connection kept for it: the waiting threads have given theirs back to the
 * pool, so other transactions go on meanwhile. The guarantee is the one of
 * {@code WRITE_DELAY=0}: written to the operating system before the caller goes on, so a killed process loses
 * nothing it answered (the kill drill shows it; a power cut is the operating system's and the disk's business).
 */
final class GroupCommit {

    private final Runnable flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeSet<Long> ending = new TreeSet<>();
    private final LongAdder flushes = new LongAdder();
    private final LongAdder flushNanos = new LongAdder();
    private long issued;
    private long lastWrite;
    private long writes;
    private long onDisk;
    private boolean flushing;

    /** {@code flush} writes every committed change to the file; it is never run by two threads at once. */
    GroupCommit(Runnable flush) {
        this.flush = java.util.Objects.requireNonNull(flush, "flush");
    }

    /**
     * A transaction's place in the order of commits ({@code number}) and the ticket that must be on disk before it
     * may go on ({@code needs}: its own when it wrote, else the last writer's before it, 0 for none).
     */
    record Ticket(long number, long needs) {}

    /** Runs {@code commitOrRollback} under a ticket; wait with {@link #awaitOnDisk} before going on. */
    Ticket end(boolean wrote, Runnable commitOrRollback) {
        Ticket ticket = ending(wrote);
        try {
            commitOrRollback.run();
        } finally {
            ended(ticket);
        }
        return ticket;
    }

    /** A ticket for a transaction about to commit or roll back; pass it to {@link #ended} once it has. */
    Ticket ending(boolean wrote) {
        lock.lock();
        try {
            long number = ++issued;
            ending.add(number);
            if (wrote) {
                lastWrite = number;
                writes++;
            }
            return new Ticket(number, lastWrite);
        } finally {
            lock.unlock();
        }
    }

    /** The transaction of {@code ticket} has committed or rolled back. */
    void ended(Ticket ticket) {
        lock.lock();
        try {
            ending.remove(ticket.number());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once what {@code ticket} needs is on disk, running the flush on this thread when no one else is. A
     * failed flush is thrown to the thread that ran it; the others wait for the next one.
     */
    void awaitOnDisk(Ticket ticket) {
        long needed = ticket.needs();
        lock.lock();
        try {
            while (onDisk < needed) {
                long settled = settled();
                if (flushing || settled < needed) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                boolean written = false;
                lock.unlock();
                long started = System.nanoTime();
                try {
                    flush.run();
                    written = true;
                } finally {
                    lock.lock();
                    flushing = false;
                    if (written) {
                        onDisk = Math.max(onDisk, settled);
                        flushes.increment();
                        flushNanos.add(System.nanoTime() - started);
                    }
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Flushes so far; with {@link #writes()} it tells how many writing transactions one write of the file carried. */
    long flushes() {
        return flushes.sum();
    }

    /** Time spent in the flushes so far: with {@link #flushes()}, the mean time a write of the file takes. */
    long flushNanos() {
        return flushNanos.sum();
    }

    /** Transactions that wrote, so far (read-only ones are not counted: they never cause a flush). */
    long writes() {
        lock.lock();
        try {
            return writes;
        } finally {
            lock.unlock();
        }
    }

    /** Every ticket up to this one has committed or rolled back. */
    private long settled() {
        return ending.isEmpty() ? issued : ending.first() - 1;
    }
}
