package dev.tihuo.application.memory;

import dev.tihuo.application.contract.PortFixture;

/** The in-memory adapters as a {@link PortFixture}: fresh and empty, over one {@link MemoryDatabase}. */
public final class InMemoryPorts implements PortFixture {
    private final MemoryDatabase db = new MemoryDatabase();
    private final InMemoryOrders orders = new InMemoryOrders(db);
    private final InMemoryAfterSales afterSales = new InMemoryAfterSales(db);
    private final InMemoryStores stores = new InMemoryStores(db);
    private final InMemoryProducts products = new InMemoryProducts(db);
    private final InMemoryStoreStocks stocks = new InMemoryStoreStocks(db);
    private final InMemoryIdempotencyRecords idempotencyRecords = new InMemoryIdempotencyRecords(db);
    private final InMemoryOutbox outbox = new InMemoryOutbox(db);
    private final InMemoryTokenStore tokens = new InMemoryTokenStore(db);
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork(db);

    public MemoryDatabase database() { return db; }
    @Override public InMemoryOrders orders() { return orders; }
    @Override public InMemoryAfterSales afterSales() { return afterSales; }
    @Override public InMemoryStores stores() { return stores; }
    @Override public InMemoryProducts products() { return products; }
    @Override public InMemoryStoreStocks stocks() { return stocks; }
    @Override public InMemoryIdempotencyRecords idempotencyRecords() { return idempotencyRecords; }
    @Override public InMemoryOutbox outbox() { return outbox; }
    @Override public InMemoryTokenStore tokens() { return tokens; }
    @Override public InMemoryUnitOfWork unitOfWork() { return unitOfWork; }
}
