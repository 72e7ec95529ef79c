package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** S1 通知外部商家创单 body (spi.md §5.1). {@code open_id} arrives encrypted by the gateway. */
public record CreateOrderRequest(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("open_id") String openId,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("poi_id") String poiId,
        @JsonProperty("sku_list") List<SkuLine> skuList,
        @JsonProperty("amount") OrderAmount amount) implements Validated {

    @Override
    public void validate(Fields at) {
        at.id("order_id", orderId);
        at.id("open_id", openId);
        at.id("account_id", accountId);
        at.id("poi_id", poiId);
        at.list("sku_list", skuList);
        at.object("amount", amount);
    }

    /** One purchased SKU; {@code unit_amount} in fen. */
    public record SkuLine(
            @JsonProperty("sku_id") String skuId,
            @JsonProperty("product_id") String productId,
            @JsonProperty("sku_out_id") String skuOutId,
            @JsonProperty("product_out_id") String productOutId,
            @JsonProperty("count") Integer count,
            @JsonProperty("unit_amount") Long unitAmount) implements Validated {
        @Override
        public void validate(Fields at) {
            at.id("sku_id", skuId);
            at.id("product_id", productId);
            at.count("count", count);
            at.amount("unit_amount", unitAmount);
        }
    }

    /** Order amounts in fen. */
    public record OrderAmount(
            @JsonProperty("origin_amount") Long originAmount,
            @JsonProperty("discount_amount") Long discountAmount,
            @JsonProperty("pay_amount") Long payAmount) implements Validated {
        @Override
        public void validate(Fields at) {
            at.amount("origin_amount", originAmount);
            at.amount("discount_amount", discountAmount);
            at.amount("pay_amount", payAmount);
        }
    }
}
