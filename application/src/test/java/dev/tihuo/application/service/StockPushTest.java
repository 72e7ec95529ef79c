package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static dev.tihuo.application.service.Shop.DOUYIN_SKU_C;
import static dev.tihuo.application.service.Shop.POI_A;
import static dev.tihuo.application.service.Shop.POI_B;
import static dev.tihuo.application.service.Shop.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tihuo.application.port.in.spi.ChangePickupStore;
import dev.tihuo.application.port.in.spi.NotifyCancellation;
import dev.tihuo.application.port.out.DouyinCall.StockPush;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.store.PoiId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D12: every change of a published product's available stock queues an O7 poistock/save, coalesced per store and SKU. */
class StockPushTest {
    private final Shop shop = new Shop();

    @Test
    void a_reservation_queues_the_new_available_stock_for_douyin() {
        shop.create("1090000000000000001", DOUYIN_SKU_A, 2);

        assertThat(shop.queued(StockPush.class)).containsExactly(new StockPush(Shop.MERCHANT.value(), "1800000000000000",
                DOUYIN_SKU_A, Shop.SKU_A, POI_A, 8));
    }

    @Test
    void changes_waiting_to_be_sent_coalesce_into_the_latest_value() {
        shop.create("1090000000000000001", DOUYIN_SKU_A, 2);
        shop.create("1090000000000000002", DOUYIN_SKU_A, 3);
        shop.create("1090000000000000003", DOUYIN_SKU_C, 1);

        List<StockPush> pushes = shop.queued(StockPush.class);

        assertThat(pushes).extracting(StockPush::skuId, StockPush::available)
                .containsExactlyInAnyOrder(tuple(DOUYIN_SKU_A, 5),
                        tuple(DOUYIN_SKU_C, 9));
        assertThat(shop.queuedMessages(StockPush.class)).extracting(OutboxMessage::coalesceKey).doesNotHaveDuplicates();
    }

    @Test
    void a_value_changed_after_the_last_push_was_sent_is_pushed_again() {
        shop.create("1090000000000000001", DOUYIN_SKU_A, 2);
        OutboxMessage sent = shop.app.outbox().claimDue(shop.app.clock().instant(), 10, "worker", Duration.ofMinutes(1)).get(0);
        shop.app.outbox().markDelivered(sent.id(), "logid", shop.app.clock().instant());

        shop.app.orderService().cancelled(new NotifyCancellation.Notice(new DouyinOrderId("1090000000000000001"), null, 1));

        assertThat(shop.queued(StockPush.class)).singleElement().satisfies(p -> assertThat(p.available()).isEqualTo(10));
    }

    @Test
    void a_store_change_pushes_both_stores() {
        shop.createAndIssue("1090000000000000001", DOUYIN_SKU_A, 2);

        shop.app.storeChangeService().change(new ChangePickupStore.Command(new DouyinOrderId("1090000000000000001"),
                new PoiId(POI_B)));

        assertThat(shop.queued(StockPush.class)).extracting(StockPush::poiId, StockPush::available)
                .containsExactlyInAnyOrder(tuple(POI_A, 10),
                        tuple(POI_B, 8));
    }

    @Test
    void a_lapsed_issue_pushes_the_released_stock() {
        shop.create("1090000000000000001", DOUYIN_SKU_C, 4);
        shop.app.issuingService().issue(issueRequest("1090000000000000001"));
        List<StockPush> beforeLapse = shop.queued(StockPush.class);
        shop.later(Duration.ofMinutes(10));

        shop.app.issuingService().lapseExpired(10);

        assertThat(beforeLapse).singleElement().satisfies(p -> assertThat(p.available()).isEqualTo(6));
        assertThat(shop.queued(StockPush.class)).singleElement().satisfies(p -> assertThat(p.available()).isEqualTo(10));
    }

    @Test
    void seeding_and_refused_orders_push_nothing() {
        assertThatThrownBy(() -> shop.create("1090000000000000001", DOUYIN_SKU_A, 99))
                .isInstanceOf(DomainException.class);

        assertThat(shop.app.outbox().all()).isEmpty();
    }
}
