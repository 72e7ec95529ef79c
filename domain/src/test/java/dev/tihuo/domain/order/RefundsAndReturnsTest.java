package dev.tihuo.domain.order;

import static dev.tihuo.domain.order.OrderFixture.*;
import static dev.tihuo.domain.shared.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refunds (S5/S6) and returns of picked-up goods (S7, D9) as the order sees them. */
class RefundsAndReturnsTest {
    private static final Instant AT = T0.plus(Duration.ofDays(2));

    @Test
    void a_unit_put_up_for_refund_waits_for_the_refund_notice() {
        Order order = issued();

        order.putUpForRefund(List.of(1));

        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.REFUNDING);
        assertThat(order.state()).isEqualTo(OrderState.ISSUED);
    }

    @Test
    void a_rejected_refund_keeps_the_unit_valid() {
        Order order = issued();
        order.putUpForRefund(List.of(1, 2));

        order.keepAfterRefundRejected(List.of(1, 2), AT);

        assertThat(order.vouchers()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.VALID));
    }

    @Test
    void a_picked_up_unit_cannot_be_put_up_for_refund() {
        Order order = orderIn(OrderState.PARTIALLY_REDEEMED);

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> order.putUpForRefund(List.of(1)));
    }

    @Test
    void the_refund_notice_records_the_money_paid_back_per_unit() {
        Order order = issued();

        OrderEvent.VouchersRefunded refunded = order.refund(Map.of(1, Money.fen(500)), AT);

        assertThat(refunded.amount()).isEqualTo(Money.fen(500));
        assertThat(refunded.vouchers()).containsExactly(1);
        assertThat(order.refundedAmount()).isEqualTo(Money.fen(500));
        assertThat(order.voucher(1).refunded()).isEqualTo(Money.fen(500));
    }

    @Test
    void a_refund_above_the_paid_amount_is_refused() {
        Order order = issued();

        assertRefused(Reason.REFUND_EXCEEDS_PAID, () -> order.refund(Map.of(1, Money.fen(1801)), AT));
        assertThat(order.refundedAmount()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_refund_above_what_one_unit_was_paid_is_refused_even_when_the_order_total_allows_it() {
        Order order = issued();

        assertRefused(Reason.REFUND_EXCEEDS_PAID, () -> order.refund(Map.of(1, Money.fen(901)), AT));
        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.VALID);
    }

    @Test
    void a_refund_naming_an_unknown_unit_is_refused_and_refunds_nothing() {
        Order order = issued();
        Order.Snapshot before = order.snapshot();
        Map<Integer, Money> amounts = new LinkedHashMap<>();
        amounts.put(1, Money.fen(900));
        amounts.put(7, Money.fen(1));

        assertRefused(Reason.UNKNOWN_VOUCHER, () -> order.refund(amounts, AT));
        assertThat(order.snapshot()).isEqualTo(before);
    }

    @Test
    void a_refund_naming_a_picked_up_unit_is_refused_and_refunds_none_of_the_units() {
        Order order = orderIn(OrderState.PARTIALLY_REDEEMED);
        Order.Snapshot before = order.snapshot();
        Map<Integer, Money> amounts = new LinkedHashMap<>();
        amounts.put(2, Money.fen(900));
        amounts.put(1, Money.fen(900));

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> order.refund(amounts, AT));
        assertThat(order.snapshot()).isEqualTo(before);
    }

    @Test
    void a_refund_where_one_unit_asks_too_much_refunds_none_of_the_units() {
        Order order = issued();
        Order.Snapshot before = order.snapshot();
        Map<Integer, Money> amounts = new LinkedHashMap<>();
        amounts.put(1, Money.fen(100));
        amounts.put(2, Money.fen(1000));

        assertRefused(Reason.REFUND_EXCEEDS_PAID, () -> order.refund(amounts, AT));
        assertThat(order.snapshot()).isEqualTo(before);
    }

    @Test
    void putting_units_up_for_refund_is_all_or_nothing() {
        Order order = orderIn(OrderState.PARTIALLY_REDEEMED);
        Order.Snapshot before = order.snapshot();

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> order.putUpForRefund(List.of(2, 1)));
        assertThat(order.snapshot()).isEqualTo(before);
    }

    @Test
    void a_return_applies_to_picked_up_units_only() {
        Order order = orderIn(OrderState.PARTIALLY_REDEEMED);

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> order.requestReturn(List.of(2)));
        order.requestReturn(List.of(1));

        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.RETURN_REQUESTED);
    }

    @Test
    void a_unit_with_a_return_requested_counts_as_picked_up() {
        Order order = orderIn(OrderState.REDEEMED);

        order.requestReturn(List.of(1, 2));

        assertThat(order.state()).isEqualTo(OrderState.REDEEMED);
        assertRefused(Reason.ALREADY_REDEEMED, () -> order.redeem(codeOf(order, 1), STORE_A, TOKEN, AT));
    }

    @Test
    void a_rejected_return_leaves_the_unit_picked_up() {
        Order order = orderIn(OrderState.REDEEMED);
        order.requestReturn(List.of(1));

        order.keepAfterReturnRejected(List.of(1));

        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.REDEEMED);
        assertRefused(Reason.ILLEGAL_TRANSITION, () -> order.keepAfterReturnRejected(List.of(1)));
    }

    @Test
    void vouchers_expire_when_their_validity_ends_and_can_then_be_refunded() {
        Order order = issued();

        assertThat(order.expireVouchers(VALID_UNTIL.minusNanos(1))).isEmpty();
        assertThat(order.expireVouchers(VALID_UNTIL)).containsExactly(1, 2);
        assertThat(order.vouchers()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.EXPIRED));

        order.putUpForRefund(List.of(1));
        order.refund(fullRefund(order, 1), VALID_UNTIL.plusSeconds(60));
        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.REFUNDED);
    }

    @Test
    void a_refused_expiry_refund_leaves_the_voucher_expired() {
        Order order = issued();
        order.expireVouchers(VALID_UNTIL);
        order.putUpForRefund(List.of(1));

        order.keepAfterRefundRejected(List.of(1), VALID_UNTIL.plusSeconds(1));

        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.EXPIRED);
    }

    @Test
    void picked_up_units_do_not_expire() {
        Order order = orderIn(OrderState.PARTIALLY_REDEEMED);

        assertThat(order.expireVouchers(VALID_UNTIL)).containsExactly(2);
        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.REDEEMED);
    }
}
