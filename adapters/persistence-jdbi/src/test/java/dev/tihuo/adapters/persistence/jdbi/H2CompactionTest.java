package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * tihuo's small-step compaction of the H2 file ({@link H2Compaction}): it finds the chunks that rewritten rows left
 * sparse and copies their live pages out, so H2 can free them, and it keeps every row as it was.
 */
class H2CompactionTest {

    private final H2TestDatabase store = new H2TestDatabase();

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void steps_copy_live_pages_out_of_sparse_chunks_and_keep_every_row() throws Exception {
        // the URL names the rate, so neither H2 nor the database's own compaction runs: this test takes the steps
        Database database = store.open(c -> DatabaseConfig.of(c.jdbcUrl() + ";AUTO_COMPACT_FILL_RATE=0", c.user(), c.password()));
        writeSparseChunks(database);
        MVStore mvStore = mvStore(database);
        mvStore.setRetentionTime(0); // dead chunks may be freed at once; tihuo keeps H2's 45 s
        int fillBefore = mvStore.getFileStore().getChunksFillRate();
        assertThat(fillBefore).as("the file has sparse chunks to compact").isLessThan(H2Compaction.TARGET_FILL_RATE);

        H2Compaction compaction = new H2Compaction(() -> database.dataSource().getConnection());
        for (int i = 0; i < 50 && mvStore.getFileStore().getChunksFillRate() < H2Compaction.TARGET_FILL_RATE; i++) {
            compaction.step();
            database.jdbi().useHandle(h -> h.execute("CHECKPOINT"));
        }

        assertThat(compaction.steps()).as("steps that copied pages").isPositive();
        assertThat(compaction.stepNanos()).isPositive();
        assertThat(mvStore.getFileStore().getChunksFillRate()).as("fill rate of the chunks after the steps").isGreaterThan(fillBefore);
        long kept = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_inbox").mapTo(Long.class).one());
        long writes = database.jdbi().withHandle(h -> h.createQuery("SELECT writes FROM file_write_marker").mapTo(Long.class).one());
        assertThat(kept).isEqualTo(2_000);
        assertThat(writes).isGreaterThanOrEqualTo(300);
        compaction.close();
    }

    @Test
    void a_file_database_compacts_by_itself_in_the_background() throws Exception {
        Database database = store.open();
        H2Compaction compaction = database.compaction().orElseThrow();
        writeSparseChunks(database);

        // H2 rewrites only chunks older than its retention time (45 s): let every chunk be old enough at once
        mvStore(database).setRetentionTime(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (compaction.steps() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(compaction.steps()).as("steps taken by the database's own thread").isPositive();
    }

    @Test
    void an_in_memory_database_has_no_file_to_compact() {
        Database memory = Database.open(DatabaseConfig.of("jdbc:h2:mem:compaction-" + System.nanoTime(), "sa", ""));
        try {
            assertThat(memory.compaction()).isEmpty();
        } finally {
            memory.close();
        }
    }

    @Test
    void a_step_on_a_closed_database_fails_quietly_and_copies_nothing() {
        Database database = store.open();
        H2Compaction compaction = new H2Compaction(() -> database.dataSource().getConnection());
        database.close();

        compaction.step();

        assertThat(compaction.steps()).isZero();
        compaction.close();
    }

    /**
     * One row rewritten in many separate writes of the file: each write leaves the previous chunk's copy of the row
     * dead, while the rows written once stay live in the early chunks, which become sparse.
     */
    private static void writeSparseChunks(Database database) {
        database.jdbi().useHandle(h -> {
            for (int i = 0; i < 2_000; i++) {
                h.execute("INSERT INTO webhook_inbox (msg_id, received_at) VALUES (?, CURRENT_TIMESTAMP)", "kept-" + i);
                if (i % 20 == 0) {
                    h.execute("CHECKPOINT");
                }
            }
            for (int i = 0; i < 300; i++) {
                h.execute("UPDATE file_write_marker SET writes = writes + 1 WHERE id = 1");
                h.execute("CHECKPOINT");
            }
        });
    }

    private static MVStore mvStore(Database database) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            return H2Compaction.storeOf(connection);
        }
    }
}
