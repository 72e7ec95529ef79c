package dev.tihuo.adapters.persistence.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * The flush of the {@link GroupCommit}: H2's {@code CHECKPOINT}, which stores every committed change of the MVStore in
 * the file (H2 2.4: {@code Database.checkpoint} → {@code Store.flush} → {@code MVStore.commit}, as a commit does with
 * {@code WRITE_DELAY=0}). It keeps one connection of the pool for itself, taken on first use, so a flush never queues
 * for a connection behind the transactions waiting for it. The group commit runs it on one thread at a time.
 */
final class H2Checkpoint implements Runnable, AutoCloseable {

    /** Where the connection comes from: the pool, once the schema is migrated. */
    interface Connections {
        Connection get() throws SQLException;
    }

    private final Connections connections;
    private Connection connection;

    H2Checkpoint(Connections connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public synchronized void run() {
        try {
            if (connection == null) {
                connection = connections.get();
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT");
            }
        } catch (SQLException e) {
            closeQuietly(); // the next flush starts from a fresh connection
            throw new IllegalStateException("H2 CHECKPOINT failed: committed changes may not be in the file yet", e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the pool is closing anyway
            }
            connection = null;
        }
    }
}
