package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static dev.tihuo.application.service.Shop.SKU_A;
import static dev.tihuo.application.service.Shop.STORE_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.application.port.in.spi.NotifyCancellation;
import dev.tihuo.application.port.in.spi.NotifyPayment;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.voucher.VoucherState;
import org.junit.jupiter.api.Test;

/** S2 payment notice and S3 cancel notice: notifications that never refuse for business reasons (D2, D12, D16). */
class PaymentAndCancellationTest {
    private static final String ORDER = "1090000000000000001";
    private final Shop shop = new Shop();
    private final NotifyPayment payment = shop.app.orderService();
    private final NotifyCancellation cancellation = shop.app.orderService();

    @Test
    void a_payment_notice_marks_a_created_order_paid() {
        shop.create(ORDER, DOUYIN_SKU_A, 2);

        payment.paid(new NotifyPayment.Notice(new DouyinOrderId(ORDER), "M000001"));

        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.PAID);
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(2);
    }

    @Test
    void a_repeated_payment_notice_is_harmless() {
        shop.create(ORDER, DOUYIN_SKU_A, 2);
        payment.paid(new NotifyPayment.Notice(new DouyinOrderId(ORDER), "M000001"));
        long version = shop.order(ORDER).version();

        payment.paid(new NotifyPayment.Notice(new DouyinOrderId(ORDER), "M000001"));

        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.PAID);
        assertThat(shop.order(ORDER).version()).isEqualTo(version);
    }

    @Test
    void a_payment_notice_for_an_order_not_known_yet_asks_douyin_to_try_again() {
        assertThatThrownBy(() -> payment.paid(new NotifyPayment.Notice(new DouyinOrderId(ORDER), null)))
                .isInstanceOf(TryAgainLater.class);
    }

    @Test
    void a_cancel_notice_cancels_the_order_and_releases_its_stock() {
        shop.create(ORDER, DOUYIN_SKU_A, 2);

        cancellation.cancelled(new NotifyCancellation.Notice(new DouyinOrderId(ORDER), "M000001", 1));

        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(shop.order(ORDER).vouchers()).allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.CANCELLED));
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(10);
        assertThat(shop.reserved(STORE_A, SKU_A)).isZero();
    }

    @Test
    void a_paid_order_cancelled_after_payment_also_releases_its_stock() {
        shop.create(ORDER, DOUYIN_SKU_A, 2);
        payment.paid(new NotifyPayment.Notice(new DouyinOrderId(ORDER), "M000001"));

        cancellation.cancelled(new NotifyCancellation.Notice(new DouyinOrderId(ORDER), "M000001", 2));

        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(10);
    }

    @Test
    void a_repeated_cancel_notice_releases_the_stock_only_once() {
        shop.create(ORDER, DOUYIN_SKU_A, 2);
        shop.create("1090000000000000002", DOUYIN_SKU_A, 3);

        for (int i = 0; i < 3; i++) {
            cancellation.cancelled(new NotifyCancellation.Notice(new DouyinOrderId(ORDER), "M000001", 1));
        }

        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(3);
    }

    @Test
    void a_payment_notice_after_the_cancel_keeps_the_order_cancelled() {
        shop.create(ORDER, DOUYIN_SKU_A, 2);
        cancellation.cancelled(new NotifyCancellation.Notice(new DouyinOrderId(ORDER), "M000001", 1));

        payment.paid(new NotifyPayment.Notice(new DouyinOrderId(ORDER), "M000001"));

        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void a_cancel_notice_for_an_order_not_known_yet_asks_douyin_to_try_again() {
        assertThatThrownBy(() -> cancellation.cancelled(new NotifyCancellation.Notice(new DouyinOrderId(ORDER), null, 1)))
                .isInstanceOf(TryAgainLater.class);
    }

    @Test
    void a_cancel_notice_for_an_order_whose_codes_were_issued_changes_nothing() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 2);

        cancellation.cancelled(new NotifyCancellation.Notice(new DouyinOrderId(ORDER), "M000001", 2));

        assertThat(shop.order(ORDER).state()).isEqualTo(OrderState.ISSUED);
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(2);
    }
}
