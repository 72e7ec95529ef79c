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
 *
 * <p>Before the {@code CHECKPOINT} it bumps the one row of {@code file_write_marker} (V3). H2's background writer
 * (every {@code WRITE_DELAY}) may already have taken the waiting commits into a store that its own threads are still
 * writing. A {@code CHECKPOINT} that then finds nothing unsaved returns at once, before that store is in the file.
 * With the marker it always has a change to store. It stores synchronously, queued behind the stores already started
 * (H2's serialisation and write executors are single threads, first in, first out), so it returns only once they
 * are written too. Read from the H2 2.4.240 bytecode: {@code MVStore.store} → {@code FileStore.storeIt} →
 * {@code submitOrRun(executor, task, syncWrite)}, which waits for the task when {@code syncWrite}.
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
                if (statement.executeUpdate("UPDATE file_write_marker SET writes = writes + 1 WHERE id = 1") == 0) {
                    statement.executeUpdate("INSERT INTO file_write_marker (id, writes) VALUES (1, 1)"); // row deleted by hand
                }
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
