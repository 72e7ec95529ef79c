package dev.tihuo.application.port.in.spi;

import dev.tihuo.domain.shared.Money;
import java.util.Objects;

/** One `refund_info_list[]` entry: the unit's item id, its refund amount, and (in S5/S7) its certificate and code. */
public record RefundLine(String orderItemId, Money amount, String certificateId, String code) {
    public RefundLine {
        Objects.requireNonNull(amount, "item_refund_amount");
    }
}
