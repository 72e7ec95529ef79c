package dev.tihuo.domain.store;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** The merchant's own store id (`ext_id` / `supplier_ext_id` on Douyin's side). */
@ValueObject
public record StoreId(String value) {
    public StoreId {
        value = Text.requireId(value, "store id");
    }

    @Override
    public String toString() {
        return value;
    }
}
