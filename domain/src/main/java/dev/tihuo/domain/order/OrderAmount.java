package dev.tihuo.domain.order;

import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * The order's amounts in fen (S1 `amount`). Douyin's subsidies mean pay need not equal origin - discount, so only
 * the bounds are checked: neither discount nor payment exceeds the original price.
 */
@ValueObject
public record OrderAmount(Money origin, Money discount, Money pay) {
    public OrderAmount {
        Objects.requireNonNull(origin, "origin amount");
        Objects.requireNonNull(discount, "discount amount");
        Objects.requireNonNull(pay, "pay amount");
        if (discount.isGreaterThan(origin) || pay.isGreaterThan(origin)) {
            throw new DomainException(Reason.INVALID_VALUE,
                    "discount " + discount + " and payment " + pay + " may not exceed the original " + origin);
        }
    }
}
