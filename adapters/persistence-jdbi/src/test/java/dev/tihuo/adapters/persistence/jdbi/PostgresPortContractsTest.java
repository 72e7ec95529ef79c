package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.contract.AfterSalesContract;
import dev.tihuo.application.contract.IdempotencyRecordsContract;
import dev.tihuo.application.contract.OrdersContract;
import dev.tihuo.application.contract.OutboxContract;
import dev.tihuo.application.contract.PortFixture;
import dev.tihuo.application.contract.ProductsContract;
import dev.tihuo.application.contract.StoreStocksContract;
import dev.tihuo.application.contract.StoresContract;
import dev.tihuo.application.contract.TokenStoreContract;
import dev.tihuo.application.contract.UnitOfWorkContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** Every contract kit of the application's persistence ports on PostgreSQL 15, in a schema of its own; skipped when no server answers. */
@RequiresPostgres
class PostgresPortContractsTest {

    private static final SharedDatabase DATABASE = new SharedDatabase(PostgresTestDatabase::new);

    @AfterAll
    static void removeDatabase() throws Exception {
        DATABASE.close();
    }

    @Nested
    class PostgresOrdersContractTest extends OrdersContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class PostgresAfterSalesContractTest extends AfterSalesContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class PostgresStoresContractTest extends StoresContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class PostgresProductsContractTest extends ProductsContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class PostgresStoreStocksContractTest extends StoreStocksContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class PostgresIdempotencyRecordsContractTest extends IdempotencyRecordsContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class PostgresOutboxContractTest extends OutboxContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class PostgresTokenStoreContractTest extends TokenStoreContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class PostgresUnitOfWorkContractTest extends UnitOfWorkContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }
}
