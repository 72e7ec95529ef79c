package dev.tihuo.application.port.out;

import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.store.StoreId;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port for per-store stock; same versioning contract as {@link Orders}. */
public interface StoreStocks {
    Optional<StoreStock> find(StockKey key);

    void save(StoreStock stock);

    /** One merchant's stock, of one store when {@code store} is given. */
    List<StoreStock> list(MerchantId merchant, StoreId store);
}
