package dev.tihuo.bootstrap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the annotated tests only when the PostgreSQL test server answers ({@code TIHUO_TEST_PG_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user postgres); skips them with one message otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Probe.class)
@interface RequiresPostgres {
    String URL = System.getenv().getOrDefault("TIHUO_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    String USER = System.getenv().getOrDefault("TIHUO_TEST_PG_USER", "postgres");
    String PASSWORD = System.getenv().getOrDefault("TIHUO_TEST_PG_PASSWORD", "");

    /** A private schema with a random name, selected with {@code currentSchema}; {@link Schema#close()} drops it. */
    final class Schema implements AutoCloseable {
        final String name = "tihuo_boot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);

        Schema() {
            execute("CREATE SCHEMA " + name);
        }

        String url() {
            return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        @Override
        public void close() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }

        private static void execute(String sql) {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot run '" + sql + "' on " + URL, e);
            }
        }
    }

    final class Probe implements ExecutionCondition {
        private static volatile ConditionEvaluationResult probed;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            synchronized (Probe.class) {
                if (probed == null) {
                    DriverManager.setLoginTimeout(3);
                    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
                        probed = ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
                    } catch (SQLException e) {
                        probed = ConditionEvaluationResult.disabled("PostgreSQL tests skipped: no server at " + URL + " ("
                                + e.getMessage() + "). Start one or set TIHUO_TEST_PG_URL / TIHUO_TEST_PG_USER / TIHUO_TEST_PG_PASSWORD.");
                        System.err.println("[tihuo] " + probed.getReason().orElse(""));
                    }
                }
                return probed;
            }
        }
    }
}
