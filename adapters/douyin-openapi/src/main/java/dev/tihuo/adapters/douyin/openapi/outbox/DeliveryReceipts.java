package dev.tihuo.adapters.douyin.openapi.outbox;

import dev.tihuo.adapters.douyin.openapi.Answer;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure;

/**
 * Where delivery results go back to the application: O1's certificate ids per code, O3's verify_id / certificate_id
 * (D15), G3's product id. Called after the store recorded the outcome. Placeholder for an application port.
 */
public interface DeliveryReceipts {
    void delivered(OutboxMessage message, Answer<?> answer);

    void parked(OutboxMessage message, DouyinFailure failure);

    DeliveryReceipts NONE = new DeliveryReceipts() {
        public void delivered(OutboxMessage message, Answer<?> answer) {}
        public void parked(OutboxMessage message, DouyinFailure failure) {}
    };
}
