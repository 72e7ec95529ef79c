package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.Stores;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.store.StoreId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Secondary adapter for tests: stores; within one merchant a POI belongs to one store. */
public final class InMemoryStores implements Stores {
    private record Key(MerchantId merchant, StoreId id) {}

    private record Row(MerchantId merchant, StoreId id, PoiId poi, String name, long version) {
        Store toStore() {
            return Store.reconstitute(merchant, id, poi, name, version);
        }
    }

    private final VersionedRows<Key, Row> rows;

    public InMemoryStores() {
        this(new MemoryDatabase());
    }

    public InMemoryStores(MemoryDatabase db) {
        this.rows = new VersionedRows<>(db, "store", Row::version,
                (r, v) -> new Row(r.merchant(), r.id(), r.poi(), r.name(), v));
    }

    @Override
    public Optional<Store> find(MerchantId merchant, StoreId id) {
        return rows.get(new Key(merchant, id)).map(Row::toStore);
    }

    @Override
    public Optional<Store> findByPoi(MerchantId merchant, PoiId poi) {
        return rows.where(r -> r.merchant().equals(merchant) && r.poi().equals(poi)).stream().findFirst().map(Row::toStore);
    }

    @Override
    public void save(Store store) {
        Row row = new Row(store.merchant(), store.id(), store.poiId(), store.name(), store.version());
        rows.save(new Key(store.merchant(), store.id()), row,
                other -> other.merchant().equals(row.merchant()) && other.poi().equals(row.poi()));
    }

    @Override
    public List<Store> list(MerchantId merchant) {
        return rows.where(r -> r.merchant().equals(merchant)).stream()
                .sorted(Comparator.comparing(r -> r.id().value())).map(Row::toStore).toList();
    }
}
