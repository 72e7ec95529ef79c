package dev.tihuo.application.service;

import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.Products;
import dev.tihuo.application.port.out.StoreStocks;
import dev.tihuo.application.port.out.Stores;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.stock.StockChanged;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StockMovement;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Applies stock movements and manual changes to the stores' stock, and queues the new absolute available figure
 * for Douyin (D12, O7 poistock/save). Pushes coalesce per (store, SKU): only the latest value is sent.
 */
final class StockKeeper {
    private final StoreStocks stocks;
    private final Stores stores;
    private final Products products;
    private final Outbox outbox;

    StockKeeper(StoreStocks stocks, Stores stores, Products products, Outbox outbox) {
        this.stocks = stocks;
        this.stores = stores;
        this.products = products;
        this.outbox = outbox;
    }

    void apply(MerchantId merchant, List<StockMovement> movements, Instant now) {
        for (StockMovement m : movements) {
            change(new StockKey(merchant, m.store(), m.sku()), stock -> stock.apply(m, now), now);
        }
    }

    /** Loads (or starts) the stock of a key, changes it, saves it and queues the push. */
    StockChanged change(StockKey key, Function<StoreStock, StockChanged> change, Instant now) {
        StoreStock stock = stocks.find(key).orElseGet(() -> StoreStock.empty(key));
        StockChanged changed = change.apply(stock);
        stocks.save(stock);
        push(changed, now);
        return changed;
    }

    /** A product just became known to Douyin: it must see every store's available stock of its SKUs (D12). */
    void pushAll(Product product, Instant now) {
        for (Sku sku : product.skus()) {
            for (Store store : stores.list(product.merchant())) {
                stocks.find(new StockKey(product.merchant(), store.id(), sku.outId())).ifPresent(s -> push(
                        new StockChanged(s.key(), s.onHand(), s.reserved(), s.available(), "product linked to Douyin", now), now));
            }
        }
    }

    void push(StockChanged changed, Instant now) {
        StockKey key = changed.key();
        Store store = stores.find(key.merchant(), key.store()).orElse(null);
        Product product = products.findBySku(key.merchant(), key.sku()).orElse(null);
        if (store == null || product == null || product.douyinId().isEmpty()) {
            return; // not on Douyin yet: publishing the product sends its stock
        }
        Sku sku = product.sku(key.sku()).orElseThrow();
        if (sku.douyinId() == null) {
            return;
        }
        DouyinCall.StockPush push = new DouyinCall.StockPush(key.merchant().value(), product.douyinId().get().value(),
                sku.douyinId().value(), sku.outId().value(), store.poiId().value(), changed.available());
        String coalesce = "stock:" + key.merchant() + ":" + store.poiId() + ":" + sku.outId();
        outbox.append(OutboxMessage.of(key.merchant().value(), push, coalesce, coalesce, now, null));
    }
}
