package dev.tihuo.adapters.persistence.jdbi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of every behaviour suite: a fresh database per test from the subclass's factory. */
abstract class DatabaseContract {

    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    TestDatabase store;
    Database database;

    /** The factory each database's subclass supplies. */
    abstract TestDatabase newTestDatabase();

    @BeforeEach
    void openDatabase() {
        store = newTestDatabase();
        database = store.open();
    }

    @AfterEach
    void removeDatabase() throws Exception {
        store.close();
    }

    static Instant at(long seconds) {
        return T0.plus(seconds, ChronoUnit.SECONDS);
    }
}
