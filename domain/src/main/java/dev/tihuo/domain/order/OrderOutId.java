package dev.tihuo.domain.order;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** tihuo's own order id, answered to create-order as `order_out_id` (D1) and named by later SPIs. */
@ValueObject
public record OrderOutId(String value) {
    public OrderOutId {
        value = Text.requireId(value, "order out id");
    }

    @Override
    public String toString() {
        return value;
    }
}
