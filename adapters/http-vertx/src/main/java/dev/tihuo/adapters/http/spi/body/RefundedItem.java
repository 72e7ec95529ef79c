package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One item of a refund result or timeout-return notice (S6, S8); the voucher is optional there. */
public record RefundedItem(
        @JsonProperty("order_item_id") String orderItemId,
        @JsonProperty("item_refund_amount") Long itemRefundAmount,
        @JsonProperty("certificate") RefundItem.Certificate certificate) implements Validated {

    @Override
    public void validate(Fields at) {
        at.id("order_item_id", orderItemId);
        at.optionalAmount("item_refund_amount", itemRefundAmount);
        at.optionalObject("certificate", certificate);
    }
}
