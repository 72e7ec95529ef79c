package dev.tihuo.adapters.persistence.jdbi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Probes the PostgreSQL test server once per JVM; when it does not answer, PostgreSQL tests are skipped. */
final class PostgresAvailable implements ExecutionCondition {

    private static volatile ConditionEvaluationResult probed;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        ConditionEvaluationResult result = probed;
        if (result == null) {
            synchronized (PostgresAvailable.class) {
                if (probed == null) {
                    probed = probe();
                    if (probed.isDisabled()) {
                        System.err.println("[tihuo] " + probed.getReason().orElse(""));
                    }
                }
                result = probed;
            }
        }
        return result;
    }

    private static ConditionEvaluationResult probe() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(
                PostgresTestDatabase.URL, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresTestDatabase.URL
                    + " (" + connection.getMetaData().getDatabaseProductVersion() + ")");
        } catch (SQLException e) {
            return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: no server at "
                    + PostgresTestDatabase.URL + " (" + e.getMessage()
                    + "). Start one or set TIHUO_TEST_PG_URL / TIHUO_TEST_PG_USER / TIHUO_TEST_PG_PASSWORD.");
        }
    }
}
