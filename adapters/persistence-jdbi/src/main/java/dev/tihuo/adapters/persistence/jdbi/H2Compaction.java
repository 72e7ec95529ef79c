package dev.tihuo.adapters.persistence.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts the H2 file in small, even steps, in place of H2's own background compaction ({@code
 * AUTO_COMPACT_FILL_RATE=0} in {@link Vendor#H2}).
 *
 * <p>H2's MVStore never overwrites a page: every write of the file appends a chunk, and a chunk is freed only once
 * none of its pages is live. A page that stops changing (a full B-tree leaf of old orders) pins the chunk it was last
 * written in, so the file keeps growing unless live pages are copied out of sparse chunks. H2 does that copying
 * itself every {@code WRITE_DELAY} (500 ms) in bursts of up to a megabyte, holding the store's lock while it writes
 * them; the {@code CHECKPOINT} of every group commit waits behind it, and every answer waiting for that commit with
 * it. In the benchmark (BENCHMARKS.md, run F) those bursts were most of tihuo's tail at 1,000 req/s: with H2's
 * compaction 2 of 25 eight-second windows had p99 under 25 ms, with none 13 of 25 — but the file then grew 2.3 times
 * as fast (8.4 against 3.6 GB in five minutes). Here the same copying runs every {@link #INTERVAL} with a budget of
 * {@link #STEP_BYTES}, so the lock is held briefly and often instead of long and seldom. H2 API ({@link
 * MVStore#compact(int, int)}), reached through the session of one pooled connection; H2 is pinned in the root pom.
 */
final class H2Compaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Compaction.class);

    /** Chunks less full than this are rewritten (H2's own busy-time target is 81 with its default of 90). */
    static final int TARGET_FILL_RATE = 80;
    /** Bytes of live pages H2 is asked to copy per step (the {@code write} of {@link MVStore#compact(int, int)}). */
    static final int STEP_BYTES = 128 * 1024;
    static final Duration INTERVAL = Duration.ofMillis(100);

    /** Where the connection comes from: the pool, once the schema is migrated. */
    interface Connections {
        Connection get() throws SQLException;
    }

    private final Connections connections;
    private final ScheduledExecutorService executor;
    private final LongAdder steps = new LongAdder();
    private final LongAdder stepNanos = new LongAdder();
    private volatile MVStore store;
    private volatile boolean failedOnce;

    H2Compaction(Connections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tihuo-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the steps; call once the schema is migrated. */
    void start() {
        executor.scheduleWithFixedDelay(this::step, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One step: copies live pages of sparse chunks, about {@link #STEP_BYTES}, if the file has such chunks. */
    void step() {
        try {
            long started = System.nanoTime();
            if (store().compact(TARGET_FILL_RATE, STEP_BYTES)) {
                steps.increment();
                stepNanos.add(System.nanoTime() - started);
            }
        } catch (RuntimeException | SQLException e) {
            // a compaction that fails loses nothing (the pages stay where they are); the next step tries again
            if (!failedOnce) {
                failedOnce = true;
                LOG.warn("H2 compaction step failed; the file may grow until one succeeds", e);
            }
            store = null;
        }
    }

    /** Steps that copied pages, and the time they took (the store's lock is held for about that long). */
    long steps() {
        return steps.sum();
    }

    long stepNanos() {
        return stepNanos.sum();
    }

    private MVStore store() throws SQLException {
        MVStore known = store;
        if (known == null || known.isClosed()) {
            try (Connection connection = connections.get()) {
                known = storeOf(connection);
            }
            store = known;
        }
        return known;
    }

    /** The MVStore behind an embedded H2 connection: it outlives the connection, until the database closes. */
    static MVStore storeOf(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS); // a step under way ends before the pool closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
