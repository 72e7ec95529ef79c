package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * S4 发券 body. The pickup page's field table is unknown (spi.md §5.4): this follows the sibling issue SPIs.
 * Only {@code order_id} is required; {@code certificates} (alias {@code certificate_list}) lists the vouchers
 * to issue a code for (D4), {@code count} the units otherwise. Validity times are passed through unconverted
 * (a sibling sends nanoseconds).
 */
public record IssueCodesRequest(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_out_id") String orderOutId,
        @JsonProperty("count") Integer count,
        @JsonProperty("certificates") @JsonAlias("certificate_list") List<Certificate> certificates,
        @JsonProperty("amount") Amount amount) implements Validated {

    @Override
    public void validate(Fields at) {
        at.id("order_id", orderId);
        if (count != null) {
            at.count("count", count);
        }
        at.optionalList("certificates", certificates);
        at.optionalObject("amount", amount);
    }

    /** One voucher awaiting a code. */
    public record Certificate(
            @JsonProperty("certificate_id") String certificateId,
            @JsonProperty("order_item_id") String orderItemId,
            @JsonProperty("sku_id") String skuId,
            @JsonProperty("start_time") Long startTime,
            @JsonProperty("expire_time") Long expireTime) implements Validated {
        @Override
        public void validate(Fields at) {
            at.id("certificate_id", certificateId);
        }
    }

    /** Amounts in fen, as far as the sibling SPIs name them. */
    public record Amount(
            @JsonProperty("original_amount") Long originalAmount,
            @JsonProperty("pay_amount") Long payAmount,
            @JsonProperty("ticket_amount") Long ticketAmount,
            @JsonProperty("merchant_ticket_amount") Long merchantTicketAmount) implements Validated {
        @Override
        public void validate(Fields at) {
            at.optionalAmount("original_amount", originalAmount);
            at.optionalAmount("pay_amount", payAmount);
            at.optionalAmount("ticket_amount", ticketAmount);
            at.optionalAmount("merchant_ticket_amount", merchantTicketAmount);
        }
    }
}
