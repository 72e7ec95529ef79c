package dev.tihuo.application.port.in.spi;

import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.Money;
import java.util.List;
import java.util.Objects;

/** Use case S8 超时退货通知 (D9): Douyin approved a return nobody handled in time; recorded like an approval. */
public interface NotifyReturnTimeout {
    void timedOut(Notice notice);

    record Notice(DouyinOrderId order, String orderOutId, AfterSaleId afterSale, Money refundAmount, List<RefundLine> lines) {
        public Notice {
            Objects.requireNonNull(order, "order_id");
            Objects.requireNonNull(afterSale, "biz_uniq_key");
            lines = lines == null ? List.of() : List.copyOf(lines);
            refundAmount = refundAmount == null ? Money.ZERO : refundAmount;
        }
    }
}
