package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.voucher.VoucherState;
import dev.tihuo.simulator.BuyerJourney;
import dev.tihuo.simulator.DouyinPlatformClient;
import dev.tihuo.simulator.DouyinPlatformClient.Spi;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.PlatformState;
import dev.tihuo.simulator.Purchase;
import dev.tihuo.simulator.SimClock;
import dev.tihuo.simulator.SpiReply;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tihuo driven by the platform simulator ({@code features/simulator}): its own signer (written from spi.md alone),
 * its bodies and its reading of tihuo's answers. S1 → S4 → S5 → S6 and W1 go through; a body changed after signing
 * is refused with 401.
 */
class SpiSimulatorTest extends SpiDoorTestBase {
    private DouyinSimulator sim;

    @BeforeEach
    void startSimulator() throws Exception {
        sim = SpiServerTestBase.await(DouyinSimulator.start(vertx, dev.tihuo.simulator.SimulatorOptions.defaults()
                .clock(SimClock.virtual(NOW))
                .app(KEY, SECRET)
                .tihuo(DouyinPlatformClient.Target.of("http://localhost:" + port, KEY, SECRET))
                .pacing(BuyerJourney.Pacing.compressed(0))));
    }

    @AfterEach
    void stopSimulator() throws Exception {
        SpiServerTestBase.await(sim.close());
    }

    @Test
    void the_simulators_purchase_refund_and_store_change_go_through() throws Exception {
        PlatformState.Order bought = SpiServerTestBase.await(sim.journey().buy(
                Purchase.afterPay(ACCOUNT, POI_A, PRODUCT_AB, DOUYIN_SKU_A, 2, PRICE)));

        // S1 then S4 (after-pay, D2): Douyin took our order_out_id and shows the codes tihuo issued
        assertThat(bought.status()).as(bought.history().toString()).isEqualTo(PlatformState.OrderStatus.ISSUED);
        Order ours = order(bought.orderId());
        assertThat(bought.orderOutId()).isEqualTo(ours.outId().value());
        assertThat(ours.state()).isEqualTo(OrderState.ISSUED);
        for (PlatformState.Certificate certificate : bought.certificates()) {
            var voucher = ours.vouchers().stream()
                    .filter(v -> v.certificateId().map(c -> c.value().equals(certificate.certificateId())).orElse(false))
                    .findFirst().orElseThrow();
            assertThat(certificate.code()).isEqualTo(voucher.code().orElseThrow().value());
        }
        assertThat(reserved(STORE_A, SKU_A)).isEqualTo(2);

        // S5 approved (unredeemed, D7), then S6 settles it
        PlatformState.AfterSale refund = SpiServerTestBase.await(sim.journey().applyRefund(bought.orderId(), 1));
        assertThat(refund.status()).as(refund.history().toString()).isEqualTo(PlatformState.AfterSaleStatus.SUCCEEDED);
        assertThat(order(bought.orderId()).vouchers()).extracting(v -> v.state())
                .containsExactlyInAnyOrder(VoucherState.REFUNDED, VoucherState.VALID);
        assertThat(reserved(STORE_A, SKU_A)).isEqualTo(1);

        // W1: the buyer picks up elsewhere; store B has stock
        SpiReply moved = SpiServerTestBase.await(sim.journey().changeStore(bought.orderId(), POI_B));
        assertThat(moved.accepted()).as(moved.toString()).isTrue();
        assertThat(order(bought.orderId()).poi().value()).isEqualTo(POI_B);
        assertThat(reserved(STORE_B, SKU_A)).isEqualTo(1);

        List<String> sent = sim.client().exchanges().stream().map(DouyinPlatformClient.Exchange::name).toList();
        assertThat(sent).containsExactly("S1_CREATE_ORDER", "S4_ISSUE_CODE", "S5_REFUND_APPLY", "S6_REFUND_NOTIFY",
                "W life_retail_comp_poi_change");
        assertThat(sim.client().exchanges()).allSatisfy(e -> assertThat(e.reply().accepted()).as(e.name()).isTrue());
    }

    @Test
    void a_request_the_simulator_tampers_with_is_refused_with_401_and_changes_nothing() throws Exception {
        String before = state();
        JsonObject body = createOrderBody(ORDER_IDS.get(0), POI_A, DOUYIN_SKU_A, 1);

        SpiReply reply = SpiServerTestBase.await(sim.client().sendTampered(Spi.S1_CREATE_ORDER, body));

        assertThat(reply.httpStatus()).isEqualTo(401);
        assertThat(reply.asksForRetry()).isFalse();
        assertThat(state()).isEqualTo(before);
        assertThat(exists(ORDER_IDS.get(0))).isFalse();

        SpiReply honest = SpiServerTestBase.await(sim.client().send(Spi.S1_CREATE_ORDER, body));
        assertThat(honest.accepted()).as(honest.toString()).isTrue();
        assertThat(honest.data().getString("order_out_id")).isEqualTo(order(ORDER_IDS.get(0)).outId().value());
    }
}
