package dev.tihuo.domain.order;

import static dev.tihuo.domain.order.OrderFixture.*;
import static dev.tihuo.domain.shared.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Transition;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;

/** Every allowed and every forbidden transition of the order state machine (flows.md §4.1). */
class OrderLifecycleTest {
    private static final Instant LATER = T0.plusSeconds(600);

    private static List<String> states(Order order) {
        return order.history().stream().map(Transition::to).toList();
    }

    private static List<VoucherState> voucherStates(Order order) {
        return order.vouchers().stream().map(Voucher::state).toList();
    }

    @Nested
    class Allowed {
        @Test
        void an_accepted_create_order_is_created_with_one_pending_voucher_per_unit() {
            Order order = twoTeas();

            assertThat(order.state()).isEqualTo(OrderState.CREATED);
            assertThat(voucherStates(order)).containsExactly(VoucherState.PENDING_ISSUE, VoucherState.PENDING_ISSUE);
            assertThat(states(order)).containsExactly("CREATED");
        }

        @Test
        void a_payment_notice_moves_a_created_order_to_paid() {
            Order order = twoTeas();

            order.pay(LATER);

            assertThat(order.state()).isEqualTo(OrderState.PAID);
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, names = {"CREATED", "PAID"})
        void a_cancel_notice_cancels_an_order_before_codes_are_issued(OrderState from) {
            Order order = orderIn(from);

            order.cancel("cancel_type 2", LATER);

            assertThat(order.state()).isEqualTo(OrderState.CANCELLED);
            assertThat(voucherStates(order)).containsOnly(VoucherState.CANCELLED);
        }

        @Test
        void an_issuing_answer_moves_a_paid_order_to_issuing() {
            Order order = orderIn(OrderState.PAID);

            OrderEvent.IssuingStarted started = order.startIssuing(LATER);

            assertThat(order.state()).isEqualTo(OrderState.ISSUING);
            assertThat(voucherStates(order)).containsOnly(VoucherState.ISSUING);
            assertThat(started.deadline()).isEqualTo(LATER.plus(IssueWindow.LENGTH));
        }

        @Test
        void codes_in_the_issue_reply_move_a_paid_order_to_issued() {
            Order order = orderIn(OrderState.PAID);

            OrderEvent.CodesIssued issued = order.issue(codesFor(order), VALID_UNTIL, LATER);

            assertThat(order.state()).isEqualTo(OrderState.ISSUED);
            assertThat(voucherStates(order)).containsOnly(VoucherState.VALID);
            assertThat(issued.byCallback()).isFalse();
            assertThat(issued.late()).isFalse();
            assertThat(issued.vouchers()).extracting(OrderEvent.IssuedVoucher::number).containsExactly(1, 2);
        }

        @Test
        void codes_through_the_callback_move_an_issuing_order_to_issued() {
            Order order = orderIn(OrderState.ISSUING);

            OrderEvent.CodesIssued issued = order.issue(codesFor(order), VALID_UNTIL, LATER);

            assertThat(order.state()).isEqualTo(OrderState.ISSUED);
            assertThat(issued.byCallback()).isTrue();
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, names = {"PAID", "ISSUING"})
        void a_failed_issue_moves_the_order_to_issue_failed(OrderState from) {
            Order order = orderIn(from);

            OrderEvent.IssueFailed failed = order.failIssue(LATER);

            assertThat(order.state()).isEqualTo(OrderState.ISSUE_FAILED);
            assertThat(order.issueFailure()).contains(IssueFailure.REFUSED);
            assertThat(voucherStates(order)).containsOnly(VoucherState.ISSUE_FAILED);
            assertThat(failed.byCallback()).isEqualTo(from == OrderState.ISSUING);
        }

        @Test
        void a_lapsed_issue_window_moves_an_issuing_order_to_issue_failed() {
            Order order = lapsed();

            assertThat(order.state()).isEqualTo(OrderState.ISSUE_FAILED);
            assertThat(order.issueFailure()).contains(IssueFailure.LAPSED);
        }

        @Test
        void late_codes_move_a_lapsed_order_to_issued() {
            Order order = lapsed();

            order.supplyLateCodes(codesFor(order), VALID_UNTIL, LATER.plusSeconds(600));

            assertThat(order.state()).isEqualTo(OrderState.ISSUED);
            assertThat(order.issueFailure()).isEmpty();
        }

