package dev.tihuo.adapters.persistence.jdbi;

import org.junit.jupiter.api.Nested;

/** Every behaviour suite on the default database: an H2 file opened with tihuo's durable settings. */
class H2Test {

    @Nested
    class Migrations extends MigrationsContract {
        @Override
        TestDatabase newTestDatabase() {
            return new H2TestDatabase();
        }
    }

    @Nested
    class UnitOfWork extends UnitOfWorkContract {
        @Override
        TestDatabase newTestDatabase() {
            return new H2TestDatabase();
        }
    }

    @Nested
    class IdempotencyRecords extends IdempotencyRecordsContract {
        @Override
        TestDatabase newTestDatabase() {
            return new H2TestDatabase();
        }
    }

    @Nested
    class Outbox extends OutboxContract {
        @Override
        TestDatabase newTestDatabase() {
            return new H2TestDatabase();
        }
    }

    @Nested
    class TokenStore extends TokenStoreContract {
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
}
