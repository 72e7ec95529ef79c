package dev.tihuo.domain.aftersale;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** Douyin's after-sale id (`biz_uniq_key`, = `after_sale_id` in O2 per D8): the idempotency key of S5-S8. */
@ValueObject
public record AfterSaleId(String value) {
    public AfterSaleId {
        value = Text.requireId(value, "after-sale id");
    }

    @Override
    public String toString() {
        return value;
    }
}
