package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * S6 退款结果同步外部商家 body (spi.md §5.6). The page's requiredness column is not available: only
 * {@code order_id} and the idempotency key {@code biz_uniq_key} are required. {@code notice_type} 0 = refund
 * succeeded; {@code after_sale_type} 1 return and refund, 3 refund only; {@code handle_time} ms.
 */
public record RefundNotifyRequest(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_out_id") String orderOutId,
        @JsonProperty("biz_uniq_key") String bizUniqKey,
        @JsonProperty("refund_amount") Long refundAmount,
        @JsonProperty("refund_info_list") List<RefundedItem> refundInfoList,
        @JsonProperty("notice_type") Integer noticeType,
        @JsonProperty("refund_reason") String refundReason,
        @JsonProperty("handle_time") Long handleTime,
        @JsonProperty("desc") String desc,
        @JsonProperty("after_sale_type") Integer afterSaleType) implements Validated {

    @Override
    public void validate(Fields at) {
        at.id("order_id", orderId);
        at.id("biz_uniq_key", bizUniqKey);
        at.optionalAmount("refund_amount", refundAmount);
        at.optionalList("refund_info_list", refundInfoList);
    }
}
