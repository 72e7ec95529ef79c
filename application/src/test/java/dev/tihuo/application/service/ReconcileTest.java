package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.application.port.in.counter.Counter;
import dev.tihuo.application.port.in.operations.Reconcile;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform.CertificateStatus;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.store.StoreId;
import dev.tihuo.domain.voucher.VoucherState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reconciliation through O5 (openapi.md §5.4): what Douyin holds decides what tihuo repairs. */
class ReconcileTest {
    private final Shop shop = new Shop();
    private final ReconcileService reconcile = new ReconcileService(shop.app.ports());

    @Test
    void a_unit_douyin_refunded_while_its_refund_notice_was_lost_is_refunded_here_and_its_stock_released() {
        shop.createAndIssue("1090000000000000001", DOUYIN_SKU_A, 2,
                new dev.tihuo.application.port.in.spi.IssueCodes.Certificate("7300000000000000001", null, DOUYIN_SKU_A),
                new dev.tihuo.application.port.in.spi.IssueCodes.Certificate("7300000000000000002", null, DOUYIN_SKU_A));
        int reservedBefore = shop.reserved(Shop.STORE_A, Shop.SKU_A);
        shop.app.douyin().reporting("1090000000000000001", List.of(
                new CertificateStatus("7300000000000000001", null, 4, null),
                new CertificateStatus("7300000000000000002", null, 1, null)));

        Reconcile.Report report = reconcile.reconcile(Shop.MERCHANT, "1090000000000000001");

        assertThat(report.differences()).singleElement().satisfies(d -> assertThat(d.certificateId()).isEqualTo("7300000000000000001"));
        assertThat(report.repaired()).hasSize(1);
        var order = shop.order("1090000000000000001");
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_REFUNDED);
        assertThat(order.voucherByCertificate(new dev.tihuo.domain.voucher.CertificateId("7300000000000000001")).orElseThrow().state())
                .isEqualTo(VoucherState.REFUNDED);
        assertThat(shop.reserved(Shop.STORE_A, Shop.SKU_A)).isEqualTo(reservedBefore - 1);
    }

    @Test
    void a_redemption_douyin_never_heard_of_is_reported_again_with_its_verify_token() {
        shop.createAndIssue("1090000000000000001", DOUYIN_SKU_A, 1,
                new dev.tihuo.application.port.in.spi.IssueCodes.Certificate("7300000000000000001", null, DOUYIN_SKU_A));
        String code = shop.order("1090000000000000001").voucher(1).code().orElseThrow().value();
        new CounterService(shop.app.ports()).redeem(new Counter.At(Shop.MERCHANT, new StoreId(Shop.STORE_A)), code);
        shop.app.douyin().reporting("1090000000000000001", List.of(new CertificateStatus("7300000000000000001", code, 1, null)));

        Reconcile.Report report = reconcile.reconcile(Shop.MERCHANT, "1090000000000000001");

        assertThat(report.repaired()).singleElement().satisfies(r -> assertThat(r).contains("reported to Douyin again"));
        String token = shop.order("1090000000000000001").voucher(1).verifyToken().orElseThrow();
        assertThat(shop.queued(DouyinCall.Verify.class)).extracting(DouyinCall.Verify::verifyToken).containsOnly(token);
        assertThat(shop.queued(DouyinCall.Verify.class)).hasSize(2);
    }

    @Test
    void when_both_sides_agree_nothing_is_changed() {
        shop.createAndIssue("1090000000000000001", DOUYIN_SKU_A, 1,
                new dev.tihuo.application.port.in.spi.IssueCodes.Certificate("7300000000000000001", null, DOUYIN_SKU_A));
        shop.app.douyin().reporting("1090000000000000001", List.of(new CertificateStatus("7300000000000000001", null, 1, null)));

        Reconcile.Report report = reconcile.reconcile(Shop.MERCHANT, "1090000000000000001");

        assertThat(report.differences()).isEmpty();
        assertThat(report.repaired()).isEmpty();
        assertThat(shop.order("1090000000000000001").state()).isEqualTo(OrderState.ISSUED);
    }
}
