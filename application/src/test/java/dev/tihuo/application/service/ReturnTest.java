package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static dev.tihuo.application.service.Shop.MERCHANT;
import static dev.tihuo.application.service.Shop.PRICE;
import static dev.tihuo.application.service.Shop.SKU_A;
import static dev.tihuo.application.service.Shop.STORE_A;
import static dev.tihuo.application.service.Shop.refundNotice;
import static dev.tihuo.application.service.Shop.refundRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.application.port.in.merchant.ReviewAfterSales;
import dev.tihuo.application.port.in.spi.ApplyReturn;
import dev.tihuo.application.port.in.spi.AuditAnswer;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.in.spi.NotifyReturnTimeout;
import dev.tihuo.application.port.in.spi.RefundLine;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleKind;
import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.voucher.VoucherState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** S7 申请退货 and S8 超时退货通知: returns of picked-up goods (D9), back into stock when received (D12). */
class ReturnTest {
    private static final String ORDER = "1090000000000000001";
    private static final String RETURN = "7310000000000000001";
    private final Shop shop = new Shop();
    private final ApplyReturn applyReturn = shop.app.afterSaleService();
    private final NotifyReturnTimeout timeout = shop.app.afterSaleService();
    private final ReviewAfterSales review = shop.app.afterSaleService();

    private void pickedUp(int units) {
        shop.create(ORDER, DOUYIN_SKU_A, units);
        List<IssueCodes.Certificate> certificates = new ArrayList<>();
        for (int n = 1; n <= units; n++) {
            certificates.add(new IssueCodes.Certificate("730000000000000000" + n, "80000000000000000000" + n, DOUYIN_SKU_A));
        }
        shop.app.issuingService().issue(Shop.issueRequest(ORDER, certificates.toArray(IssueCodes.Certificate[]::new)));
        shop.pickUp(ORDER, IntStream.rangeClosed(1, units).toArray());
    }

    private static RefundLine unit(int n) {
        return new RefundLine("80000000000000000000" + n, Money.fen(PRICE), "730000000000000000" + n, null);
    }

    @Test
    void a_return_of_picked_up_goods_is_approved_and_waits_for_the_goods() {
        pickedUp(2);

        AuditAnswer answer = applyReturn.applyReturn(refundRequest(ORDER, RETURN, unit(1), unit(2)));

        assertThat(answer.result()).isEqualTo(1);
        assertThat(shop.afterSale(RETURN).state()).isEqualTo(AfterSaleState.AWAITING_GOODS);
        assertThat(shop.afterSale(RETURN).kind()).isEqualTo(AfterSaleKind.RETURN);
        assertThat(shop.order(ORDER).vouchers()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.RETURN_REQUESTED));
    }

    @Test
    void a_return_of_goods_never_picked_up_is_rejected() {
        shop.create("1090000000000000002", DOUYIN_SKU_A, 1);
        shop.app.issuingService().issue(Shop.issueRequest("1090000000000000002",
                new IssueCodes.Certificate("7300000000000000009", null, DOUYIN_SKU_A)));

        AuditAnswer answer = applyReturn.applyReturn(refundRequest("1090000000000000002", RETURN,
                new RefundLine(null, Money.fen(PRICE), "7300000000000000009", null)));

        assertThat(answer.result()).isEqualTo(2);
        assertThat(shop.afterSale(RETURN).state()).isEqualTo(AfterSaleState.REJECTED);
        assertThat(shop.order("1090000000000000002").voucher(1).state()).isEqualTo(VoucherState.VALID);
    }

    @Test
    void returned_goods_received_at_the_store_go_back_into_stock() {
        pickedUp(2);
        int onHand = shop.app.stockOf(MERCHANT, STORE_A, SKU_A).onHand();
        applyReturn.applyReturn(refundRequest(ORDER, RETURN, unit(1), unit(2)));

        review.receiveReturnedGoods(MERCHANT, new AfterSaleId(RETURN));

        assertThat(shop.afterSale(RETURN).state()).isEqualTo(AfterSaleState.GOODS_RECEIVED);
        assertThat(shop.app.stockOf(MERCHANT, STORE_A, SKU_A).onHand()).isEqualTo(onHand + 2);
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(10);
    }

    @Test
    void the_refund_notice_of_a_return_refunds_the_units_without_touching_the_stock_again() {
        pickedUp(1);
        applyReturn.applyReturn(refundRequest(ORDER, RETURN, unit(1)));
        review.receiveReturnedGoods(MERCHANT, new AfterSaleId(RETURN));

        shop.app.afterSaleService().refunded(refundNotice(ORDER, RETURN, AfterSaleKind.RETURN, unit(1)));

        assertThat(shop.afterSale(RETURN).state()).isEqualTo(AfterSaleState.REFUNDED);
        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.REFUNDED);
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(10);
        assertThat(shop.reserved(STORE_A, SKU_A)).isZero();
    }

    @Test
    void a_return_reviewed_by_hand_is_pending_until_the_merchant_decides() {
        shop.app.policies().reviewManually(MERCHANT);
        pickedUp(1);

        assertThat(applyReturn.applyReturn(refundRequest(ORDER, RETURN, unit(1))).result()).isZero();
        review.reject(new ReviewAfterSales.Decision(MERCHANT, new AfterSaleId(RETURN), "the seal is broken"));

        assertThat(shop.afterSale(RETURN).state()).isEqualTo(AfterSaleState.REJECTED);
        assertThat(shop.order(ORDER).voucher(1).state()).isEqualTo(VoucherState.REDEEMED);
        assertThat(shop.queued(DouyinCall.RefundAudit.class)).singleElement().satisfies(o2 -> assertThat(o2.approved()).isFalse());
    }

    @Test
    void a_timeout_notice_for_a_pending_return_is_recorded_as_an_approval() {
        shop.app.policies().reviewManually(MERCHANT);
        pickedUp(1);
        applyReturn.applyReturn(refundRequest(ORDER, RETURN, unit(1)));

        timeout.timedOut(new NotifyReturnTimeout.Notice(new DouyinOrderId(ORDER), null, new AfterSaleId(RETURN),
                Money.fen(PRICE), List.of(unit(1))));

        assertThat(shop.afterSale(RETURN).state()).isEqualTo(AfterSaleState.AWAITING_GOODS);
        assertThat(shop.afterSale(RETURN).isApproved()).isTrue();
        assertThat(shop.order(ORDER).voucher(1).state()).isEqualTo(VoucherState.RETURN_REQUESTED);
    }

    @Test
    void a_timeout_notice_without_a_return_request_creates_the_return_approved() {
        pickedUp(2);

        timeout.timedOut(new NotifyReturnTimeout.Notice(new DouyinOrderId(ORDER), null, new AfterSaleId(RETURN),
                Money.fen(PRICE), List.of(unit(2))));
        timeout.timedOut(new NotifyReturnTimeout.Notice(new DouyinOrderId(ORDER), null, new AfterSaleId(RETURN),
                Money.fen(PRICE), List.of(unit(2))));

        assertThat(shop.afterSale(RETURN).state()).isEqualTo(AfterSaleState.AWAITING_GOODS);
        assertThat(shop.afterSale(RETURN).vouchers()).containsExactly(2);
        assertThat(shop.order(ORDER).voucher(1).state()).isEqualTo(VoucherState.REDEEMED);
        assertThat(shop.order(ORDER).voucher(2).state()).isEqualTo(VoucherState.RETURN_REQUESTED);
    }
}
