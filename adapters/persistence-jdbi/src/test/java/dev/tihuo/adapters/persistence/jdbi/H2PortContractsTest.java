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

/** Every contract kit of the application's persistence ports on the default database, an H2 file opened with tihuo's durable settings. */
class H2PortContractsTest {

    private static final SharedDatabase DATABASE = new SharedDatabase(H2TestDatabase::new);

    @AfterAll
    static void removeDatabase() throws Exception {
        DATABASE.close();
    }

    @Nested
    class H2OrdersContractTest extends OrdersContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class H2AfterSalesContractTest extends AfterSalesContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class H2StoresContractTest extends StoresContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class H2ProductsContractTest extends ProductsContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class H2StoreStocksContractTest extends StoreStocksContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class H2IdempotencyRecordsContractTest extends IdempotencyRecordsContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class H2OutboxContractTest extends OutboxContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class H2TokenStoreContractTest extends TokenStoreContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }

    @Nested
    class H2UnitOfWorkContractTest extends UnitOfWorkContract {
        @Override
        protected PortFixture newPorts() {
            return DATABASE.freshPorts();
        }
    }
}
