package dev.tihuo.domain.order;

import static dev.tihuo.domain.order.OrderFixture.*;
import static dev.tihuo.domain.shared.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.stock.StockMovement;
import dev.tihuo.domain.stock.StockMovement.Kind;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redemption at the counter and its cancellation within one hour (D15). */
class RedemptionTest {
    private static final Instant AT = T0.plus(Duration.ofDays(3));

    @Test
    void a_clerk_of_the_chosen_store_redeems_a_code_and_the_goods_leave_the_reservation() {
        Order order = issued();
        PickupCode code = codeOf(order, 1);

        OrderEvent.VoucherRedeemed redeemed = order.redeem(code, STORE_A, TOKEN, AT);

        assertThat(redeemed.voucher()).isEqualTo(1);
        assertThat(redeemed.code()).isEqualTo(code);
        assertThat(redeemed.poi()).isEqualTo(POI_A);
        assertThat(redeemed.verifyToken()).isEqualTo(TOKEN);
        assertThat(redeemed.movements()).containsExactly(new StockMovement(Kind.CONSUME, STORE_A, TEA, 1));
        Voucher voucher = order.voucher(1);
        assertThat(voucher.state()).isEqualTo(VoucherState.REDEEMED);
        assertThat(voucher.redeemedAt()).contains(AT);
        assertThat(voucher.redeemedAtStore()).contains(STORE_A);
    }

    @Test
    void redemption_is_refused_at_a_store_the_buyer_did_not_choose() {
        Order order = issued();
        Order.Snapshot before = order.snapshot();

        assertRefused(Reason.WRONG_STORE, () -> order.redeem(codeOf(order, 1), STORE_B, TOKEN, AT));
        assertThat(order.snapshot()).isEqualTo(before);
    }

    @Test
    void a_code_is_redeemed_only_once() {
        Order order = issued();
        order.redeem(codeOf(order, 1), STORE_A, TOKEN, AT);
        Order.Snapshot before = order.snapshot();

        assertRefused(Reason.ALREADY_REDEEMED, () -> order.redeem(codeOf(order, 1), STORE_A, "second-token", AT.plusSeconds(5)));
        assertThat(order.snapshot()).isEqualTo(before);
    }

    @Test
    void a_code_of_another_order_is_unknown_here() {
        Order order = issued();

        assertRefused(Reason.UNKNOWN_VOUCHER, () -> order.redeem(freshCode(), STORE_A, TOKEN, AT));
    }

    @Test
    void a_code_past_its_validity_is_not_redeemed() {
        Order order = issued();

        assertRefused(Reason.VOUCHER_EXPIRED, () -> order.redeem(codeOf(order, 1), STORE_A, TOKEN, VALID_UNTIL));
        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.VALID);
    }

    @Test
    void a_code_being_refunded_is_not_redeemed() {
        Order order = issued();
        order.putUpForRefund(List.of(1));

        assertRefused(Reason.VOUCHER_REFUNDED, () -> order.redeem(codeOf(order, 1), STORE_A, TOKEN, AT));
    }

    @Test
    void a_redemption_cancelled_within_the_hour_makes_the_code_valid_and_puts_the_goods_back_in_reserve() {
        Order order = issued();
        PickupCode code = codeOf(order, 1);
        order.redeem(code, STORE_A, TOKEN, AT);
        order.recordVerification(1, TOKEN, "verify-1");

        OrderEvent.RedemptionCancelled cancelled = order.cancelRedemption(code, AT.plus(Duration.ofMinutes(59)));

        assertThat(cancelled.verifyToken()).isEqualTo(TOKEN);
        assertThat(cancelled.verifyId()).isEqualTo("verify-1");
        assertThat(cancelled.movements()).containsExactly(new StockMovement(Kind.RESTORE, STORE_A, TEA, 1));
        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.VALID);
        assertThat(order.voucher(1).redeemedAt()).isEmpty();
        assertThat(order.state()).isEqualTo(OrderState.ISSUED);
    }

    @Test
    void a_redemption_can_still_be_cancelled_exactly_one_hour_later() {
        Order order = issued();
        order.redeem(codeOf(order, 1), STORE_A, TOKEN, AT);

        order.cancelRedemption(codeOf(order, 1), AT.plus(Voucher.REDEMPTION_CANCEL_WINDOW));

        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.VALID);
    }

    @Test
    void a_redemption_cannot_be_cancelled_after_one_hour() {
        Order order = issued();
        order.redeem(codeOf(order, 1), STORE_A, TOKEN, AT);
        Order.Snapshot before = order.snapshot();

        assertRefused(Reason.REDEMPTION_CANCEL_WINDOW_CLOSED,
                () -> order.cancelRedemption(codeOf(order, 1), AT.plus(Duration.ofHours(1)).plusNanos(1)));
        assertThat(order.snapshot()).isEqualTo(before);
    }

    @Test
    void a_code_whose_redemption_was_cancelled_can_be_redeemed_again_with_a_fresh_token() {
        Order order = issued();
        order.redeem(codeOf(order, 1), STORE_A, TOKEN, AT);
        order.cancelRedemption(codeOf(order, 1), AT.plusSeconds(60));

        order.redeem(codeOf(order, 1), STORE_A, "fresh-token", AT.plusSeconds(120));

        assertThat(order.voucher(1).verifyToken()).contains("fresh-token");
        assertThat(order.voucher(1).verifyId()).isEmpty();
    }

    @Test
    void a_late_verify_reply_for_an_earlier_redemption_does_not_overwrite_the_current_one() {
        Order order = issued();
        order.redeem(codeOf(order, 1), STORE_A, TOKEN, AT);
        order.cancelRedemption(codeOf(order, 1), AT.plusSeconds(60));
        order.redeem(codeOf(order, 1), STORE_A, "fresh-token", AT.plusSeconds(120));

        order.recordVerification(1, TOKEN, "stale-verify");
        order.recordVerification(1, "fresh-token", "verify-2");

        assertThat(order.voucher(1).verifyId()).contains("verify-2");
    }

    @Test
    void a_code_typed_for_a_unit_that_was_not_picked_up_cannot_have_its_redemption_cancelled() {
        Order order = issued();

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> order.cancelRedemption(codeOf(order, 1), AT));
    }

    @Test
    void after_a_store_change_the_code_is_redeemed_at_the_new_store_only() {
        Order order = issued();
        order.moveTo(STORE_B, POI_B, AT);

        assertRefused(Reason.WRONG_STORE, () -> order.redeem(codeOf(order, 1), STORE_A, TOKEN, AT));
        OrderEvent.VoucherRedeemed redeemed = order.redeem(codeOf(order, 1), STORE_B, TOKEN, AT);
        assertThat(redeemed.poi()).isEqualTo(POI_B);
        assertThat(redeemed.movements()).containsExactly(new StockMovement(Kind.CONSUME, STORE_B, TEA, 1));
    }
}
