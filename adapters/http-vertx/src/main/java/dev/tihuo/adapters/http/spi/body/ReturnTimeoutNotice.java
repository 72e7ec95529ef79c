package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * S8 超时退货通知 body (D9): no Douyin page is known; tihuo assumes the S6 shape. The return was approved
 * automatically; required are {@code order_id} and {@code biz_uniq_key}.
 */
public record ReturnTimeoutNotice(
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
