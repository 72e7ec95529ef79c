package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.StoreStocks;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.store.StoreId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Secondary adapter for tests: stock per (merchant, store, SKU). */
public final class InMemoryStoreStocks implements StoreStocks {
    private record Row(StockKey key, int onHand, int reserved, long version) {}

    private final VersionedRows<StockKey, Row> rows;

    public InMemoryStoreStocks() {
        this(new MemoryDatabase());
    }

    public InMemoryStoreStocks(MemoryDatabase db) {
        this.rows = new VersionedRows<>(db, "stock", Row::version, (r, v) -> new Row(r.key(), r.onHand(), r.reserved(), v));
    }

    @Override
    public Optional<StoreStock> find(StockKey key) {
        return rows.get(key).map(InMemoryStoreStocks::toStock);
    }

    @Override
    public void save(StoreStock stock) {
        rows.save(stock.key(), new Row(stock.key(), stock.onHand(), stock.reserved(), stock.version()), null);
    }

    @Override
    public List<StoreStock> list(MerchantId merchant, StoreId store) {
        return rows.where(r -> r.key().merchant().equals(merchant) && (store == null || r.key().store().equals(store)))
                .stream()
                .sorted(Comparator.comparing((Row r) -> r.key().store().value()).thenComparing(r -> r.key().sku().value()))
                .map(InMemoryStoreStocks::toStock).toList();
    }

    private static StoreStock toStock(Row r) {
        return StoreStock.reconstitute(r.key(), r.onHand(), r.reserved(), r.version());
    }
}
