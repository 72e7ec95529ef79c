package dev.tihuo.domain.aftersale;

import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.voucher.PickupCode;
import java.util.List;
import java.util.Optional;

/** How a merchant answers refund and return requests (D6, D7, D9). */
public interface RefundPolicy {

    /**
     * @param lateCodes codes the application could issue now, offered only in the 补码 case (the order's issue
     *                  window lapsed) and only when the store can still reserve the goods
     */
    RefundDecision decideRefund(Order order, List<Integer> vouchers, Optional<List<PickupCode>> lateCodes);

    RefundDecision decideReturn(Order order, List<Integer> vouchers);

    static RefundPolicy standard() {
        return new StandardRefundPolicy();
    }

    static RefundPolicy manualReview() {
        return new ManualReviewPolicy();
    }
}