        @Test
        void a_refund_notice_moves_an_issue_failed_order_to_refunded() {
            Order order = orderIn(OrderState.ISSUE_FAILED);

            order.refund(fullRefund(order, 1, 2), LATER);

            assertThat(order.state()).isEqualTo(OrderState.REFUNDED);
            assertThat(order.refundedAmount()).isEqualTo(order.amount().pay());
        }

        @Test
        void picking_up_one_of_two_units_makes_the_order_partially_redeemed_and_the_second_redeemed() {
            Order order = orderIn(OrderState.ISSUED);

            order.redeem(codeOf(order, 1), STORE_A, "t1", LATER);
            assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_REDEEMED);

            order.redeem(codeOf(order, 2), STORE_A, "t2", LATER);
            assertThat(order.state()).isEqualTo(OrderState.REDEEMED);
        }

        @Test
        void picking_up_every_unit_at_once_makes_a_single_unit_order_redeemed() {
            Order order = place("o-single", STORE_A, List.of(line(TEA, 1, 1000)), 1000).order();
            order.issue(codesFor(order), VALID_UNTIL, T0);

            order.redeem(codeOf(order, 1), STORE_A, "t1", LATER);

            assertThat(states(order)).containsExactly("CREATED", "PAID", "ISSUED", "REDEEMED");
        }

        @Test
        void cancelling_redemptions_within_the_hour_steps_back_to_partially_redeemed_then_issued() {
            Order order = orderIn(OrderState.REDEEMED);
            Instant redeemedAt = order.voucher(1).redeemedAt().orElseThrow();

            order.cancelRedemption(codeOf(order, 2), redeemedAt.plusSeconds(60));
            assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_REDEEMED);

