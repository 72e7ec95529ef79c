package dev.tihuo.domain.order;

import static dev.tihuo.domain.order.OrderFixture.*;
import static dev.tihuo.domain.shared.Refusals.assertRefused;
import static dev.tihuo.domain.voucher.VoucherState.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The voucher (certificate) state machine of flows.md §4.2, command by command and state by state. Every pair that
 * is not in {@link #ALLOWED} must be refused with a stable reason and leave the voucher as it was.
 */
class VoucherStateMachineTest {
    private static final Instant NOW = T0.plus(Duration.ofDays(1));
    private static final Money PAID = Money.fen(900);

    enum Command {
        START_ISSUING(v -> v.startIssuing()),
        ISSUE(v -> v.issue(freshCode(), VALID_UNTIL)),
        FAIL_ISSUE(v -> v.failIssue()),
        SUPPLY_LATE_CODE(v -> v.supplyLateCode(freshCode(), VALID_UNTIL)),
        CANCEL_ORDER(v -> v.cancel()),
        REDEEM(v -> v.redeem(STORE_A, NOW, TOKEN)),
        CANCEL_REDEMPTION(v -> v.cancelRedemption(NOW)),
        REQUEST_REFUND(v -> v.requestRefund()),
        REJECT_REFUND(v -> v.keepAfterRefundRejected(NOW)),
        REFUND(v -> v.refund(PAID)),
        EXPIRE(v -> v.expire(VALID_UNTIL)),
        REQUEST_RETURN(v -> v.requestReturn()),
        REJECT_RETURN(v -> v.keepAfterReturnRejected());

        final Consumer<Voucher> action;

        Command(Consumer<Voucher> action) {
            this.action = action;
        }
    }

    /** flows.md §4.2 plus the few transitions tihuo adds, each marked. */
    private static final Map<VoucherState, Map<Command, VoucherState>> ALLOWED = new EnumMap<>(VoucherState.class);

    static {
        for (VoucherState s : VoucherState.values()) {
            ALLOWED.put(s, new EnumMap<>(Command.class));
        }
        allow(PENDING_ISSUE, Command.START_ISSUING, ISSUING);
        allow(PENDING_ISSUE, Command.ISSUE, VALID);
        allow(ISSUING, Command.ISSUE, VALID);
        allow(ISSUING, Command.FAIL_ISSUE, ISSUE_FAILED);
        allow(PENDING_ISSUE, Command.FAIL_ISSUE, ISSUE_FAILED); // S4 result 2
        allow(ISSUE_FAILED, Command.SUPPLY_LATE_CODE, VALID); // 补码
        allow(ISSUE_FAILED, Command.REFUND, REFUNDED);
        allow(VALID, Command.REDEEM, REDEEMED);
        allow(REDEEMED, Command.CANCEL_REDEMPTION, VALID);
        allow(VALID, Command.REQUEST_REFUND, REFUNDING);
        allow(REFUNDING, Command.REJECT_REFUND, VALID);
        allow(REFUNDING, Command.REFUND, REFUNDED);
        allow(VALID, Command.EXPIRE, EXPIRED);
        allow(EXPIRED, Command.REFUND, REFUNDED);
        allow(REDEEMED, Command.REQUEST_RETURN, RETURN_REQUESTED);
        allow(RETURN_REQUESTED, Command.REJECT_RETURN, REDEEMED);
        allow(RETURN_REQUESTED, Command.REFUND, REFUNDED);
        // tihuo's additions to the table:
        allow(PENDING_ISSUE, Command.CANCEL_ORDER, CANCELLED); // S3 before any code (VoucherState javadoc)
        allow(EXPIRED, Command.REQUEST_REFUND, REFUNDING); // expiry refund asked through S5
        allow(VALID, Command.REFUND, REFUNDED); // S6 without S5 (customer-service forced refund, §4.3)
        allow(PENDING_ISSUE, Command.REFUND, REFUNDED); // S6 after Douyin gave up on S4 retries
        allow(ISSUING, Command.REFUND, REFUNDED); // S6 before tihuo noticed the lapse
    }

    private static void allow(VoucherState from, Command command, VoucherState to) {
        ALLOWED.get(from).put(command, to);
    }

    static Voucher voucherIn(VoucherState state) {
        boolean coded = switch (state) {
            case PENDING_ISSUE, ISSUING, ISSUE_FAILED, CANCELLED -> false;
            default -> true;
        };
        boolean pickedUp = state == REDEEMED || state == RETURN_REQUESTED;
        PickupCode code = coded ? freshCode() : null;
        return Voucher.reconstitute(new Voucher.Snapshot(1, TEA, PAID, null, null, code, state,
                coded ? VALID_UNTIL : null, pickedUp ? NOW.minusSeconds(600) : null, pickedUp ? STORE_A : null,
                pickedUp ? "earlier-token" : null, null, state == REFUNDED ? PAID : Money.ZERO));
    }

    static Stream<Arguments> allowed() {
        return ALLOWED.entrySet().stream().flatMap(e -> e.getValue().entrySet().stream()
                .map(c -> Arguments.of(e.getKey(), c.getKey(), c.getValue())));
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(VoucherState.values()).flatMap(s -> Stream.of(Command.values())
                .filter(c -> !ALLOWED.get(s).containsKey(c))
                .map(c -> Arguments.of(s, c, expectedReason(s, c))));
    }

    private static Reason expectedReason(VoucherState state, Command command) {
        if (command != Command.REDEEM) {
            return Reason.ILLEGAL_TRANSITION;
        }
        return switch (state) {
            case REDEEMED, RETURN_REQUESTED -> Reason.ALREADY_REDEEMED;
            case EXPIRED -> Reason.VOUCHER_EXPIRED;
            case REFUNDING, REFUNDED -> Reason.VOUCHER_REFUNDED;
            default -> Reason.NOT_REDEEMABLE;
        };
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void an_allowed_command_moves_the_voucher_to_its_next_state(VoucherState from, Command command, VoucherState to) {
        Voucher voucher = voucherIn(from);

        command.action.accept(voucher);

        assertThat(voucher.state()).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused with {2}")
    @MethodSource("forbidden")
    void a_forbidden_command_is_refused_with_a_stable_reason_and_changes_nothing(VoucherState from, Command command, Reason reason) {
        Voucher voucher = voucherIn(from);
        Voucher.Snapshot before = voucher.snapshot();

        assertRefused(reason, () -> command.action.accept(voucher));

        assertThat(voucher.snapshot()).isEqualTo(before);
    }

    @Test
    void no_command_moves_a_voucher_out_of_a_final_state() {
        for (VoucherState state : VoucherState.values()) {
            if (state.isFinal()) {
                assertThat(ALLOWED.get(state)).as(state + " is final").isEmpty();
            }
        }
        assertThat(REFUNDED.isFinal()).isTrue();
        assertThat(CANCELLED.isFinal()).isTrue();
    }

    @Test
    void a_voucher_does_not_expire_before_its_validity_ends() {
        Voucher voucher = voucherIn(VALID);

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> voucher.expire(VALID_UNTIL.minusNanos(1)));
        assertThat(voucher.state()).isEqualTo(VALID);
    }

    @Test
    void a_voucher_cannot_be_redeemed_once_its_validity_ended_even_before_it_was_marked_expired() {
        Voucher voucher = voucherIn(VALID);

        assertRefused(Reason.VOUCHER_EXPIRED, () -> voucher.redeem(STORE_A, VALID_UNTIL, TOKEN));
        assertThat(voucher.state()).isEqualTo(VALID);
    }

    @Test
    void a_rejected_refund_after_the_validity_ended_leaves_the_voucher_expired() {
        Voucher voucher = voucherIn(REFUNDING);

        voucher.keepAfterRefundRejected(VALID_UNTIL);

        assertThat(voucher.state()).isEqualTo(EXPIRED);
    }

    @Test
    void a_refund_above_what_the_unit_was_paid_is_refused() {
        Voucher voucher = voucherIn(REFUNDING);

        assertRefused(Reason.REFUND_EXCEEDS_PAID, () -> voucher.refund(PAID.plus(Money.fen(1))));
        assertThat(voucher.refunded()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_refunded_voucher_records_what_was_paid_back() {
        Voucher voucher = voucherIn(REFUNDING);

        voucher.refund(Money.fen(500));

        assertThat(voucher.refunded()).isEqualTo(Money.fen(500));
    }

    @Test
    void a_certificate_once_known_never_changes() {
        Voucher voucher = voucherIn(VALID);
        voucher.identify(new dev.tihuo.domain.voucher.CertificateId("c-1"), null);

        assertRefused(Reason.INVALID_VALUE, () -> voucher.identify(new dev.tihuo.domain.voucher.CertificateId("c-2"), null));
        assertThat(voucher.certificateId()).hasValueSatisfying(c -> assertThat(c.value()).isEqualTo("c-1"));
    }
}
