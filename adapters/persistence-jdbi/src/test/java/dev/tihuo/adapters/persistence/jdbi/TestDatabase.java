package dev.tihuo.adapters.persistence.jdbi;

import java.util.ArrayList;
import java.util.List;

/**
 * A fresh, private database for one test: an H2 file in a temporary directory, or a random schema on
 * the shared PostgreSQL server. {@link #open()} may be called several times (several tihuo instances on
 * one database); {@link #close()} closes them all and removes the data.
 */
abstract class TestDatabase implements AutoCloseable {

    private final List<Database> opened = new ArrayList<>();

    abstract DatabaseConfig config();

    abstract String describe();

    /** Opens one more pool on the same data, as another tihuo instance would. */
    final synchronized Database open() {
        return open(config -> config);
    }

    /** Opens one more pool on the same data with a changed configuration (pool size, timeouts). */
    final synchronized Database open(java.util.function.UnaryOperator<DatabaseConfig> change) {
        Database database = Database.open(change.apply(config()));
        opened.add(database);
        return database;
    }

    abstract void removeData() throws Exception;

    @Override
    public final synchronized void close() throws Exception {
        for (Database database : opened) {
            database.close();
        }
        opened.clear();
        removeData();
    }

    @Override
    public String toString() {
        return describe();
    }
}
