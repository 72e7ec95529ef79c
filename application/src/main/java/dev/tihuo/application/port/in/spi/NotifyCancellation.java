package dev.tihuo.application.port.in.spi;

import dev.tihuo.domain.order.DouyinOrderId;
import java.util.Objects;

/** Use case S3 通知外部商家取消订单: the order is cancelled and its reservation released. A notification. */
public interface NotifyCancellation {
    void cancelled(Notice notice);

    /** {@code cancelType} 1 before payment, 2 after payment, 3 creation failed (scenic twin). */
    record Notice(DouyinOrderId order, String orderOutId, int cancelType) {
        public Notice {
            Objects.requireNonNull(order, "order_id");
        }
    }
}
