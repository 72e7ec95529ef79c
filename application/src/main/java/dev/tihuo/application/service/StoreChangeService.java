package dev.tihuo.application.service;

import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.application.port.in.spi.ChangePickupStore;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.StoreStocks;
import dev.tihuo.application.port.out.Stores;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.store.Store;
import java.time.Clock;
import java.time.Instant;

/** W1 store change after purchase (D13). */
public final class StoreChangeService implements ChangePickupStore {
    private final Orders orders;
    private final Stores stores;
    private final StoreStocks stocks;
    private final StockKeeper stock;
    private final UnitOfWork unitOfWork;
    private final Idempotency idempotency;
    private final Clock clock;

    public StoreChangeService(Ports ports) {
        this.orders = ports.orders();
        this.stores = ports.stores();
        this.stocks = ports.stocks();
        this.stock = ports.stockKeeper();
        this.unitOfWork = ports.unitOfWork();
        this.idempotency = ports.idempotency();
        this.clock = ports.clock();
    }

    @Override
    public Outcome change(ChangePickupStore.Command command) {
        return idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            Order order = orders.find(command.order())
                    .orElseThrow(() -> new TryAgainLater("store change for unknown order " + command.order()));
            if (order.poi().equals(command.newPoi()) || order.state().isFinal()) {
                return Outcome.UNCHANGED;
            }
            Instant now = clock.instant();
            Store target = stores.findByPoi(order.merchant(), command.newPoi()).orElse(null);
            if (target == null) {
                order.flagStoreChange(command.newPoi(), "the new store is not one of the merchant's stores in tihuo", now);
                orders.save(order);
                return Outcome.FLAGGED;
            }
            boolean hasStock = order.reservedUnits().entrySet().stream().allMatch(e ->
                    stocks.find(new StockKey(order.merchant(), target.id(), e.getKey()))
                            .map(StoreStock::available).orElse(0) >= e.getValue());
            if (!hasStock) {
                order.flagStoreChange(command.newPoi(), "the new store has not enough stock", now);
                orders.save(order);
                return Outcome.FLAGGED;
            }
            var moved = order.moveTo(target.id(), target.poiId(), now);
            stock.apply(order.merchant(), moved.movements(), now);
            orders.save(order);
            return Outcome.MOVED;
        }));
    }
}
