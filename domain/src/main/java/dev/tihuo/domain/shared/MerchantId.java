package dev.tihuo.domain.shared;

import org.jmolecules.ddd.annotation.ValueObject;

/** A Douyin 来客 merchant account (`account_id`); every aggregate belongs to exactly one (D17). */
@ValueObject
public record MerchantId(String value) {
    public MerchantId {
        value = Text.requireId(value, "merchant account id");
    }

    @Override
    public String toString() {
        return value;
    }
}
