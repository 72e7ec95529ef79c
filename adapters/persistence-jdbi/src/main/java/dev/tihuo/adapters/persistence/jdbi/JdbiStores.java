package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.port.out.Stores;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.store.StoreId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Secondary adapter: stores in table {@code stores}; a POI is unique within a merchant. */
public final class JdbiStores implements Stores {

    private static final String SELECT = "SELECT merchant_id, store_id, poi_id, name, version FROM stores ";

    private final JdbiUnitOfWork unitOfWork;

    public JdbiStores(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public Optional<Store> find(MerchantId merchant, StoreId id) {
        return unitOfWork.inTransaction(h -> h.createQuery(SELECT + "WHERE merchant_id = :m AND store_id = :id")
                .bind("m", merchant.value()).bind("id", id.value())
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public Optional<Store> findByPoi(MerchantId merchant, PoiId poi) {
        return unitOfWork.inTransaction(h -> h.createQuery(SELECT + "WHERE merchant_id = :m AND poi_id = :poi")
                .bind("m", merchant.value()).bind("poi", poi.value())
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public void save(Store store) {
        String what = "store " + store.merchant().value() + "/" + store.id().value();
        Sql.saving(what, () -> unitOfWork.inTransaction(h -> {
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
                .map((rs, ctx) -> map(rs)).list());
    }

    private static Store map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return Store.reconstitute(new MerchantId(rs.getString("merchant_id")), new StoreId(rs.getString("store_id")),
                new PoiId(rs.getString("poi_id")), rs.getString("name"), rs.getLong("version"));
    }
}
