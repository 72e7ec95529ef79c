package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.Products;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.MerchantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Secondary adapter for tests: products with their SKUs; a SKU out-id belongs to one product of a merchant. */
public final class InMemoryProducts implements Products {
    private record Key(MerchantId merchant, ProductOutId id) {}

    private record Row(MerchantId merchant, ProductOutId outId, DouyinProductId douyinId, String name,
                       CodeIssuing codeIssuing, int validityDays, List<Sku> skus, Product.Publication publication,
                       long version) {
        Product toProduct() {
            return Product.reconstitute(merchant, outId, douyinId, name, codeIssuing, validityDays, skus, publication, version);
        }

        boolean sells(SkuOutId sku) {
            return skus.stream().anyMatch(s -> s.outId().equals(sku));
        }
    }

    private final VersionedRows<Key, Row> rows;

    public InMemoryProducts() {
        this(new MemoryDatabase());
    }

    public InMemoryProducts(MemoryDatabase db) {
        this.rows = new VersionedRows<>(db, "product", Row::version, (r, v) -> new Row(r.merchant(), r.outId(),
                r.douyinId(), r.name(), r.codeIssuing(), r.validityDays(), r.skus(), r.publication(), v));
    }

    @Override
    public Optional<Product> find(MerchantId merchant, ProductOutId id) {
        return rows.get(new Key(merchant, id)).map(Row::toProduct);
    }

    @Override
    public Optional<Product> findByDouyinSku(MerchantId merchant, DouyinSkuId sku) {
        return rows.where(r -> r.merchant().equals(merchant) && r.skus().stream().anyMatch(s -> sku.equals(s.douyinId())))
                .stream().findFirst().map(Row::toProduct);
    }

    @Override
    public Optional<Product> findBySku(MerchantId merchant, SkuOutId sku) {
        return rows.where(r -> r.merchant().equals(merchant) && r.sells(sku)).stream().findFirst().map(Row::toProduct);
    }

    @Override
    public void save(Product product) {
        Row row = new Row(product.merchant(), product.outId(), product.douyinId().orElse(null), product.name(),
                product.codeIssuing(), product.validityDays(), List.copyOf(product.skus()), product.publication(),
                product.version());
        rows.save(new Key(product.merchant(), product.outId()), row, other -> other.merchant().equals(row.merchant())
                && row.skus().stream().anyMatch(s -> other.sells(s.outId())));
    }

    @Override
    public List<Product> list(MerchantId merchant) {
        return rows.where(r -> r.merchant().equals(merchant)).stream()
                .sorted(Comparator.comparing(r -> r.outId().value())).map(Row::toProduct).toList();
    }
}
