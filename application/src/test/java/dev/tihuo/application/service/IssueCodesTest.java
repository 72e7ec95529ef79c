package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static dev.tihuo.application.service.Shop.DOUYIN_SKU_B;
import static dev.tihuo.application.service.Shop.DOUYIN_SKU_C;
import static dev.tihuo.application.service.Shop.POI_A;
import static dev.tihuo.application.service.Shop.SKU_C;
import static dev.tihuo.application.service.Shop.STORE_A;
import static dev.tihuo.application.service.Shop.createOrder;
import static dev.tihuo.application.service.Shop.issueRequest;
import static dev.tihuo.application.service.Shop.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.in.operations.FinishIssuing;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.in.spi.IssueCodes.Answer;
import dev.tihuo.application.port.in.spi.NotifyCancellation;
import dev.tihuo.application.port.in.spi.NotifyPayment;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.IssueFailure;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Transition;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S4 发券 and the follow-up of "issuing" answers (D2-D5, D12): result 1 issued, 0 issuing, 2 failed. */
class IssueCodesTest {
    private static final String ORDER = "1090000000000000001";
    private final Shop shop = new Shop();
    private final IssueCodes issueCodes = shop.app.issuingService();
    private final FinishIssuing finishIssuing = shop.app.issuingService();

    @Test
    void codes_are_issued_at_once_one_per_unit() {
        shop.app.orderService().create(createOrder(ORDER, POI_A, item(DOUYIN_SKU_A, 2), item(DOUYIN_SKU_B, 1)));

        Answer answer = issueCodes.issue(issueRequest(ORDER));

        assertThat(answer.result()).isEqualTo(Answer.ISSUED);
        assertThat(answer.codes()).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(PickupCode.parse(code).value()).isEqualTo(code));
        assertThat(answer.certificates()).as("Douyin named no certificate").isEmpty();
        Order order = shop.order(ORDER);
        assertThat(order.state()).isEqualTo(OrderState.ISSUED);
        assertThat(order.vouchers()).allSatisfy(v -> {
            assertThat(v.state()).isEqualTo(VoucherState.VALID);
            assertThat(answer.codes()).contains(v.code().orElseThrow().value());
            assertThat(v.validUntil()).contains(shop.app.clock().instant().plus(Duration.ofDays(30)));
        });
    }

    @Test
    void a_code_already_held_by_another_order_makes_the_issue_run_again_with_fresh_codes() {
        shop.app.orderService().create(createOrder(ORDER, POI_A, item(DOUYIN_SKU_A, 1)));
        String held = issueCodes.issue(issueRequest(ORDER)).codes().get(0);
        String second = "1090000000000000002";
        shop.app.orderService().create(createOrder(second, POI_A, item(DOUYIN_SKU_A, 2)));
        // the generator repeats the code of the first order: the unique codes guard (D5) refuses the save, the
        // use case runs again and draws new ones
        shop.app.codes().handOutNext(PickupCode.parse(held));

        Answer answer = issueCodes.issue(issueRequest(second));

        assertThat(answer.result()).isEqualTo(Answer.ISSUED);
        assertThat(answer.codes()).hasSize(2).doesNotHaveDuplicates().doesNotContain(held);
        assertThat(shop.app.codes().handedOut()).contains(PickupCode.parse(held));
        assertThat(shop.order(ORDER).vouchers()).singleElement()
                .satisfies(v -> assertThat(v.code()).map(PickupCode::value).contains(held));
        assertThat(issueCodes.issue(issueRequest(second)).codes()).as("a retry gets the same answer")
                .isEqualTo(answer.codes());
    }

    @Test
    void each_certificate_douyin_names_gets_its_own_code() {
        shop.create(ORDER, DOUYIN_SKU_A, 2);

        Answer answer = issueCodes.issue(issueRequest(ORDER,
                new IssueCodes.Certificate("7300000000000000001", "800000000000000000001", DOUYIN_SKU_A),
                new IssueCodes.Certificate("7300000000000000002", "800000000000000000002", DOUYIN_SKU_A)));

        assertThat(answer.certificates()).extracting(IssueCodes.CertificateCode::certificateId)
                .containsExactly("7300000000000000001", "7300000000000000002");
        assertThat(answer.certificates()).extracting(IssueCodes.CertificateCode::code)
                .containsExactlyElementsOf(answer.codes()).doesNotHaveDuplicates();
        Order order = shop.order(ORDER);
        assertThat(order.voucher(1).certificateId()).map(Object::toString).contains("7300000000000000001");
        assertThat(order.voucher(2).orderItemId()).map(Object::toString).contains("800000000000000000002");
    }

    @Test
    void an_issue_request_for_an_order_that_never_got_a_payment_notice_counts_as_payment() {
        shop.create(ORDER, DOUYIN_SKU_A, 1);

        assertThat(issueCodes.issue(issueRequest(ORDER)).result()).isEqualTo(Answer.ISSUED);

        assertThat(shop.order(ORDER).history()).extracting(Transition::to)
                .containsExactly("CREATED", "PAID", "ISSUED");
    }

    @Test
    void an_order_paid_before_the_issue_request_is_issued_as_usual() {
        shop.create(ORDER, DOUYIN_SKU_A, 1);
        shop.app.orderService().paid(new NotifyPayment.Notice(new DouyinOrderId(ORDER), "M000001"));

        assertThat(issueCodes.issue(issueRequest(ORDER)).result()).isEqualTo(Answer.ISSUED);
        assertThat(shop.order(ORDER).history()).extracting(Transition::to).containsExactly("CREATED", "PAID", "ISSUED");
    }

    @Test
    void six_retries_of_the_issue_request_get_identical_answers_and_one_set_of_codes() {
        shop.create(ORDER, DOUYIN_SKU_A, 2);

        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(issueCodes.issue(issueRequest(ORDER)));
            shop.later(Duration.ofSeconds(30));
        }

        assertThat(answers).containsOnly(answers.get(0));
        assertThat(shop.app.codes().handedOut()).hasSize(2);
    }

    @Test
    void an_issue_request_for_an_unknown_order_is_refused_as_unknown_order() {
        assertThatThrownBy(() -> issueCodes.issue(issueRequest(ORDER)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ORDER));
    }

    @Test
    void a_cancelled_order_fails_to_issue_with_a_reason() {
        shop.create(ORDER, DOUYIN_SKU_A, 1);
        shop.app.orderService().cancelled(new NotifyCancellation.Notice(new DouyinOrderId(ORDER), "M000001", 1));

        Answer answer = issueCodes.issue(issueRequest(ORDER));

        assertThat(answer.result()).isEqualTo(Answer.FAILED);
        assertThat(answer.failReason()).isNotBlank();
        assertThat(answer.codes()).isEmpty();
        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void a_product_issued_by_callback_answers_issuing_and_keeps_its_stock_reserved() {
        shop.create(ORDER, DOUYIN_SKU_C, 2);

        Answer answer = issueCodes.issue(issueRequest(ORDER));

        assertThat(answer).isEqualTo(new Answer(Answer.ISSUING, List.of(), List.of(), null));
        Order order = shop.order(ORDER);
        assertThat(order.state()).isEqualTo(OrderState.ISSUING);
        assertThat(order.issueDeadline()).contains(shop.app.clock().instant().plus(Duration.ofMinutes(10)));
        assertThat(shop.reserved(STORE_A, SKU_C)).isEqualTo(2);
    }

    @Test
    void codes_for_an_issuing_order_follow_through_a_callback_queued_with_the_deadline() {
        shop.create(ORDER, DOUYIN_SKU_C, 2);
        Instant requested = shop.app.clock().instant();
        issueCodes.issue(issueRequest(ORDER));
        shop.later(Duration.ofSeconds(5));

        assertThat(finishIssuing.issuePending(10)).isEqualTo(1);

        Order order = shop.order(ORDER);
        assertThat(order.state()).isEqualTo(OrderState.ISSUED);
        List<OutboxMessage> callbacks = shop.queuedMessages(DouyinCall.IssueCallback.class);
        assertThat(callbacks).singleElement().satisfies(m -> {
            assertThat(m.deadline()).isEqualTo(requested.plus(Duration.ofMinutes(10)));
            DouyinCall.IssueCallback o1 = (DouyinCall.IssueCallback) m.call();
            assertThat(o1.orderId()).isEqualTo(ORDER);
            assertThat(o1.issued()).isTrue();
            assertThat(o1.codes()).extracting(DouyinCall.IssuedCode::code).containsExactlyElementsOf(
                    order.vouchers().stream().map(v -> v.code().orElseThrow().value()).toList());
        });
        assertThat(finishIssuing.issuePending(10)).as("nothing left to issue").isZero();
        assertThat(shop.queuedMessages(DouyinCall.IssueCallback.class)).hasSize(1);
    }

    @Test
    void retries_of_an_issuing_answer_stay_issuing_even_after_the_callback_was_queued() {
        shop.create(ORDER, DOUYIN_SKU_C, 1);
        Answer first = issueCodes.issue(issueRequest(ORDER));
        shop.later(Duration.ofSeconds(1));
        assertThat(finishIssuing.issuePending(10)).isEqualTo(1);

        for (int i = 0; i < 5; i++) {
            assertThat(issueCodes.issue(issueRequest(ORDER))).isEqualTo(first);
        }
    }

    @Test
    void an_issuing_order_is_still_open_just_before_ten_minutes_pass() {
        shop.create(ORDER, DOUYIN_SKU_C, 2);
        issueCodes.issue(issueRequest(ORDER));
        shop.later(Duration.ofMinutes(10).minusSeconds(1));

        assertThat(finishIssuing.lapseExpired(10)).isZero();
        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.ISSUING);
    }

    @Test
    void an_issuing_order_without_codes_after_ten_minutes_fails_and_releases_its_stock() {
        shop.create(ORDER, DOUYIN_SKU_C, 2);
        issueCodes.issue(issueRequest(ORDER));
        shop.later(Duration.ofMinutes(10));

        assertThat(finishIssuing.issuePending(10)).as("too late to send codes").isZero();
        assertThat(finishIssuing.lapseExpired(10)).isEqualTo(1);

        Order order = shop.order(ORDER);
        assertThat(order.state()).isEqualTo(OrderState.ISSUE_FAILED);
        assertThat(order.issueFailure()).contains(IssueFailure.LAPSED);
        assertThat(order.vouchers()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.ISSUE_FAILED));
        assertThat(shop.reserved(STORE_A, SKU_C)).isZero();
        assertThat(shop.available(STORE_A, SKU_C)).isEqualTo(10);
        assertThat(shop.queuedMessages(DouyinCall.IssueCallback.class)).isEmpty();
        assertThat(finishIssuing.lapseExpired(10)).as("only once").isZero();
    }

    @Test
    void an_issue_request_after_the_window_lapsed_answers_as_the_first_time() {
        shop.create(ORDER, DOUYIN_SKU_C, 1);
        Answer first = issueCodes.issue(issueRequest(ORDER));
        shop.later(Duration.ofMinutes(11));
        finishIssuing.lapseExpired(10);

        assertThat(issueCodes.issue(issueRequest(ORDER))).isEqualTo(first);
    }
}
