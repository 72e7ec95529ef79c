package dev.tihuo.domain.catalog;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** The merchant's own product id (`product_out_id`). */
@ValueObject
public record ProductOutId(String value) {
    public ProductOutId {
        value = Text.requireId(value, "product out id");
    }

    @Override
    public String toString() {
        return value;
    }
}
