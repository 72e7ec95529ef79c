package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static dev.tihuo.application.service.Shop.DOUYIN_SKU_C;
import static dev.tihuo.application.service.Shop.PRICE;
import static dev.tihuo.application.service.Shop.SKU_A;
import static dev.tihuo.application.service.Shop.SKU_C;
import static dev.tihuo.application.service.Shop.STORE_A;
import static dev.tihuo.application.service.Shop.issueRequest;
import static dev.tihuo.application.service.Shop.refundNotice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.application.port.in.spi.NotifyRefund;
import dev.tihuo.application.port.in.spi.RefundLine;
import dev.tihuo.domain.aftersale.AfterSaleKind;
import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** S6 退款结果同步: the money went back; units refunded, stock released (D12); a notification (D16). */
class RefundNoticeTest {
    private static final String ORDER = "1090000000000000001";
    private static final String AFTER_SALE = "7310000000000000001";
    private final Shop shop = new Shop();
    private final NotifyRefund notifyRefund = shop.app.afterSaleService();

    @Test
    void an_approved_refund_of_every_unit_refunds_the_order_and_releases_its_stock() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 2);
        RefundLine one = shop.lineFor(ORDER, 1);
        RefundLine two = shop.lineFor(ORDER, 2);
        shop.applyRefund(ORDER, AFTER_SALE, one, two);

        notifyRefund.refunded(refundNotice(ORDER, AFTER_SALE, AfterSaleKind.REFUND, one, two));

        Order order = shop.order(ORDER);
        assertThat(order.state()).isEqualTo(OrderState.REFUNDED);
        assertThat(order.vouchers()).allSatisfy(v -> {
            assertThat(v.state()).isEqualTo(VoucherState.REFUNDED);
            assertThat(v.refunded()).isEqualTo(Money.fen(PRICE));
        });
        assertThat(order.refundedAmount()).isEqualTo(Money.fen(2 * PRICE));
        assertThat(shop.afterSale(AFTER_SALE).state()).isEqualTo(AfterSaleState.SUCCEEDED);
        assertThat(shop.reserved(STORE_A, SKU_A)).isZero();
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(10);
    }

    @Test
    void a_refund_of_some_units_leaves_the_order_partially_refunded() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 3);
        RefundLine two = shop.lineFor(ORDER, 2);
        shop.applyRefund(ORDER, AFTER_SALE, two);

        notifyRefund.refunded(refundNotice(ORDER, AFTER_SALE, AfterSaleKind.REFUND, two));

        Order order = shop.order(ORDER);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_REFUNDED);
        assertThat(order.voucher(2).state()).isEqualTo(VoucherState.REFUNDED);
        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.VALID);
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(2);
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(8);
    }

    @Test
    void a_refund_douyin_made_without_asking_is_recorded_and_settled() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 2);

        notifyRefund.refunded(refundNotice(ORDER, AFTER_SALE, AfterSaleKind.REFUND,
                new RefundLine("800000000000000000001", Money.fen(PRICE), null, null)));

        assertThat(shop.afterSale(AFTER_SALE).state()).isEqualTo(AfterSaleState.SUCCEEDED);
        Order order = shop.order(ORDER);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_REFUNDED);
        assertThat(order.vouchers()).filteredOn(v -> v.state() == VoucherState.REFUNDED).hasSize(1);
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(1);
    }

    @Test
    void a_repeated_refund_notice_is_harmless() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 2);
        RefundLine one = shop.lineFor(ORDER, 1);
        shop.applyRefund(ORDER, AFTER_SALE, one);
        NotifyRefund.Notice notice = refundNotice(ORDER, AFTER_SALE, AfterSaleKind.REFUND, one);
        notifyRefund.refunded(notice);
        Order once = shop.order(ORDER);

        notifyRefund.refunded(notice);
        notifyRefund.refunded(notice);

        assertThat(shop.order(ORDER).snapshot()).isEqualTo(once.snapshot());
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(1);
    }

    @Test
    void a_refund_notice_after_a_failed_issue_refunds_the_order() {
        shop.create(ORDER, DOUYIN_SKU_C, 2);
        shop.app.issuingService().issue(issueRequest(ORDER));
        shop.later(Duration.ofMinutes(10));
        shop.app.issuingService().lapseExpired(10);

        notifyRefund.refunded(refundNotice(ORDER, AFTER_SALE, AfterSaleKind.REFUND,
                new RefundLine("800000000000000000001", Money.fen(PRICE), null, null),
                new RefundLine("800000000000000000002", Money.fen(PRICE), null, null)));

        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.REFUNDED);
        assertThat(shop.reserved(STORE_A, SKU_C)).as("released once, by the lapse").isZero();
        assertThat(shop.available(STORE_A, SKU_C)).isEqualTo(10);
    }

    @Test
    void a_refund_notice_for_an_order_not_known_yet_asks_douyin_to_try_again() {
        assertThatThrownBy(() -> notifyRefund.refunded(refundNotice(ORDER, AFTER_SALE, AfterSaleKind.REFUND,
                new RefundLine("800000000000000000001", Money.fen(PRICE), null, null))))
                .isInstanceOf(TryAgainLater.class);
    }
}
