package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Contract of {@link Database#open}: the schema is migrated once, before the Jdbi is handed out. */
abstract class MigrationsContract extends DatabaseContract {


    @Test
    void the_first_open_creates_every_table() {
        assertThat(database.migrationsApplied()).as("migrations applied by the first open of the class").isEqualTo(2);
        for (String table : TABLES) {
            assertThat(rows(database, table)).as(table).isZero();
        }
    }

    @Test
    void migrations_run_again_are_a_no_op_and_keep_the_data() {
        new JdbiWebhookInbox(database.unitOfWork()).recordFirstDelivery("kept", at(0));

        Database again = store.open();

        assertThat(again.migrationsApplied()).isZero();
        assertThat(rows(again, "webhook_inbox")).isEqualTo(1);
        long history = again.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL").mapTo(Long.class).one());
        assertThat(history).isEqualTo(2);
    }

    private static long rows(Database database, String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
