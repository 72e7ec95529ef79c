package dev.tihuo.adapters.persistence.jdbi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of every behaviour suite: one private database per test class from the subclass's factory
 * (migrating a PostgreSQL schema takes about a second), emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    /** Every table, children before parents. */
    static final List<String> TABLES = List.of("idempotency_record", "outbox_message", "douyin_token", "webhook_inbox",
            "after_sale_history", "after_sale_items", "after_sales", "order_history", "vouchers", "order_lines", "orders",
            "store_stock", "skus", "products", "stores");

    TestDatabase store;
    Database database;

    /** The factory each database's subclass supplies. */
    abstract TestDatabase newTestDatabase();

    @BeforeAll
    void openDatabase() {
        store = newTestDatabase();
        database = store.open();
    }

    @BeforeEach
    void emptyTables() {
        database.jdbi().useHandle(handle -> TABLES.forEach(table -> handle.execute("DELETE FROM " + table)));
    }

    @AfterAll
    void removeDatabase() throws Exception {
        store.close();
    }

    static Instant at(long seconds) {
        return T0.plus(seconds, ChronoUnit.SECONDS);
    }
}