            order.cancelRedemption(codeOf(order, 1), redeemedAt.plusSeconds(120));
            assertThat(order.state()).isEqualTo(OrderState.ISSUED);
        }

        @Test
        void refund_notices_for_one_then_the_other_unit_move_an_issued_order_to_partially_refunded_then_refunded() {
            Order order = orderIn(OrderState.ISSUED);

            order.refund(fullRefund(order, 1), LATER);
            assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_REFUNDED);

            order.refund(fullRefund(order, 2), LATER);
            assertThat(order.state()).isEqualTo(OrderState.REFUNDED);
        }

        @Test
        void a_refund_of_the_unit_not_picked_up_moves_a_partially_redeemed_order_to_partially_refunded() {
            Order order = orderIn(OrderState.PARTIALLY_REDEEMED);

            order.refund(fullRefund(order, 2), LATER);

            assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_REFUNDED);
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, names = {"PARTIALLY_REDEEMED", "REDEEMED"})
        void a_refund_after_a_return_of_picked_up_goods_refunds_a_redeemed_unit(OrderState from) {
            Order order = orderIn(from);

            order.requestReturn(List.of(1));
            order.refund(fullRefund(order, 1), LATER);

            assertThat(order.voucher(1).state()).isEqualTo(VoucherState.REFUNDED);
            assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_REFUNDED);
        }

        @Test
        void a_refund_after_returns_of_every_picked_up_unit_makes_a_redeemed_order_refunded() {
            Order order = orderIn(OrderState.REDEEMED);

            order.requestReturn(List.of(1, 2));
            order.refund(fullRefund(order, 1, 2), LATER);

            assertThat(order.state()).isEqualTo(OrderState.REFUNDED);
        }

        @Test
        void the_history_records_each_step_of_the_order() {
            Order order = orderIn(OrderState.ISSUING);
            order.issue(codesFor(order), VALID_UNTIL, LATER);

            assertThat(states(order)).containsExactly("CREATED", "PAID", "ISSUING", "ISSUED");
            assertThat(order.history().get(3).from()).isEqualTo("ISSUING");
        }
    }

    @Nested
    class Forbidden {
        private void assertUnchangedAfter(Order order, Reason reason, org.assertj.core.api.ThrowableAssert.ThrowingCallable command) {
            Order.Snapshot before = order.snapshot();
            assertRefused(reason, command);
            assertThat(order.snapshot()).as("a refused command leaves the order as it was").isEqualTo(before);
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, mode = Mode.EXCLUDE, names = "CREATED")
        void a_payment_notice_is_refused_unless_the_order_is_created(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.pay(LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, mode = Mode.EXCLUDE, names = {"CREATED", "PAID"})
        void a_cancel_notice_is_refused_once_issuing_began(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.cancel("cancel_type 2", LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, mode = Mode.EXCLUDE, names = {"CREATED", "PAID"})
        void an_issuing_answer_is_refused_unless_the_order_waits_for_its_codes(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.startIssuing(LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, mode = Mode.EXCLUDE, names = {"CREATED", "PAID", "ISSUING"})
        void codes_are_refused_once_the_order_is_past_issuing(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.issue(codesFor(order), VALID_UNTIL, LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, mode = Mode.EXCLUDE, names = {"CREATED", "PAID", "ISSUING"})
        void an_issue_failure_is_refused_once_the_order_is_past_issuing(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.failIssue(LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, mode = Mode.EXCLUDE, names = "ISSUE_FAILED")
        void late_codes_are_refused_unless_the_issue_failed(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION,
                    () -> order.supplyLateCodes(codesFor(order), VALID_UNTIL, LATER));
        }

        @Test
        void late_codes_are_refused_when_tihuo_itself_answered_that_issuing_failed() {
            Order order = orderIn(OrderState.ISSUE_FAILED);
            assertUnchangedAfter(order, Reason.LATE_CODE_NOT_ALLOWED,
                    () -> order.supplyLateCodes(codesFor(order), VALID_UNTIL, LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, names = {"CANCELLED", "REFUNDED"})
        void a_refund_notice_is_refused_for_a_cancelled_or_refunded_order(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.refund(fullRefund(order, 1), LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, names = {"CANCELLED", "REFUNDED"})
        void a_store_change_is_refused_for_a_cancelled_or_refunded_order(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.moveTo(STORE_B, POI_B, LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, names = {"CREATED", "PAID", "ISSUING", "ISSUE_FAILED", "CANCELLED"})
        void a_redemption_is_refused_when_the_order_has_no_codes(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.UNKNOWN_VOUCHER, () -> order.redeem(freshCode(), STORE_A, TOKEN, LATER));
        }

        @Test
        void a_redemption_is_refused_when_every_unit_was_picked_up() {
            Order order = orderIn(OrderState.REDEEMED);
            assertUnchangedAfter(order, Reason.ALREADY_REDEEMED, () -> order.redeem(codeOf(order, 1), STORE_A, TOKEN, LATER));
        }

        @Test
        void a_redemption_is_refused_when_the_order_was_refunded() {
            Order order = orderIn(OrderState.REFUNDED);
            assertUnchangedAfter(order, Reason.VOUCHER_REFUNDED, () -> order.redeem(codeOf(order, 1), STORE_A, TOKEN, LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, names = {"ISSUED", "PARTIALLY_REFUNDED", "REFUNDED"})
        void cancelling_a_redemption_is_refused_when_nothing_was_picked_up(OrderState from) {
            Order order = orderIn(from);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.cancelRedemption(codeOf(order, 2), LATER));
        }

        @ParameterizedTest
        @EnumSource(value = OrderState.class, mode = Mode.EXCLUDE, names = "ISSUING")
        void the_issue_window_lapses_only_for_an_issuing_order(OrderState from) {
            Order order = orderIn(from);
            Order.Snapshot before = order.snapshot();

            assertThat(order.lapseIssueWindow(LATER.plus(IssueWindow.LENGTH.multipliedBy(3)))).isEmpty();
            assertThat(order.snapshot()).isEqualTo(before);
        }

        @Test
        void a_redeemed_unit_cannot_be_refunded_without_a_return() {
            Order order = orderIn(OrderState.PARTIALLY_REDEEMED);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.refund(fullRefund(order, 1), LATER));
        }

        @Test
        void a_refunded_unit_cannot_be_refunded_twice() {
            Order order = orderIn(OrderState.PARTIALLY_REFUNDED);
            assertUnchangedAfter(order, Reason.ILLEGAL_TRANSITION, () -> order.refund(fullRefund(order, 1), LATER));
        }
    }
}
