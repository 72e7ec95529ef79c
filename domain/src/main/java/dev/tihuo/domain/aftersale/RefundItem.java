package dev.tihuo.domain.aftersale;

import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * One unit of an after-sale (`refund_info_list[]`), bound to the order's voucher number once tihuo matched it.
 * The code Douyin sends is not kept: the voucher already has it.
 */
@ValueObject
public record RefundItem(int voucher, OrderItemId item, CertificateId certificate, Money amount) {
    public RefundItem {
        Objects.requireNonNull(amount, "item refund amount");
    }
}
