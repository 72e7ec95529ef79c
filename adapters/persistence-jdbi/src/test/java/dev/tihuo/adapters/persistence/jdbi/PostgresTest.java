package dev.tihuo.adapters.persistence.jdbi;

import org.junit.jupiter.api.Nested;

/** The adapter's own behaviour suites (the application's port kits run in *PortContractsTest) on PostgreSQL 15, each test in a schema of its own; skipped when no server answers. */
@RequiresPostgres
class PostgresTest {

    @Nested
    class Migrations extends MigrationsContract {
        @Override
        TestDatabase newTestDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        TestDatabase newTestDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class WebhookInbox extends WebhookInboxContract {
        @Override
        TestDatabase newTestDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class ApplicationRaces extends ApplicationRacesContract {
        @Override
        TestDatabase newTestDatabase() {
            return new PostgresTestDatabase();
        }
    }
}
