package dev.tihuo.domain.catalog;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** Douyin's product id (`product_id`), known once the product is saved on Douyin. */
@ValueObject
public record DouyinProductId(String value) {
    public DouyinProductId {
        value = Text.requireId(value, "douyin product id");
    }

    @Override
    public String toString() {
        return value;
    }
}
