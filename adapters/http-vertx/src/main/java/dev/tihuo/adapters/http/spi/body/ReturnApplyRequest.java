package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * S7 申请退货 body (D9): no Douyin page is known; tihuo assumes the S5 shape plus {@code after_sale_type}
 * (1 return and refund). {@code after_sale_type} is optional because its presence is itself an assumption.
 */
public record ReturnApplyRequest(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_out_id") String orderOutId,
        @JsonProperty("biz_uniq_key") String bizUniqKey,
        @JsonProperty("refund_amount") Long refundAmount,
        @JsonProperty("refund_info_list") List<RefundItem> refundInfoList,
        @JsonProperty("refund_reason") String refundReason,
        @JsonProperty("handle_time") Long handleTime,
        @JsonProperty("after_sale_type") Integer afterSaleType) implements Validated {

    @Override
    public void validate(Fields at) {
        at.id("order_id", orderId);
        at.id("order_out_id", orderOutId);
        at.id("biz_uniq_key", bizUniqKey);
        at.amount("refund_amount", refundAmount);
        at.list("refund_info_list", refundInfoList);
        at.text("refund_reason", refundReason);
        at.number("handle_time", handleTime);
    }
}
