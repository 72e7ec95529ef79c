package dev.tihuo.domain.store;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** Douyin's point-of-interest id of a store (`poi_id`): the pickup store a buyer chooses. */
@ValueObject
public record PoiId(String value) {
    public PoiId {
        value = Text.requireId(value, "poi id");
    }

    @Override
    public String toString() {
        return value;
    }
}
