package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.port.out.Stores;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.store.StoreId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Secondary adapter: stores in table {@code stores}; a POI is unique within a merchant. Reads by id and by POI go
 * through a {@link CommittedCache}: every S1 and stock push looks its store up.
 */
public final class JdbiStores implements Stores {

    private static final String SELECT = "SELECT merchant_id, store_id, poi_id, name, version FROM stores ";

    private final JdbiUnitOfWork unitOfWork;
    private final CommittedCache<StoreKey, StoreRow> stores;
    private final CommittedCache<StoreKey, String> storeOfPoi;

    /** Reads every time from the database (no cache). */
    public JdbiStores(JdbiUnitOfWork unitOfWork) {
        this(unitOfWork, Duration.ZERO);
    }

    public JdbiStores(JdbiUnitOfWork unitOfWork, Duration cacheTimeToLive) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.stores = new CommittedCache<>(unitOfWork, cacheTimeToLive, 10_000);
        this.storeOfPoi = new CommittedCache<>(unitOfWork, cacheTimeToLive, 10_000);
    }

    /** (merchant, store id) or, in the POI index, (merchant, POI id). */
    private record StoreKey(String merchant, String id) {}

    private record StoreRow(String merchant, String id, String poi, String name, long version) {
        Store toStore() {
            return Store.reconstitute(new MerchantId(merchant), new StoreId(id), new PoiId(poi), name, version);
        }
    }

    @Override
    public Optional<Store> find(MerchantId merchant, StoreId id) {
        return stores.get(new StoreKey(merchant.value(), id.value()), k -> unitOfWork.inTransaction(h -> h.createQuery(
                                SELECT + "WHERE merchant_id = :m AND store_id = :id")
                        .bind("m", k.merchant()).bind("id", k.id())
                        .map((rs, ctx) -> row(rs)).findOne()))
                .map(StoreRow::toStore);
    }

    @Override
    public Optional<Store> findByPoi(MerchantId merchant, PoiId poi) {
        return storeOfPoi.get(new StoreKey(merchant.value(), poi.value()), k -> unitOfWork.inTransaction(h -> h.createQuery(
                                "SELECT store_id FROM stores WHERE merchant_id = :m AND poi_id = :poi")
                        .bind("m", k.merchant()).bind("poi", k.id())
                        .mapTo(String.class).findOne()))
                .flatMap(store -> find(merchant, new StoreId(store)));
    }

    @Override
    public void save(Store store) {
        String what = "store " + store.merchant().value() + "/" + store.id().value();
        StoreKey key = new StoreKey(store.merchant().value(), store.id().value());
        Sql.saving(what, () -> unitOfWork.inTransaction(h -> {
            stores.changing(key);
            storeOfPoi.changingAll();
            if (store.version() == 0) {
                int inserted = h.createUpdate("""
                                INSERT INTO stores (merchant_id, store_id, poi_id, name, version)
                                VALUES (:m, :id, :poi, :name, 1) ON CONFLICT DO NOTHING""")
                        .bind("m", store.merchant().value()).bind("id", store.id().value())
                        .bind("poi", store.poiId().value()).bind("name", store.name())
                        .execute();
                if (inserted == 0) {
                    throw Sql.duplicate(what + " (or its POI " + store.poiId().value() + ")");
                }
            } else {
                int updated = h.createUpdate("""
                                UPDATE stores SET poi_id = :poi, name = :name, version = version + 1
                                 WHERE merchant_id = :m AND store_id = :id AND version = :v""")
                        .bind("m", store.merchant().value()).bind("id", store.id().value())
                        .bind("poi", store.poiId().value()).bind("name", store.name()).bind("v", store.version())
                        .execute();
                if (updated == 0) {
                    stores.evict(key);
                    throw Sql.stale(what, store.version());
                }
            }
            return null;
        }));
    }

    @Override
    public List<Store> list(MerchantId merchant) {
        return unitOfWork.inTransaction(h -> h.createQuery(SELECT + "WHERE merchant_id = :m ORDER BY store_id")
                .bind("m", merchant.value())
                .map((rs, ctx) -> row(rs).toStore()).list());
    }

    /** This repository's caches by name, for metrics and for {@link JdbiPersistence#clearCaches()}. */
    java.util.Map<String, CommittedCache<?, ?>> caches() {
        return java.util.Map.of("stores", stores, "store_of_poi", storeOfPoi);
    }

    private static StoreRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new StoreRow(rs.getString("merchant_id"), rs.getString("store_id"), rs.getString("poi_id"),
                rs.getString("name"), rs.getLong("version"));
    }
}
