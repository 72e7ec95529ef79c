package dev.tihuo.application.port.in.spi;

import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import java.util.List;
import java.util.Objects;

/**
 * Use case S5 商家退款申请: answer approve, reject or pending by the merchant's refund policy (D6, D7), including the
 * 补码 case. Idempotent on `biz_uniq_key`.
 */
public interface ApplyRefund {
    AuditAnswer apply(Application application);

    record Application(DouyinOrderId order, String orderOutId, AfterSaleId afterSale, Money refundAmount,
                       List<RefundLine> lines, String reason) {
        public Application {
            Objects.requireNonNull(order, "order_id");
            Objects.requireNonNull(afterSale, "biz_uniq_key");
            Objects.requireNonNull(refundAmount, "refund_amount");
            if (lines == null || lines.isEmpty()) {
                throw new DomainException(Reason.INVALID_VALUE, "refund_info_list must name at least one unit");
            }
            lines = List.copyOf(lines);
        }
    }
}
