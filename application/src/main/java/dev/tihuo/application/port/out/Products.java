package dev.tihuo.application.port.out;

import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.MerchantId;
import java.util.List;
import java.util.Optional;

/** Outgoing persistence port for products and their SKUs; same versioning contract as {@link Orders}. */
public interface Products {
    Optional<Product> find(MerchantId merchant, ProductOutId id);

    /** How create-order (S1) finds what it sells: Douyin's SKU id. */
    Optional<Product> findByDouyinSku(MerchantId merchant, DouyinSkuId sku);

    Optional<Product> findBySku(MerchantId merchant, SkuOutId sku);

    void save(Product product);

    List<Product> list(MerchantId merchant);
}
