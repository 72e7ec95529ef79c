package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * S2 通知外部商家支付成功 body. The pickup page is not available (spi.md §5.2): field names follow the catering
 * ({@code timestamp}, seconds) and scenic ({@code pay_time_unix}, seconds) twins; only {@code order_id} is required.
 */
public record PayNotifyRequest(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_out_id") String orderOutId,
        @JsonProperty("timestamp") Long timestamp,
        @JsonProperty("pay_time_unix") Long payTimeUnix) implements Validated {

    @Override
    public void validate(Fields at) {
        at.id("order_id", orderId);
    }
}
