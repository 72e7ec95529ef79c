package dev.tihuo.adapters.http.webhook;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tihuo.adapters.http.spi.body.Fields;
import dev.tihuo.adapters.http.spi.body.Validated;

/**
 * W1 {@code life_retail_comp_poi_change}: the buyer's pickup store changed after purchase. Douyin's payload is
 * unknown (spi.md §6.2); tihuo assumes {@code order_id} and the new store ({@code new_poi_id}, also read as
 * {@code after_poi_id} or {@code poi_id}) are required, and reads {@code old_poi_id} ({@code before_poi_id}),
 * {@code account_id} and {@code change_time} when present.
 */
public record PoiChange(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("account_id") String accountId,
        @JsonProperty("old_poi_id") @JsonAlias("before_poi_id") String oldPoiId,
        @JsonProperty("new_poi_id") @JsonAlias({"after_poi_id", "poi_id"}) String newPoiId,
        @JsonProperty("change_time") Long changeTime) implements Validated {

    @Override
    public void validate(Fields at) {
        at.id("order_id", orderId);
        at.id("new_poi_id", newPoiId);
    }
}
