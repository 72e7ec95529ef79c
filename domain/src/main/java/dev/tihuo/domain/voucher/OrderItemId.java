package dev.tihuo.domain.voucher;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** Douyin's item order id (`order_item_id`), how refund notices (S6) name a unit. */
@ValueObject
public record OrderItemId(String value) {
    public OrderItemId {
        value = Text.requireId(value, "order item id");
    }

    @Override
    public String toString() {
        return value;
    }
}
