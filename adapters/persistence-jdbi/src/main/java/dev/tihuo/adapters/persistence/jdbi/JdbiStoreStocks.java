package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.port.out.StoreStocks;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.store.StoreId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Secondary adapter: per-store stock in table {@code store_stock}, saved optimistically like every aggregate.
 *
 * <p>Stock is the one hot row (every create-order of a SKU at a store reserves from it), so {@link #find} inside a
 * unit of work reads it {@code FOR UPDATE}: racing reservations queue on the row lock until the holder commits and
 * then read the new version, instead of all reading one version and all but one failing with STALE_STATE (which
 * the application retries only 8 times). Outside a unit of work it is a plain read. The version check on save is
 * kept, so a copy loaded outside a transaction is still refused when stale.
 */
public final class JdbiStoreStocks implements StoreStocks {

    private static final String SELECT = "SELECT merchant_id, store_id, sku_out_id, on_hand, reserved, version FROM store_stock ";

    private final JdbiUnitOfWork unitOfWork;

    public JdbiStoreStocks(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public Optional<StoreStock> find(StockKey key) {
        boolean lock = unitOfWork.inProgress();
        return unitOfWork.inTransaction(h -> h.createQuery(SELECT
                        + "WHERE merchant_id = :m AND store_id = :s AND sku_out_id = :sku" + (lock ? " FOR UPDATE" : ""))
                .bind("m", key.merchant().value()).bind("s", key.store().value()).bind("sku", key.sku().value())
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public void save(StoreStock stock) {
        StockKey key = stock.key();
        String what = "stock " + key.merchant().value() + "/" + key.store().value() + "/" + key.sku().value();
        Sql.saving(what, () -> unitOfWork.inTransaction(h -> {
            if (stock.version() == 0) {
                int inserted = h.createUpdate("""
                                INSERT INTO store_stock (merchant_id, store_id, sku_out_id, on_hand, reserved, version)
                                VALUES (:m, :s, :sku, :onHand, :reserved, 1) ON CONFLICT DO NOTHING""")
                        .bind("m", key.merchant().value()).bind("s", key.store().value()).bind("sku", key.sku().value())
                        .bind("onHand", stock.onHand()).bind("reserved", stock.reserved())
                        .execute();
                if (inserted == 0) {
                    throw Sql.duplicate(what);
                }
            } else {
                int updated = h.createUpdate("""
                                UPDATE store_stock SET on_hand = :onHand, reserved = :reserved, version = version + 1
                                 WHERE merchant_id = :m AND store_id = :s AND sku_out_id = :sku AND version = :v""")
                        .bind("m", key.merchant().value()).bind("s", key.store().value()).bind("sku", key.sku().value())
                        .bind("onHand", stock.onHand()).bind("reserved", stock.reserved()).bind("v", stock.version())
                        .execute();
                if (updated == 0) {
                    throw Sql.stale(what, stock.version());
                }
            }
            return null;
        }));
    }

    @Override
    public List<StoreStock> list(MerchantId merchant, StoreId store) {
        return unitOfWork.inTransaction(h -> h.createQuery(SELECT + "WHERE merchant_id = :m"
                        + (store == null ? "" : " AND store_id = :s") + " ORDER BY store_id, sku_out_id")
                .bind("m", merchant.value()).bind("s", store == null ? null : store.value())
                .map((rs, ctx) -> map(rs)).list());
    }

    private static StoreStock map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return StoreStock.reconstitute(new StockKey(new MerchantId(rs.getString("merchant_id")),
                        new StoreId(rs.getString("store_id")), new SkuOutId(rs.getString("sku_out_id"))),
                rs.getInt("on_hand"), rs.getInt("reserved"), rs.getLong("version"));
    }
}
