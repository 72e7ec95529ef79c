package dev.tihuo.domain.stock;

import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.store.StoreId;
import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/** Which stock: one merchant's SKU at one of its stores. */
@ValueObject
public record StockKey(MerchantId merchant, StoreId store, SkuOutId sku) {
    public StockKey {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(sku, "sku");
    }
}
