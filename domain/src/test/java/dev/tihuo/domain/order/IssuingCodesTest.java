package dev.tihuo.domain.order;

import static dev.tihuo.domain.order.OrderFixture.*;
import static dev.tihuo.domain.shared.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Transition;
import dev.tihuo.domain.stock.StockMovement;
import dev.tihuo.domain.stock.StockMovement.Kind;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issuing codes: the 10-minute window (D3), payment implied by the issue request (D2), late codes (补码, D7). */
class IssuingCodesTest {
    private static final Instant REQUESTED = T0.plus(Duration.ofMinutes(2));
    private static final Instant DEADLINE = REQUESTED.plus(Duration.ofMinutes(10));

    private static Order issuingSince(Instant requested) {
        Order order = orderIn(OrderState.PAID);
        order.startIssuing(requested);
        return order;
    }

    @Test
    void the_issue_deadline_is_ten_minutes_after_the_issuing_answer() {
        Order order = issuingSince(REQUESTED);

        assertThat(order.issueDeadline()).contains(DEADLINE);
        assertThat(order.issueRequestedAt()).contains(REQUESTED);
    }

    @Test
    void codes_through_the_callback_one_instant_before_the_deadline_are_accepted() {
        Order order = issuingSince(REQUESTED);

        OrderEvent.CodesIssued issued = order.issue(codesFor(order), VALID_UNTIL, DEADLINE.minusNanos(1));

        assertThat(order.state()).isEqualTo(OrderState.ISSUED);
        assertThat(issued.byCallback()).isTrue();
    }

    @Test
    void codes_through_the_callback_at_the_deadline_are_refused_because_the_window_closed() {
        Order order = issuingSince(REQUESTED);

        assertRefused(Reason.ISSUE_WINDOW_CLOSED, () -> order.issue(codesFor(order), VALID_UNTIL, DEADLINE));
        assertThat(order.state()).isEqualTo(OrderState.ISSUING);
        assertThat(order.vouchers()).allSatisfy(v -> assertThat(v.code()).isEmpty());
    }

    @Test
    void codes_through_the_callback_after_the_deadline_are_refused_because_the_window_closed() {
        Order order = issuingSince(REQUESTED);

        assertRefused(Reason.ISSUE_WINDOW_CLOSED, () -> order.issue(codesFor(order), VALID_UNTIL, DEADLINE.plusSeconds(90)));
        assertThat(order.state()).isEqualTo(OrderState.ISSUING);
    }

    @Test
    void codes_in_the_issue_reply_itself_need_no_window() {
        Order order = orderIn(OrderState.PAID);

        order.issue(codesFor(order), VALID_UNTIL, T0.plus(Duration.ofDays(2)));

        assertThat(order.state()).isEqualTo(OrderState.ISSUED);
        assertThat(order.issueRequestedAt()).isPresent();
    }

    @Test
    void the_window_does_not_lapse_before_the_deadline() {
        Order order = issuingSince(REQUESTED);

        assertThat(order.lapseIssueWindow(DEADLINE.minusNanos(1))).isEmpty();
        assertThat(order.state()).isEqualTo(OrderState.ISSUING);
    }

