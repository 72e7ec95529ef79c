package dev.tihuo.domain.aftersale;

import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.voucher.PickupCode;
import java.util.List;
import java.util.Optional;

/** D7: a merchant that reviews by hand answers "pending" and decides later through the merchant API (then O2). */
final class ManualReviewPolicy implements RefundPolicy {

    @Override
    public RefundDecision decideRefund(Order order, List<Integer> vouchers, Optional<List<PickupCode>> lateCodes) {
        return new RefundDecision.Pending("waiting for the merchant's review");
    }

    @Override
    public RefundDecision decideReturn(Order order, List<Integer> vouchers) {
        return new RefundDecision.Pending("waiting for the merchant's review");
    }
}
