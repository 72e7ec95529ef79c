package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One refunded item of a refund or return application (S5, S7): each names its voucher. */
public record RefundItem(
        @JsonProperty("order_item_id") String orderItemId,
        @JsonProperty("item_refund_amount") Long itemRefundAmount,
        @JsonProperty("certificate") Certificate certificate) implements Validated {

    @Override
    public void validate(Fields at) {
        at.id("order_item_id", orderItemId);
        at.amount("item_refund_amount", itemRefundAmount);
        at.object("certificate", certificate);
    }

    /** The voucher; {@code code} is empty when issuing failed (the 补码 case). */
    public record Certificate(
            @JsonProperty("certificate_id") String certificateId,
            @JsonProperty("code") String code) implements Validated {
        @Override
        public void validate(Fields at) {
            at.id("certificate_id", certificateId);
        }
    }
}
