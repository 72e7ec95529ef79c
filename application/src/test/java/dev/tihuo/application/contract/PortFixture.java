package dev.tihuo.application.contract;

import dev.tihuo.application.port.out.AfterSales;
import dev.tihuo.application.port.out.IdempotencyRecords;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.Products;
import dev.tihuo.application.port.out.StoreStocks;
import dev.tihuo.application.port.out.Stores;
import dev.tihuo.application.port.out.TokenStore;
import dev.tihuo.application.port.out.UnitOfWork;

/**
 * What an adapter hands the contract kits: one set of fresh, empty persistence ports over one database, all taking
 * part in the transactions of {@link #unitOfWork()}. Every port method must also work outside a unit of work (then
 * it commits on its own). The ports must be safe to use from several threads at once.
 *
 * <p>An adapter's test supplies it through {@link PortContract#newPorts()}; {@link #close()} runs after each test.
 */
public interface PortFixture extends AutoCloseable {
    Orders orders();

    AfterSales afterSales();

    Stores stores();

    Products products();

    StoreStocks stocks();

    IdempotencyRecords idempotencyRecords();

    Outbox outbox();

    TokenStore tokens();

    UnitOfWork unitOfWork();

    @Override
    default void close() throws Exception {
    }
}
