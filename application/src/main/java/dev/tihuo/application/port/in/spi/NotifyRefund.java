package dev.tihuo.application.port.in.spi;

import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleKind;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.Money;
import java.util.List;
import java.util.Objects;

/**
 * Use case S6 退款结果同步: the money went back; the units are refunded and their stock released (D12). Also the
 * only message of refunds Douyin made without asking (customer service, issue failure). A notification.
 */
public interface NotifyRefund {
    void refunded(Notice notice);

    record Notice(DouyinOrderId order, String orderOutId, AfterSaleId afterSale, Money refundAmount,
                  List<RefundLine> lines, int noticeType, AfterSaleKind kind, String reason) {
        public Notice {
            Objects.requireNonNull(order, "order_id");
            Objects.requireNonNull(afterSale, "biz_uniq_key");
            Objects.requireNonNull(refundAmount, "refund_amount");
            Objects.requireNonNull(kind, "after_sale_type");
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }
}
