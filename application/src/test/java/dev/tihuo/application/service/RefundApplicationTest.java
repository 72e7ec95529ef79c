package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static dev.tihuo.application.service.Shop.DOUYIN_SKU_C;
import static dev.tihuo.application.service.Shop.MERCHANT;
import static dev.tihuo.application.service.Shop.PRICE;
import static dev.tihuo.application.service.Shop.SKU_A;
import static dev.tihuo.application.service.Shop.SKU_C;
import static dev.tihuo.application.service.Shop.STORE_A;
import static dev.tihuo.application.service.Shop.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.application.port.in.merchant.ReviewAfterSales;
import dev.tihuo.application.port.in.spi.AuditAnswer;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.in.spi.RefundLine;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** S5 商家退款申请 under the standard policy and manual review (D6, D7, D8), including 补码. */
class RefundApplicationTest {
    private static final String ORDER = "1090000000000000001";
    private static final String AFTER_SALE = "7310000000000000001";
    private final Shop shop = new Shop();
    private final ReviewAfterSales review = shop.app.afterSaleService();

    @Test
    void a_refund_of_units_not_picked_up_is_approved() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 2);

        AuditAnswer answer = shop.applyRefund(ORDER, AFTER_SALE, shop.lineFor(ORDER, 1), shop.lineFor(ORDER, 2));

        assertThat(answer.result()).isEqualTo(1);
        assertThat(shop.order(ORDER).vouchers()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.REFUNDING));
        assertThat(shop.afterSale(AFTER_SALE).state()).isEqualTo(AfterSaleState.APPROVED);
        assertThat(shop.reserved(STORE_A, SKU_A)).as("released when the money went back (S6)").isEqualTo(2);
    }

    @Test
    void a_refund_of_goods_already_picked_up_is_rejected_and_the_voucher_stays_redeemed() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 1);
        shop.pickUp(ORDER, 1);

        AuditAnswer answer = shop.applyRefund(ORDER, AFTER_SALE, shop.lineFor(ORDER, 1));

        assertThat(answer.result()).isEqualTo(2);
        assertThat(answer.reason()).isNotBlank();
        assertThat(answer.codes()).isEmpty();
        assertThat(shop.order(ORDER).voucher(1).state()).isEqualTo(VoucherState.REDEEMED);
        assertThat(shop.afterSale(AFTER_SALE).state()).isEqualTo(AfterSaleState.REJECTED);
    }

    @Test
    void a_refund_mixing_picked_up_and_waiting_units_is_answered_pending() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 2);
        shop.pickUp(ORDER, 1);

        AuditAnswer answer = shop.applyRefund(ORDER, AFTER_SALE, shop.lineFor(ORDER, 1), shop.lineFor(ORDER, 2));

        assertThat(answer.result()).isZero();
        assertThat(shop.afterSale(AFTER_SALE).state()).isEqualTo(AfterSaleState.PENDING);
    }

    @Test
    void a_partial_refund_puts_up_only_the_units_it_names() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 3);

        AuditAnswer answer = shop.applyRefund(ORDER, AFTER_SALE, shop.lineFor(ORDER, 2));

        assertThat(answer.result()).isEqualTo(1);
        Order order = shop.order(ORDER);
        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.VALID);
        assertThat(order.voucher(2).state()).isEqualTo(VoucherState.REFUNDING);
        assertThat(order.voucher(3).state()).isEqualTo(VoucherState.VALID);
        assertThat(shop.afterSale(AFTER_SALE).vouchers()).containsExactly(2);
    }

    @Test
    void a_repeated_refund_request_gets_the_identical_answer() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 1);
        RefundLine line = shop.lineFor(ORDER, 1);
        AuditAnswer first = shop.applyRefund(ORDER, AFTER_SALE, line);

        for (int i = 0; i < 5; i++) {
            assertThat(shop.applyRefund(ORDER, AFTER_SALE, line)).isEqualTo(first);
        }
        assertThat(shop.app.afterSales().forOrder(shop.order(ORDER).id())).hasSize(1);
    }

    @Test
    void a_merchant_who_reviews_by_hand_answers_pending_and_approves_later_through_the_audit_callback() {
        shop.app.policies().reviewManually(MERCHANT);
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 1);

        AuditAnswer answer = shop.applyRefund(ORDER, AFTER_SALE, shop.lineFor(ORDER, 1));
        assertThat(answer.result()).isZero();
        assertThat(shop.queued(DouyinCall.RefundAudit.class)).isEmpty();

        review.approve(new ReviewAfterSales.Decision(MERCHANT, new AfterSaleId(AFTER_SALE), null));

        assertThat(shop.afterSale(AFTER_SALE).state()).isEqualTo(AfterSaleState.APPROVED);
        assertThat(shop.order(ORDER).voucher(1).state()).isEqualTo(VoucherState.REFUNDING);
        assertThat(shop.queued(DouyinCall.RefundAudit.class)).singleElement().satisfies(o2 -> {
            assertThat(o2.approved()).isTrue();
            assertThat(o2.orderId()).isEqualTo(ORDER);
            assertThat(o2.afterSaleId()).isEqualTo(AFTER_SALE);
        });
    }

    @Test
    void a_merchant_who_reviews_by_hand_can_reject_and_the_voucher_stays_valid() {
        shop.app.policies().reviewManually(MERCHANT);
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 1);
        shop.applyRefund(ORDER, AFTER_SALE, shop.lineFor(ORDER, 1));

        review.reject(new ReviewAfterSales.Decision(MERCHANT, new AfterSaleId(AFTER_SALE), "goods were prepared already"));

        assertThat(shop.afterSale(AFTER_SALE).state()).isEqualTo(AfterSaleState.REJECTED);
        assertThat(shop.order(ORDER).voucher(1).state()).isEqualTo(VoucherState.VALID);
        assertThat(shop.queued(DouyinCall.RefundAudit.class)).singleElement().satisfies(o2 -> {
            assertThat(o2.approved()).isFalse();
            assertThat(o2.reasonMessage()).isEqualTo("goods were prepared already");
        });
    }

    @Test
    void a_mixed_refund_settled_by_hand_is_reported_through_the_audit_callback() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 2);
        shop.pickUp(ORDER, 1);
        shop.applyRefund(ORDER, AFTER_SALE, shop.lineFor(ORDER, 1), shop.lineFor(ORDER, 2));

        review.reject(new ReviewAfterSales.Decision(MERCHANT, new AfterSaleId(AFTER_SALE), null));

        assertThat(shop.queued(DouyinCall.RefundAudit.class)).singleElement()
                .satisfies(o2 -> assertThat(o2.approved()).isFalse());
        assertThat(shop.order(ORDER).voucher(1).state()).isEqualTo(VoucherState.REDEEMED);
    }

    @Test
    void after_a_lapsed_issue_the_refund_is_rejected_with_late_codes_and_the_stock_reserved_again() {
        shop.create(ORDER, DOUYIN_SKU_C, 2);
        shop.app.issuingService().issue(issueRequest(ORDER));
        shop.later(Duration.ofMinutes(10));
        shop.app.issuingService().lapseExpired(10);
        assertThat(shop.reserved(STORE_A, SKU_C)).isZero();

        AuditAnswer answer = shop.applyRefund(ORDER, AFTER_SALE,
                new RefundLine("800000000000000000001", Money.fen(PRICE), "7300000000000000001", ""),
                new RefundLine("800000000000000000002", Money.fen(PRICE), "7300000000000000002", ""));

        assertThat(answer.result()).isEqualTo(2);
        assertThat(answer.codes()).hasSize(2).doesNotHaveDuplicates();
        assertThat(answer.certificates()).extracting(IssueCodes.CertificateCode::certificateId)
                .containsExactlyInAnyOrder("7300000000000000001", "7300000000000000002");
        Order order = shop.order(ORDER);
        assertThat(order.state()).isEqualTo(OrderState.ISSUED);
        assertThat(order.vouchers()).allSatisfy(v -> {
            assertThat(v.state()).isEqualTo(VoucherState.VALID);
            assertThat(answer.codes()).contains(v.code().orElseThrow().value());
        });
        assertThat(shop.reserved(STORE_A, SKU_C)).isEqualTo(2);
    }

    @Test
    void after_a_lapsed_issue_the_refund_is_approved_when_the_store_has_no_stock_left() {
        shop.create(ORDER, DOUYIN_SKU_C, 2);
        shop.app.issuingService().issue(issueRequest(ORDER));
        shop.later(Duration.ofMinutes(10));
        shop.app.issuingService().lapseExpired(10);
        shop.app.putOnShelf(MERCHANT, STORE_A, SKU_C, 1);

        AuditAnswer answer = shop.applyRefund(ORDER, AFTER_SALE,
                new RefundLine("800000000000000000001", Money.fen(PRICE), "7300000000000000001", ""),
                new RefundLine("800000000000000000002", Money.fen(PRICE), "7300000000000000002", ""));

        assertThat(answer.result()).isEqualTo(1);
        assertThat(answer.codes()).isEmpty();
        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.ISSUE_FAILED);
        assertThat(shop.reserved(STORE_A, SKU_C)).isZero();
        assertThat(shop.afterSale(AFTER_SALE).state()).isEqualTo(AfterSaleState.APPROVED);
    }

    @Test
    void a_refund_request_for_codes_sent_by_a_callback_douyin_never_got_is_rejected_with_those_codes() {
        shop.create(ORDER, DOUYIN_SKU_C, 1);
        shop.app.issuingService().issue(issueRequest(ORDER));
        shop.later(Duration.ofSeconds(1));
        shop.app.issuingService().issuePending(10);
        String code = shop.order(ORDER).voucher(1).code().orElseThrow().value();

        AuditAnswer answer = shop.applyRefund(ORDER, AFTER_SALE,
                new RefundLine("800000000000000000001", Money.fen(PRICE), "7300000000000000001", null));

        assertThat(answer.result()).isEqualTo(2);
        assertThat(answer.codes()).containsExactly(code);
        assertThat(answer.certificates()).containsExactly(new IssueCodes.CertificateCode("7300000000000000001", code));
        assertThat(shop.order(ORDER).voucher(1).state()).isEqualTo(VoucherState.VALID);
    }

    @Test
    void the_late_codes_answer_is_repeated_identically_to_a_retried_request() {
        shop.create(ORDER, DOUYIN_SKU_C, 1);
        shop.app.issuingService().issue(issueRequest(ORDER));
        shop.later(Duration.ofMinutes(10));
        shop.app.issuingService().lapseExpired(10);
        RefundLine line = new RefundLine("800000000000000000001", Money.fen(PRICE), "7300000000000000001", "");

        AuditAnswer first = shop.applyRefund(ORDER, AFTER_SALE, line);
        AuditAnswer again = shop.applyRefund(ORDER, AFTER_SALE, line);

        assertThat(again).isEqualTo(first);
        assertThat(shop.reserved(STORE_A, SKU_C)).isEqualTo(1);
        assertThat(shop.app.codes().handedOut()).hasSize(1);
    }

    @Test
    void refund_lines_naming_units_by_certificate_find_them_after_the_issue_named_them() {
        shop.create(ORDER, DOUYIN_SKU_A, 2);
        shop.app.issuingService().issue(issueRequest(ORDER,
                new IssueCodes.Certificate("7300000000000000001", "800000000000000000001", DOUYIN_SKU_A),
                new IssueCodes.Certificate("7300000000000000002", "800000000000000000002", DOUYIN_SKU_A)));

        shop.applyRefund(ORDER, AFTER_SALE, new RefundLine("800000000000000000002", Money.fen(PRICE), "7300000000000000002", null));

        assertThat(shop.order(ORDER).voucher(2).state()).isEqualTo(VoucherState.REFUNDING);
        assertThat(shop.order(ORDER).voucher(1).state()).isEqualTo(VoucherState.VALID);
        assertThat(shop.afterSale(AFTER_SALE).items()).singleElement()
                .satisfies(i -> assertThat(i.voucher()).isEqualTo(2));
        assertThat(List.of(shop.afterSale(AFTER_SALE).state())).containsExactly(AfterSaleState.APPROVED);
    }
}
