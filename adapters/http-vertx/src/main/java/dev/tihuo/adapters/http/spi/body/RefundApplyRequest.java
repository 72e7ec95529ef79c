package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** S5 商家退款申请 body (spi.md §5.5); {@code biz_uniq_key} is the idempotency key, {@code handle_time} ms. */
public record RefundApplyRequest(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_out_id") String orderOutId,
        @JsonProperty("biz_uniq_key") String bizUniqKey,
        @JsonProperty("refund_amount") Long refundAmount,
        @JsonProperty("refund_info_list") List<RefundItem> refundInfoList,
        @JsonProperty("refund_reason") String refundReason,
        @JsonProperty("handle_time") Long handleTime) implements Validated {

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
