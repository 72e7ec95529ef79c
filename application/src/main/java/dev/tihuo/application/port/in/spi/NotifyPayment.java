package dev.tihuo.application.port.in.spi;

import dev.tihuo.domain.order.DouyinOrderId;
import java.util.Objects;

/**
 * Use case S2 通知外部商家支付成功 (create-before-pay mode, D2). A notification: it never refuses for business
 * reasons; an order it cannot find yet is a reason to ask Douyin to retry.
 */
public interface NotifyPayment {
    void paid(Notice notice);

    record Notice(DouyinOrderId order, String orderOutId) {
        public Notice {
            Objects.requireNonNull(order, "order_id");
        }
    }
}
