package dev.tihuo.domain.catalog;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** Douyin's SKU id (`sku_id`) as sent in create-order (S1). */
@ValueObject
public record DouyinSkuId(String value) {
    public DouyinSkuId {
        value = Text.requireId(value, "douyin sku id");
    }

    @Override
    public String toString() {
        return value;
    }
}
