package dev.tihuo.domain.aftersale;

import static dev.tihuo.domain.order.OrderFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.voucher.PickupCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The default refund policy of D7, returns per D9, and manual review. */
class RefundPolicyTest {
    private final RefundPolicy standard = RefundPolicy.standard();
    private final RefundPolicy manual = RefundPolicy.manualReview();

    @Test
    void a_refund_of_units_not_picked_up_is_approved() {
        Order order = orderIn(OrderState.ISSUED);

        assertThat(standard.decideRefund(order, List.of(1, 2), Optional.empty())).isInstanceOf(RefundDecision.Approve.class);
    }

    @Test
    void a_refund_of_the_unit_not_picked_up_from_a_partly_picked_up_order_is_approved() {
        Order order = orderIn(OrderState.PARTIALLY_REDEEMED);

        assertThat(standard.decideRefund(order, List.of(2), Optional.empty())).isInstanceOf(RefundDecision.Approve.class);
    }

    @Test
    void refund_is_rejected_when_the_voucher_was_picked_up() {
        Order order = orderIn(OrderState.REDEEMED);

        RefundDecision decision = standard.decideRefund(order, List.of(1, 2), Optional.empty());

        assertThat(decision).isInstanceOfSatisfying(RefundDecision.Reject.class, r -> {
            assertThat(r.reason()).contains("picked up");
            assertThat(r.lateCodes()).isEmpty();
        });
    }

    @Test
    void refund_is_rejected_when_the_units_goods_are_being_returned() {
        Order order = orderIn(OrderState.REDEEMED);
        order.requestReturn(List.of(1));

        assertThat(standard.decideRefund(order, List.of(1), Optional.empty())).isInstanceOf(RefundDecision.Reject.class);
    }

    @Test
    void a_refund_naming_picked_up_and_unredeemed_units_is_pending_because_douyin_takes_no_mixed_answer() {
        Order order = orderIn(OrderState.PARTIALLY_REDEEMED);

        assertThat(standard.decideRefund(order, List.of(1, 2), Optional.empty())).isInstanceOf(RefundDecision.Pending.class);
    }

    @Test
    void a_refund_after_a_lapsed_issue_window_is_rejected_with_the_late_codes_when_they_can_be_issued() {
        Order order = lapsed();
        List<PickupCode> codes = codesFor(order);

        RefundDecision decision = standard.decideRefund(order, List.of(1, 2), Optional.of(codes));

        assertThat(decision).isInstanceOfSatisfying(RefundDecision.Reject.class, r -> assertThat(r.lateCodes()).isEqualTo(codes));
    }

    @Test
    void a_refund_after_a_lapsed_issue_window_is_approved_when_no_code_can_be_issued() {
        Order order = lapsed();

        assertThat(standard.decideRefund(order, List.of(1, 2), Optional.empty())).isInstanceOf(RefundDecision.Approve.class);
    }

    @Test
    void a_refund_after_a_lapsed_issue_window_is_approved_when_the_offered_late_codes_are_none() {
        Order order = lapsed();

        assertThat(standard.decideRefund(order, List.of(1, 2), Optional.of(List.of()))).isInstanceOf(RefundDecision.Approve.class);
    }

    @Test
    void a_refund_after_tihuo_refused_to_issue_is_approved_and_late_codes_are_ignored() {
        Order order = orderIn(OrderState.ISSUE_FAILED);

        assertThat(standard.decideRefund(order, List.of(1, 2), Optional.of(codesFor(order))))
                .isInstanceOf(RefundDecision.Approve.class);
    }

    @Test
    void a_return_of_picked_up_goods_is_approved() {
        Order order = orderIn(OrderState.REDEEMED);

        assertThat(standard.decideReturn(order, List.of(1, 2))).isInstanceOf(RefundDecision.Approve.class);
    }

    @Test
    void a_return_of_goods_never_picked_up_is_rejected() {
        Order order = orderIn(OrderState.PARTIALLY_REDEEMED);

        assertThat(standard.decideReturn(order, List.of(1, 2))).isInstanceOf(RefundDecision.Reject.class);
        assertThat(standard.decideReturn(order, List.of(2))).isInstanceOf(RefundDecision.Reject.class);
    }

    @Test
    void manual_review_answers_pending_for_every_refund_and_return() {
        for (OrderState state : List.of(OrderState.ISSUED, OrderState.PARTIALLY_REDEEMED, OrderState.REDEEMED)) {
            Order order = orderIn(state);
            assertThat(manual.decideRefund(order, List.of(1, 2), Optional.empty())).isInstanceOf(RefundDecision.Pending.class);
            assertThat(manual.decideReturn(order, List.of(1, 2))).isInstanceOf(RefundDecision.Pending.class);
        }
        Order lapsed = lapsed();
        assertThat(manual.decideRefund(lapsed, List.of(1, 2), Optional.of(codesFor(lapsed)))).isInstanceOf(RefundDecision.Pending.class);
    }
}
