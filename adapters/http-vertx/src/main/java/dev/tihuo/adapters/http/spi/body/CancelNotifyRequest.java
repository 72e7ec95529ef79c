package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * S3 通知外部商家取消订单 body, after the catering and scenic twins (spi.md §5.3): {@code cancel_type} 1 before
 * payment, 2 after payment, 3 our order creation failed; time in seconds. Only {@code order_id} is required
 * ({@code order_out_id} is absent when our order was never created).
 */
public record CancelNotifyRequest(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("order_out_id") String orderOutId,
        @JsonProperty("cancel_type") Integer cancelType,
        @JsonProperty("timestamp") Long timestamp,
        @JsonProperty("cancel_order_time_unix") Long cancelOrderTimeUnix) implements Validated {

    @Override
    public void validate(Fields at) {
        at.id("order_id", orderId);
    }
}
