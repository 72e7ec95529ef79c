package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.port.out.Products;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Secondary adapter: products in {@code products} and their SKUs in {@code skus}, whose primary key
 * (merchant, sku_out_id) makes a SKU out-id belong to one product of a merchant. A save rewrites the product's SKU
 * rows (nothing refers to them by key).
 *
 * <p>Reads go through a {@link CommittedCache}: every S1 and S4 needs the product of a SKU (by Douyin's SKU id, by
 * ours) several times, and products change a few times a day.
 */
public final class JdbiProducts implements Products {

    private static final String SELECT_PRODUCT = """
            SELECT merchant_id, product_out_id, douyin_product_id, name, code_issuing, validity_days, publication, version
              FROM products""" + " ";

    private final JdbiUnitOfWork unitOfWork;
    private final CommittedCache<ProductKey, StoredProduct> products;
    private final CommittedCache<SkuKey, String> productOfSku;

    /** Reads every time from the database (no cache). */
    public JdbiProducts(JdbiUnitOfWork unitOfWork) {
        this(unitOfWork, Duration.ZERO);
    }

    public JdbiProducts(JdbiUnitOfWork unitOfWork, Duration cacheTimeToLive) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.products = new CommittedCache<>(unitOfWork, cacheTimeToLive, 10_000);
        this.productOfSku = new CommittedCache<>(unitOfWork, cacheTimeToLive, 50_000);
    }

    private record ProductKey(String merchant, String outId) {}

    /** A SKU by Douyin's id ({@code douyin}) or by ours. */
    private record SkuKey(String merchant, boolean douyin, String sku) {}

    private record StoredProduct(ProductRow row, List<Sku> skus) {
        Product toProduct() {
            return row.toProduct(skus);
        }
    }

    @Override
    public Optional<Product> find(MerchantId merchant, ProductOutId id) {
        return stored(merchant.value(), id.value()).map(StoredProduct::toProduct);
    }

    @Override
    public Optional<Product> findByDouyinSku(MerchantId merchant, DouyinSkuId sku) {
        return productOfSku.get(new SkuKey(merchant.value(), true, sku.value()), k -> unitOfWork.inTransaction(h -> h.createQuery(
                                "SELECT product_out_id FROM skus WHERE merchant_id = :m AND douyin_sku_id = :sku ORDER BY product_out_id")
                        .bind("m", k.merchant()).bind("sku", k.sku())
                        .mapTo(String.class).findFirst()))
                .flatMap(product -> find(merchant, new ProductOutId(product)));
    }

    @Override
    public Optional<Product> findBySku(MerchantId merchant, SkuOutId sku) {
        return productOfSku.get(new SkuKey(merchant.value(), false, sku.value()), k -> unitOfWork.inTransaction(h -> h.createQuery(
                                "SELECT product_out_id FROM skus WHERE merchant_id = :m AND sku_out_id = :sku")
                        .bind("m", k.merchant()).bind("sku", k.sku())
                        .mapTo(String.class).findOne()))
                .flatMap(product -> find(merchant, new ProductOutId(product)));
    }

    private Optional<StoredProduct> stored(String merchant, String outId) {
        return products.get(new ProductKey(merchant, outId), k -> unitOfWork.inTransaction(h -> load(h, k.merchant(), k.outId())));
    }

    @Override
    public void save(Product product) {
        String what = "product " + product.merchant().value() + "/" + product.outId().value();
        ProductKey key = new ProductKey(product.merchant().value(), product.outId().value());
        Sql.saving(what, () -> unitOfWork.inTransaction(h -> {
            products.changing(key);
            productOfSku.changingAll();
            if (product.version() == 0) {
                int inserted = h.createUpdate("""
                                INSERT INTO products (merchant_id, product_out_id, douyin_product_id, name, code_issuing,
                                                      validity_days, publication, version)
                                VALUES (:m, :id, :douyin, :name, :issuing, :days, :publication, 1) ON CONFLICT DO NOTHING""")
                        .bind("m", product.merchant().value()).bind("id", product.outId().value())
                        .bind("douyin", product.douyinId().map(DouyinProductId::value).orElse(null))
                        .bind("name", product.name()).bind("issuing", product.codeIssuing().name())
                        .bind("days", product.validityDays()).bind("publication", product.publication().name())
                        .execute();
                if (inserted == 0) {
                    throw Sql.duplicate(what);
                }
            } else {
                int updated = h.createUpdate("""
                                UPDATE products SET douyin_product_id = :douyin, name = :name, code_issuing = :issuing,
                                                    validity_days = :days, publication = :publication, version = version + 1
                                 WHERE merchant_id = :m AND product_out_id = :id AND version = :v""")
                        .bind("m", product.merchant().value()).bind("id", product.outId().value())
                        .bind("douyin", product.douyinId().map(DouyinProductId::value).orElse(null))
                        .bind("name", product.name()).bind("issuing", product.codeIssuing().name())
                        .bind("days", product.validityDays()).bind("publication", product.publication().name())
                        .bind("v", product.version())
                        .execute();
                if (updated == 0) {
                    products.evict(key);
                    throw Sql.stale(what, product.version());
                }
                h.createUpdate("DELETE FROM skus WHERE merchant_id = :m AND product_out_id = :id")
                        .bind("m", product.merchant().value()).bind("id", product.outId().value())
                        .execute();
            }
            insertSkus(h, product, what);
            return null;
        }));
    }

    private static void insertSkus(Handle h, Product product, String what) {
        List<Sku> skus = product.skus();
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO skus (merchant_id, sku_out_id, product_out_id, position, douyin_sku_id, name, price_fen)
                VALUES (:m, :sku, :product, :position, :douyin, :name, :price) ON CONFLICT DO NOTHING""");
        for (int i = 0; i < skus.size(); i++) {
            Sku sku = skus.get(i);
            batch.bind("m", product.merchant().value()).bind("sku", sku.outId().value())
                    .bind("product", product.outId().value()).bind("position", i)
                    .bind("douyin", sku.douyinSkuId().map(DouyinSkuId::value).orElse(null))
                    .bind("name", sku.name()).bind("price", sku.price().fen())
                    .add();
        }
        int[] counts = batch.execute();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new dev.tihuo.domain.shared.DomainException(dev.tihuo.domain.shared.Reason.DUPLICATE,
                        what + ": SKU " + skus.get(i).outId().value() + " belongs to another product");
            }
        }
    }

    @Override
    public List<Product> list(MerchantId merchant) {
        return unitOfWork.inTransaction(h -> {
            List<ProductRow> rows = h.createQuery(SELECT_PRODUCT + "WHERE merchant_id = :m ORDER BY product_out_id")
                    .bind("m", merchant.value())
                    .map((rs, ctx) -> ProductRow.of(rs)).list();
            Map<String, List<Sku>> skus = new LinkedHashMap<>();
            h.createQuery("SELECT * FROM skus WHERE merchant_id = :m ORDER BY product_out_id, position")
                    .bind("m", merchant.value())
                    .map((rs, ctx) -> Map.entry(rs.getString("product_out_id"), sku(rs)))
                    .forEach(e -> skus.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return rows.stream().map(r -> r.toProduct(skus.getOrDefault(r.outId, List.of()))).toList();
        });
    }

    private static Optional<StoredProduct> load(Handle h, String merchant, String outId) {
        return h.createQuery(SELECT_PRODUCT + "WHERE merchant_id = :m AND product_out_id = :id")
                .bind("m", merchant).bind("id", outId)
                .map((rs, ctx) -> ProductRow.of(rs)).findOne()
                .map(row -> new StoredProduct(row, h.createQuery(
                                "SELECT * FROM skus WHERE merchant_id = :m AND product_out_id = :id ORDER BY position")
                        .bind("m", merchant).bind("id", outId)
                        .map((rs, ctx) -> sku(rs)).list()));
    }

    /** This repository's caches by name, for metrics and for {@link JdbiPersistence#clearCaches()}. */
    java.util.Map<String, CommittedCache<?, ?>> caches() {
        return java.util.Map.of("products", products, "product_of_sku", productOfSku);
    }

    private static Sku sku(ResultSet rs) throws SQLException {
        String douyin = rs.getString("douyin_sku_id");
        return new Sku(new SkuOutId(rs.getString("sku_out_id")), douyin == null ? null : new DouyinSkuId(douyin),
                rs.getString("name"), Money.fen(rs.getLong("price_fen")));
    }

    private record ProductRow(String merchant, String outId, String douyinId, String name, String codeIssuing,
                              int validityDays, String publication, long version) {
        static ProductRow of(ResultSet rs) throws SQLException {
            return new ProductRow(rs.getString("merchant_id"), rs.getString("product_out_id"),
                    rs.getString("douyin_product_id"), rs.getString("name"), rs.getString("code_issuing"),
                    rs.getInt("validity_days"), rs.getString("publication"), rs.getLong("version"));
        }

        Product toProduct(List<Sku> skus) {
            return Product.reconstitute(new MerchantId(merchant), new ProductOutId(outId),
                    douyinId == null ? null : new DouyinProductId(douyinId), name, CodeIssuing.valueOf(codeIssuing),
                    validityDays, skus, Product.Publication.valueOf(publication), version);
        }
    }
}
