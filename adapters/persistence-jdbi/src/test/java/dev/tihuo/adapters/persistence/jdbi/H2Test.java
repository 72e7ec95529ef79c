package dev.tihuo.adapters.persistence.jdbi;

import org.junit.jupiter.api.Nested;

/** The adapter's own behaviour suites (the application's port kits run in *PortContractsTest) on the default database: an H2 file opened with tihuo's durable settings. */
class H2Test {

    @Nested
    class Migrations extends MigrationsContract {
        @Override
        TestDatabase newTestDatabase() {
            return new H2TestDatabase();
        }
    }

    @Nested
    class Transactions extends TransactionsContract {
        @Override
        TestDatabase newTestDatabase() {
            return new H2TestDatabase();
        }
    }

    @Nested
    class WebhookInbox extends WebhookInboxContract {
        @Override
        TestDatabase newTestDatabase() {
            return new H2TestDatabase();
        }
    }

    @Nested
    class ApplicationRaces extends ApplicationRacesContract {
        @Override
        TestDatabase newTestDatabase() {
            return new H2TestDatabase();
        }
    }
}
