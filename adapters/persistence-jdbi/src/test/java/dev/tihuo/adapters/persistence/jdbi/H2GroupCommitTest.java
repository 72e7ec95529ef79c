package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group commit on a real H2 file: every unit of work, committed or refused, returns after a write of the file. */
class H2GroupCommitTest {

    private final H2TestDatabase store = new H2TestDatabase();

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void each_writing_unit_of_work_alone_waits_for_its_own_write_of_the_file_which_bumps_the_marker_first() {
        Database database = store.open();
        GroupCommit group = database.unitOfWork().groupCommit().orElseThrow();
        JdbiWebhookInbox inbox = new JdbiWebhookInbox(database.unitOfWork());

        for (int i = 0; i < 3; i++) {
            String id = "m-" + i;
            database.unitOfWork().run(() -> inbox.recordFirstDelivery(id, Instant.EPOCH));
        }
        assertThatThrownBy(() -> database.unitOfWork().run(() -> {
            inbox.recordFirstDelivery("rolled-back", Instant.EPOCH);
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        database.unitOfWork().inTransaction(h -> h.createQuery("SELECT msg_id FROM webhook_inbox FOR UPDATE")
                .mapTo(String.class).list());

        assertThat(group.writes()).as("three commits; the rollback and the locking read wrote nothing lasting").isEqualTo(3);
        assertThat(group.flushes()).as("one after the other, nothing to share, nothing for the readers").isEqualTo(3);
        assertThat(marker(database)).as("bumped before every CHECKPOINT").isEqualTo(3);
    }

    @Test
    void statements_other_than_select_count_as_writes() {
        assertThat(JdbiUnitOfWork.isRead("SELECT 1")).isTrue();
        assertThat(JdbiUnitOfWork.isRead("\n  select * from orders for update")).isTrue();
        assertThat(JdbiUnitOfWork.isRead("(SELECT 1) UNION (SELECT 2)")).isTrue();
        assertThat(JdbiUnitOfWork.isRead("INSERT INTO orders VALUES (1)")).isFalse();
        assertThat(JdbiUnitOfWork.isRead("UPDATE orders SET state = 'X'")).isFalse();
        assertThat(JdbiUnitOfWork.isRead("WITH x AS (SELECT 1) DELETE FROM orders")).as("when unsure, a write").isFalse();
    }

    @Test
    void a_url_that_sets_its_own_write_delay_is_not_group_committed() {
        Database database = store.open(config -> DatabaseConfig.of(config.jdbcUrl() + ";WRITE_DELAY=0", config.user(),
                config.password()));

        assertThat(database.unitOfWork().groupCommit()).isEmpty();
    }

    private static long marker(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT writes FROM file_write_marker WHERE id = 1")
                .mapTo(Long.class).one());
    }
}
