package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Statements that run on every poll or every SPI call must be served by an index on H2: a scan grows with the
 * table, and the outbox keeps every delivered message. H2 prints the index it chose in {@code EXPLAIN}.
 */
class H2QueryPlansTest {

    private final H2TestDatabase store = new H2TestDatabase();

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void the_outbox_claim_finds_due_messages_through_the_status_indexes_not_by_scanning_delivered_ones() {
        Database database = store.open();

        assertThat(plan(database, JdbiOutbox.candidatesSql(JdbiOutbox.PENDING_DUE)))
                .contains("ix_outbox_message_due").doesNotContainIgnoringCase("tableScan");
        assertThat(plan(database, JdbiOutbox.candidatesSql(JdbiOutbox.LEASE_EXPIRED)))
                .as("in flight: a few batches at most, found by the status the due index starts with (V5)")
                .contains("ix_outbox_message_due: status = 'IN_FLIGHT'").doesNotContainIgnoringCase("tableScan");
    }

    private static String plan(Database database, String sql) {
        return database.unitOfWork().inTransaction(h -> h.createQuery("EXPLAIN " + sql)
                .bind("now", Instant.parse("2026-11-29T00:00:00Z")).bind("limit", 10)
                .mapTo(String.class).one());
    }
}
