package dev.tihuo.domain.order;

import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/** One SKU of an order (`sku_list[]` of S1), already mapped to the merchant's SKU out-id. */
@ValueObject
public record OrderLine(DouyinProductId product, DouyinSkuId douyinSku, SkuOutId sku, int count, Money unitAmount) {
    public static final int MAX_UNITS = 999;

    public OrderLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(douyinSku, "douyin sku");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitAmount, "unit amount");
        if (count < 1 || count > MAX_UNITS) {
            throw new DomainException(Reason.INVALID_VALUE, "count must be 1 to " + MAX_UNITS + ", was " + count);
        }
    }
}
