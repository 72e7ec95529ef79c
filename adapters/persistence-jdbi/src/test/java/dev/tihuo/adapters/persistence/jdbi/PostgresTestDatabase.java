package dev.tihuo.adapters.persistence.jdbi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A private schema with a random name on the shared PostgreSQL server, selected with
 * {@code currentSchema}, so runs by different people on one server never meet; dropped afterwards.
 */
final class PostgresTestDatabase extends TestDatabase {

    static final String URL = System.getenv().getOrDefault("TIHUO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("TIHUO_TEST_PG_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("TIHUO_TEST_PG_PASSWORD", "");

    private final String schema = "tihuo_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);

    PostgresTestDatabase() {
        execute("CREATE SCHEMA " + schema);
    }

    @Override
    DatabaseConfig config() {
        String separator = URL.contains("?") ? "&" : "?";
        return DatabaseConfig.of(URL + separator + "currentSchema=" + schema, USER, PASSWORD);
    }

    @Override
    String describe() {
        return "PostgreSQL schema " + schema;
    }

    @Override
    void removeData() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + URL, e);
        }
    }
}
