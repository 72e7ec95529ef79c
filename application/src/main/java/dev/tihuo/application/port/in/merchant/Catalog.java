package dev.tihuo.application.port.in.merchant;

import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.shared.MerchantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Use cases: the merchant's stores, products and SKUs, and their publication to Douyin (G3/G4). */
public interface Catalog {
    StoreView saveStore(MerchantId merchant, StoreDraft store);

    List<StoreView> stores(MerchantId merchant);

    ProductView saveProduct(MerchantId merchant, ProductDraft product);

    List<ProductView> products(MerchantId merchant);

    ProductView product(MerchantId merchant, String productOutId);

    /** Queues product save + SKU batch save for Douyin through the outbox. */
    ProductView publish(MerchantId merchant, String productOutId);

    /** Records Douyin's ids for a product that exists on Douyin (answered by G3/G4 or entered by an operator). */
    ProductView linkToDouyin(MerchantId merchant, String productOutId, String douyinProductId, Map<String, String> skuIds);

    record StoreDraft(String storeId, String poiId, String name) {
        public StoreDraft {
            Objects.requireNonNull(storeId, "store_id");
            Objects.requireNonNull(poiId, "poi_id");
        }
    }

    record StoreView(String storeId, String poiId, String name) {}

    record ProductDraft(String productOutId, String name, CodeIssuing codeIssuing, int validityDays, List<SkuDraft> skus) {
        public ProductDraft {
            Objects.requireNonNull(productOutId, "product_out_id");
            skus = skus == null ? List.of() : List.copyOf(skus);
        }
    }

    record SkuDraft(String skuOutId, String douyinSkuId, String name, long priceFen) {}

    record ProductView(String productOutId, String douyinProductId, String name, CodeIssuing codeIssuing,
                       int validityDays, String publication, List<SkuView> skus) {}

    record SkuView(String skuOutId, String douyinSkuId, String name, long priceFen) {}
}
