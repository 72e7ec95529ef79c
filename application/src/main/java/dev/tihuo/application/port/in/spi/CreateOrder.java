package dev.tihuo.application.port.in.spi;

import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.OrderAmount;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.store.PoiId;
import java.util.List;
import java.util.Objects;

/**
 * Use case S1 通知外部商家创单: create the merchant's order and reserve its units at the chosen store (D12).
 * Refused with UNKNOWN_SKU / UNKNOWN_STORE (D16 40006) or INSUFFICIENT_STOCK (40005); idempotent on the order id.
 */
public interface CreateOrder {
    Created create(Command command);

    record Command(MerchantId merchant, DouyinOrderId order, PoiId poi, List<Item> items, OrderAmount amount) {
        public Command {
            Objects.requireNonNull(merchant, "account_id");
            Objects.requireNonNull(order, "order_id");
            Objects.requireNonNull(poi, "poi_id");
            Objects.requireNonNull(amount, "amount");
            if (items == null || items.isEmpty()) {
                throw new DomainException(Reason.INVALID_VALUE, "sku_list must name at least one SKU");
            }
            items = List.copyOf(items);
        }
    }

    /** One `sku_list[]` entry; {@code skuOutId} is optional on Douyin's side. */
    record Item(DouyinProductId product, DouyinSkuId sku, String skuOutId, int count, Money unitAmount) {
        public Item {
            Objects.requireNonNull(product, "product_id");
            Objects.requireNonNull(sku, "sku_id");
            Objects.requireNonNull(unitAmount, "unit_amount");
        }
    }

    /** D1: answered as `data.order_out_id`. */
    record Created(String orderOutId) {}
}
