package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The group commit's promise: nobody goes on before a flush that started after its commit ended. */
class GroupCommitTest {

    @Test
    void a_lone_transaction_flushes_once_on_its_own_thread() {
        AtomicInteger flushes = new AtomicInteger();
        GroupCommit group = new GroupCommit(flushes::incrementAndGet);
        GroupCommit.Ticket ticket = group.end(true, () -> {});

        group.awaitOnDisk(ticket);
        group.awaitOnDisk(ticket);

        assertThat(flushes).as("the second wait finds it on disk already").hasValue(1);
        assertThat(group.flushes()).isEqualTo(1);
    }

    @Test
    void the_time_of_the_flushes_that_wrote_is_counted_and_a_failed_one_is_not() {
        AtomicInteger attempts = new AtomicInteger();
        GroupCommit group = failingFirst(attempts, () -> java.util.concurrent.locks.LockSupport.parkNanos(20_000_000));
        GroupCommit.Ticket ticket = group.end(true, () -> {});
        assertThatThrownBy(() -> group.awaitOnDisk(ticket)).hasMessage("disk full");
        assertThat(group.flushNanos()).as("a failed flush wrote nothing").isZero();

        group.awaitOnDisk(ticket);

        assertThat(group.flushNanos()).as("one flush that parked 20 ms").isGreaterThanOrEqualTo(20_000_000);
    }

    @Test
    void a_later_ticket_waits_for_an_earlier_commit_still_ending_and_one_flush_then_carries_both() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        GroupCommit group = new GroupCommit(flushes::incrementAndGet);
        GroupCommit.Ticket earlier = group.ending(true);
        GroupCommit.Ticket later = group.ending(true);
        group.ended(later);

        waitsUntil(() -> group.awaitOnDisk(later), "the earlier commit may hold what the later one read", () -> {
            assertThat(flushes).hasValue(0);
            group.ended(earlier);
        });
        group.awaitOnDisk(earlier);

        assertThat(flushes).hasValue(1);
    }

    @Test
    void under_concurrency_every_caller_returns_after_a_flush_that_saw_its_commit_and_flushes_are_shared() throws Exception {
        Set<Long> committed = ConcurrentHashMap.newKeySet();
        Set<Long> onDisk = ConcurrentHashMap.newKeySet();
        AtomicBoolean overlapping = new AtomicBoolean();
        AtomicBoolean inFlush = new AtomicBoolean();
        Runnable flush = () -> {
            if (!inFlush.compareAndSet(false, true)) {
                overlapping.set(true);
            }
            List<Long> snapshot = new ArrayList<>(committed);
            sleepQuietly(1); // a write of the file takes time; commits pile up behind it
            onDisk.addAll(snapshot);
            inFlush.set(false);
        };
        GroupCommit group = new GroupCommit(flush);
        int threads = 8;
        int perThread = 300;
        List<Long> returnedTooEarly = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < perThread; i++) {
                    GroupCommit.Ticket ticket = group.ending(true);
                    committed.add(ticket.number());
                    group.ended(ticket);
                    group.awaitOnDisk(ticket);
                    if (!onDisk.contains(ticket.number())) {
                        synchronized (returnedTooEarly) {
                            returnedTooEarly.add(ticket.number());
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(returnedTooEarly).isEmpty();
        assertThat(overlapping).as("one flush at a time").isFalse();
        assertThat(group.writes()).isEqualTo((long) threads * perThread);
        assertThat(group.flushes()).as("flushes for %d commits", group.writes()).isLessThan(group.writes() / 2);
    }

    @Test
    void a_reader_waits_for_the_writes_before_it_and_needs_no_write_of_its_own() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        GroupCommit group = new GroupCommit(flushes::incrementAndGet);
        group.awaitOnDisk(group.end(false, () -> {}));
        assertThat(flushes).as("nothing written, nothing to flush").hasValue(0);

        GroupCommit.Ticket write = group.ending(true);
        GroupCommit.Ticket read = group.ending(false);
        group.ended(read);

        waitsUntil(() -> group.awaitOnDisk(read), "it may have read what the write is committing", () -> group.ended(write));

        assertThat(flushes).hasValue(1);
        group.awaitOnDisk(group.end(false, () -> {}));
        group.awaitOnDisk(write);
        assertThat(flushes).as("the write is on disk already").hasValue(1);
        assertThat(group.writes()).isEqualTo(1);
    }

    @Test
    void a_failed_flush_is_thrown_to_the_thread_that_ran_it_and_the_next_caller_flushes_again() {
        AtomicInteger attempts = new AtomicInteger();
        GroupCommit group = failingFirst(attempts, () -> {});
        GroupCommit.Ticket first = group.end(true, () -> {});

        assertThatThrownBy(() -> group.awaitOnDisk(first)).hasMessage("disk full");
        group.awaitOnDisk(first);

        assertThat(attempts).hasValue(2);
        assertThat(group.flushes()).as("flushes that wrote").isEqualTo(1);
    }

    /** A group commit whose first flush fails with "disk full" and whose later ones run {@code thenWrite}. */
    private static GroupCommit failingFirst(AtomicInteger attempts, Runnable thenWrite) {
        return new GroupCommit(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
            thenWrite.run();
        });
    }

    /** {@code waiting}, run on another thread, is still waiting after 100 ms, and returns once {@code release} ran. */
    private static void waitsUntil(Runnable waiting, String why, Runnable release) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> waited = pool.submit(waiting);
            Thread.sleep(100);
            assertThat(waited).as(why).isNotDone();

            release.run();
            waited.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
