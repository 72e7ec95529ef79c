package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;

/** S1 reply: our order id in {@code data.order_out_id} (D1). */
public record CreateOrderReply(@JsonProperty("order_out_id") String orderOutId) implements SpiReply {
    public CreateOrderReply {
        if (orderOutId == null || orderOutId.isBlank()) {
            throw new IllegalArgumentException("order_out_id must not be blank");
        }
    }
}
