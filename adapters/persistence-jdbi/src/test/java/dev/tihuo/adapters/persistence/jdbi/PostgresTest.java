package dev.tihuo.adapters.persistence.jdbi;

import org.junit.jupiter.api.Nested;

/** Every behaviour suite on PostgreSQL 15, each test in a schema of its own; skipped when no server answers. */
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
    class UnitOfWork extends UnitOfWorkContract {
        @Override
        TestDatabase newTestDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class IdempotencyRecords extends IdempotencyRecordsContract {
        @Override
        TestDatabase newTestDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class Outbox extends OutboxContract {
        @Override
        TestDatabase newTestDatabase() {
            return new PostgresTestDatabase();
        }
    }

    @Nested
    class TokenStore extends TokenStoreContract {
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
}
