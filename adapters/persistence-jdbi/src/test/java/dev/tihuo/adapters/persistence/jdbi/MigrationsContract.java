package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.pool.HikariPool;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link Database#open} and {@link Database#openInBackground}: the schema is migrated once, and nothing
 * reads or writes through the Jdbi before it is.
 */
abstract class MigrationsContract extends DatabaseContract {


    @Test
    void the_first_open_creates_every_table() {
        assertThat(database.migrationsApplied()).as("migrations applied by the first open of the class").isEqualTo(6);
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
        assertThat(history).isEqualTo(6);
    }

    @Test
    void foreign_keys_stay_on_postgresql_and_are_dropped_on_h2_where_each_was_one_more_index_to_write() {
        long foreignKeys = database.jdbi().withHandle(h -> h.createQuery("""
                SELECT COUNT(*) FROM information_schema.table_constraints
                 WHERE constraint_type = 'FOREIGN KEY' AND table_schema = CURRENT_SCHEMA""").mapTo(Long.class).one());
        if (database.vendor() == Vendor.H2) {
            assertThat(foreignKeys).isZero();
            // each child table is left with its primary key (and vouchers its unique pickup code), no plain index on
            // (merchant_id, order_id) beside them
            for (String child : List.of("order_lines", "vouchers", "order_history", "after_sale_items", "after_sale_history")) {
                List<String> kinds = database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT index_type_name FROM information_schema.indexes
                         WHERE table_schema = CURRENT_SCHEMA AND table_name = :t ORDER BY index_type_name""")
                        .bind("t", child).mapTo(String.class).list());
                assertThat(kinds).as(child).isEqualTo(child.equals("vouchers")
                        ? List.of("PRIMARY KEY", "UNIQUE INDEX") : List.of("PRIMARY KEY"));
            }
        } else {
            assertThat(foreignKeys).isEqualTo(H2ForeignKeysDropped.STATEMENTS.size());
        }
    }

    @Test
    void a_database_opening_in_the_background_gives_no_connection_until_it_is_migrated() {
        List<Runnable> opening = new ArrayList<>();
        JdbiPersistence persistence = JdbiPersistence.openInBackground(store.config(), Clock.systemUTC(), opening::add);
        try {
            assertThat(opening).as("opening waits for its executor").hasSize(1);
            assertThatThrownBy(() -> persistence.webhookInbox().recordFirstDelivery("too-early", at(0)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("still opening");
            assertThat(persistence.ping()).isFalse();

            opening.forEach(Runnable::run);
            persistence.awaitOpen();

            assertThat(persistence.webhookInbox().recordFirstDelivery("in-time", at(0))).isTrue();
            assertThat(persistence.ping()).isTrue();
            assertThat(rows(database, "webhook_inbox")).isEqualTo(1);
        } finally {
            persistence.close();
        }
    }

    @Test
    void a_failed_background_opening_is_rethrown_by_await_open_as_open_throws_it() {
        DatabaseConfig unreachable = DatabaseConfig.of("jdbc:postgresql://127.0.0.1:1/none", "nobody", "none")
                .withConnectionTimeout(Duration.ofSeconds(1));
        JdbiPersistence persistence = JdbiPersistence.openInBackground(unreachable, Clock.systemUTC(), Runnable::run);

        assertThatThrownBy(persistence::awaitOpen).isInstanceOf(HikariPool.PoolInitializationException.class)
                .hasMessageContaining("127.0.0.1:1");
        assertThatThrownBy(() -> Database.open(unreachable)).isInstanceOf(HikariPool.PoolInitializationException.class);
        assertThatThrownBy(() -> persistence.webhookInbox().recordFirstDelivery("never", at(0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed to open");
        persistence.close(); // nothing left to close: the failed opening closed its pool
    }

    private static long rows(Database database, String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }
}
