package dev.tihuo.domain.order;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** Douyin's order id (`order_id`): the idempotency key of S1-S4 and the id every callback names. */
@ValueObject
public record DouyinOrderId(String value) {
    public DouyinOrderId {
        value = Text.requireId(value, "order id");
    }

    @Override
    public String toString() {
        return value;
    }
}
