package dev.tihuo.application.port.out;

import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.store.StoreId;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port for stores; same versioning contract as {@link Orders}. A POI belongs to one store. */
public interface Stores {
    Optional<Store> find(MerchantId merchant, StoreId id);

    Optional<Store> findByPoi(MerchantId merchant, PoiId poi);

    void save(Store store);

    List<Store> list(MerchantId merchant);
}