    @Test
    void the_window_lapses_at_the_deadline_and_the_issue_counts_as_failed() {
        Order order = issuingSince(REQUESTED);

        OrderEvent.IssueFailed failed = order.lapseIssueWindow(DEADLINE).orElseThrow();

        assertThat(failed.failure()).isEqualTo(IssueFailure.LAPSED);
        assertThat(failed.byCallback()).isTrue();
        assertThat(failed.movements()).containsExactly(new StockMovement(Kind.RELEASE, STORE_A, TEA, 2));
        assertThat(order.state()).isEqualTo(OrderState.ISSUE_FAILED);
        assertThat(order.vouchers()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.ISSUE_FAILED));
    }

    @Test
    void a_callback_after_the_window_lapsed_is_refused() {
        Order order = issuingSince(REQUESTED);
        order.lapseIssueWindow(DEADLINE);

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> order.issue(codesFor(order), VALID_UNTIL, DEADLINE.plusSeconds(1)));
    }

    @Test
    void an_issue_request_for_a_created_order_counts_as_payment() {
        Order order = orderIn(OrderState.CREATED);

        order.issue(codesFor(order), VALID_UNTIL, REQUESTED);

        assertThat(order.history()).extracting(Transition::from, Transition::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, "CREATED"),
                org.assertj.core.groups.Tuple.tuple("CREATED", "PAID"),
                org.assertj.core.groups.Tuple.tuple("PAID", "ISSUED"));
        assertThat(order.history().get(1).cause()).contains("D2");
    }

    @Test
    void an_issuing_answer_for_a_created_order_counts_as_payment() {
        Order order = orderIn(OrderState.CREATED);

        order.startIssuing(REQUESTED);

        assertThat(order.history()).extracting(Transition::to).containsExactly("CREATED", "PAID", "ISSUING");
    }

    @Test
    void a_failed_issue_for_a_created_order_counts_as_payment_too() {
        Order order = orderIn(OrderState.CREATED);

        order.failIssue(REQUESTED);

        assertThat(order.history()).extracting(Transition::to).containsExactly("CREATED", "PAID", "ISSUE_FAILED");
    }

    @Test
    void an_issue_needs_exactly_one_distinct_code_per_unit() {
        Order order = orderIn(OrderState.PAID);
        PickupCode code = freshCode();

        assertRefused(Reason.INVALID_VALUE, () -> order.issue(List.of(code), VALID_UNTIL, REQUESTED));
        assertRefused(Reason.INVALID_VALUE, () -> order.issue(List.of(code, code), VALID_UNTIL, REQUESTED));
        assertThat(order.state()).isEqualTo(OrderState.PAID);
    }

    @Test
    void issued_codes_are_handed_to_the_units_in_order_with_their_certificates() {
        Order order = orderIn(OrderState.PAID);
        order.identifyCertificates(List.of(new CertificateRef(new CertificateId("c-1"), new OrderItemId("i-1"), TEA),
                new CertificateRef(new CertificateId("c-2"), new OrderItemId("i-2"), null)));
        List<PickupCode> codes = codesFor(order);

        OrderEvent.CodesIssued issued = order.issue(codes, VALID_UNTIL, REQUESTED);

        assertThat(issued.vouchers()).containsExactly(new OrderEvent.IssuedVoucher(1, codes.get(0), "c-1"),
                new OrderEvent.IssuedVoucher(2, codes.get(1), "c-2"));
        assertThat(order.voucherByCertificate(new CertificateId("c-2"))).hasValueSatisfying(v -> assertThat(v.number()).isEqualTo(2));
        assertThat(order.voucherByItem(new OrderItemId("i-1"))).hasValueSatisfying(v -> assertThat(v.number()).isEqualTo(1));
    }

    @Test
    void certificates_named_twice_are_matched_once() {
        Order order = orderIn(OrderState.PAID);
        CertificateRef ref = new CertificateRef(new CertificateId("c-1"), null, TEA);

        order.identifyCertificates(List.of(ref));
        order.identifyCertificates(List.of(ref));

        assertThat(order.vouchers()).filteredOn(v -> v.certificateId().isPresent()).hasSize(1);
    }

    @Test
    void a_certificate_for_a_sku_the_order_lacks_is_refused() {
        Order order = orderIn(OrderState.PAID);

        assertRefused(Reason.UNKNOWN_VOUCHER,
                () -> order.identifyCertificates(List.of(new CertificateRef(new CertificateId("c-9"), null, COFFEE))));
    }

    // ---- 补码 (D7) --------------------------------------------------------------------------------------------------

    @Test
    void late_codes_after_a_lapsed_window_issue_the_order_and_reserve_its_stock_again() {
        Order order = lapsed();
        List<PickupCode> codes = codesFor(order);

        OrderEvent.CodesIssued issued = order.supplyLateCodes(codes, VALID_UNTIL, DEADLINE.plus(Duration.ofHours(1)));

        assertThat(issued.late()).isTrue();
        assertThat(issued.byCallback()).isFalse();
        assertThat(issued.movements()).containsExactly(new StockMovement(Kind.RESERVE, STORE_A, TEA, 2));
        assertThat(order.vouchers()).extracting(v -> v.code().orElseThrow()).containsExactlyElementsOf(codes);
        assertThat(order.vouchers()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.VALID));
        assertThat(order.reservedUnits()).containsEntry(TEA, 2);
    }

    @Test
    void late_codes_are_not_allowed_after_tihuo_answered_that_issuing_failed() {
        Order order = orderIn(OrderState.ISSUING);
        order.failIssue(T0.plusSeconds(30));

        assertRefused(Reason.LATE_CODE_NOT_ALLOWED, () -> order.supplyLateCodes(codesFor(order), VALID_UNTIL, DEADLINE));
        assertThat(order.state()).isEqualTo(OrderState.ISSUE_FAILED);
    }

    @Test
    void late_codes_are_refused_once_part_of_the_lapsed_order_was_refunded() {
        Order order = lapsed();
        order.refund(fullRefund(order, 1), DEADLINE);

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> order.supplyLateCodes(codesFor(order), VALID_UNTIL, DEADLINE));
    }

    @Test
    void late_codes_need_one_distinct_code_per_unit() {
        Order order = lapsed();

        assertRefused(Reason.INVALID_VALUE, () -> order.supplyLateCodes(List.of(freshCode()), VALID_UNTIL, DEADLINE));
        assertThat(order.state()).isEqualTo(OrderState.ISSUE_FAILED);
    }

    @Test
    void late_codes_are_refused_a_second_time() {
        Order order = lapsed();
        order.supplyLateCodes(codesFor(order), VALID_UNTIL, DEADLINE);

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> order.supplyLateCodes(codesFor(order), VALID_UNTIL, DEADLINE));
    }
}
