package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.contract.PortFixture;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * One private database for a whole test class of port kits (migrating a PostgreSQL schema takes about a second),
 * opened on first use; each test gets {@link #freshPorts()} over it with every table emptied.
 */
final class SharedDatabase implements AutoCloseable {

    private final Supplier<TestDatabase> factory;
    private TestDatabase store;
    private JdbiPersistence persistence;

    SharedDatabase(Supplier<TestDatabase> factory) {
        this.factory = factory;
    }

    synchronized JdbiPersistence persistence() {
        if (persistence == null) {
            store = factory.get();
            persistence = JdbiPersistence.over(store.open(), Clock.systemUTC());
        }
        return persistence;
    }

    /** Opens one more pool on the same data, as another tihuo instance would. */
    synchronized JdbiPersistence anotherInstance() {
        persistence();
        return JdbiPersistence.over(store.open(), Clock.systemUTC());
    }

    synchronized PortFixture freshPorts() {
        JdbiPersistence p = persistence();
        p.database().jdbi().useHandle(h -> DatabaseContract.TABLES.forEach(table -> h.execute("DELETE FROM " + table)));
        p.clearCaches();
        return new JdbiPortFixture(p);
    }

    @Override
    public synchronized void close() throws Exception {
        if (store != null) {
            store.close();
        }
        store = null;
        persistence = null;
    }

    /** The adapter's ports as the application's contract kits want them. */
    record JdbiPortFixture(JdbiPersistence persistence) implements PortFixture {
        @Override public JdbiOrders orders() { return persistence.orders(); }
        @Override public JdbiAfterSales afterSales() { return persistence.afterSales(); }
        @Override public JdbiStores stores() { return persistence.stores(); }
        @Override public JdbiProducts products() { return persistence.products(); }
        @Override public JdbiStoreStocks stocks() { return persistence.stocks(); }
        @Override public JdbiIdempotencyRecords idempotencyRecords() { return persistence.idempotencyRecords(); }
        @Override public JdbiOutbox outbox() { return persistence.outbox(); }
        @Override public JdbiTokenStore tokens() { return persistence.tokens(); }
        @Override public JdbiUnitOfWork unitOfWork() { return persistence.unitOfWork(); }
    }
}
