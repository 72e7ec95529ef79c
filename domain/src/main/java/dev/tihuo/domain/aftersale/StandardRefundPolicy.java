package dev.tihuo.domain.aftersale;

import dev.tihuo.domain.order.IssueFailure;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.util.List;
import java.util.Optional;

/**
 * D7: unredeemed units are approved, picked-up units rejected, a mix is pending (D6: mixed answers are not allowed
 * synchronously). In the 补码 case - the issue window lapsed and Douyin asks to refund - the refund is rejected with
 * codes when they can be issued, else approved. Returns (D9) are approved for picked-up units only.
 */
final class StandardRefundPolicy implements RefundPolicy {

    @Override
    public RefundDecision decideRefund(Order order, List<Integer> vouchers, Optional<List<PickupCode>> lateCodes) {
        if (order.state() == OrderState.ISSUE_FAILED && order.issueFailure().orElse(null) == IssueFailure.LAPSED) {
            return lateCodes.<RefundDecision>map(codes -> new RefundDecision.Reject("code supplied late (补码)", codes))
                    .orElseGet(RefundDecision::approve);
        }
        long pickedUp = vouchers.stream().map(order::voucher)
                .filter(v -> v.state() == VoucherState.REDEEMED || v.state() == VoucherState.RETURN_REQUESTED).count();
        if (pickedUp == 0) {
            return RefundDecision.approve();
        }
        if (pickedUp == vouchers.size()) {
            return new RefundDecision.Reject("goods already picked up");
        }
        return new RefundDecision.Pending("some units were picked up: decided unit by unit");
    }

    @Override
    public RefundDecision decideReturn(Order order, List<Integer> vouchers) {
        boolean allPickedUp = vouchers.stream().map(order::voucher).allMatch(v -> v.state() == VoucherState.REDEEMED);
        return allPickedUp ? RefundDecision.approve() : new RefundDecision.Reject("goods were not picked up: nothing to return");
    }
}
