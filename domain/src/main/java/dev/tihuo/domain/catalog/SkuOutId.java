package dev.tihuo.domain.catalog;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** The merchant's own SKU id (`sku_out_id`); stock is kept per store and SKU out-id. */
@ValueObject
public record SkuOutId(String value) {
    public SkuOutId {
        value = Text.requireId(value, "sku out id");
    }

    @Override
    public String toString() {
        return value;
    }
}
