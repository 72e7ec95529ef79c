package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static dev.tihuo.application.service.Shop.DOUYIN_SKU_B;
import static dev.tihuo.application.service.Shop.POI_A;
import static dev.tihuo.application.service.Shop.POI_B;
import static dev.tihuo.application.service.Shop.SKU_A;
import static dev.tihuo.application.service.Shop.SKU_B;
import static dev.tihuo.application.service.Shop.STORE_A;
import static dev.tihuo.application.service.Shop.STORE_B;
import static dev.tihuo.application.service.Shop.UNKNOWN_POI;
import static dev.tihuo.application.service.Shop.createOrder;
import static dev.tihuo.application.service.Shop.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.application.port.in.spi.ChangePickupStore;
import dev.tihuo.application.port.in.spi.ChangePickupStore.Outcome;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.store.PoiId;
import org.junit.jupiter.api.Test;

/** W1 提货券门店变更通知 (D13): the reservation moves when the new store has stock, else the order is flagged. */
class PickupStoreChangeTest {
    private static final String ORDER = "1090000000000000001";
    private final Shop shop = new Shop();
    private final ChangePickupStore changeStore = shop.app.storeChangeService();

    private Outcome changeTo(String poi) {
        return changeStore.change(new ChangePickupStore.Command(new DouyinOrderId(ORDER), new PoiId(poi)));
    }

    @Test
    void the_reservation_moves_to_a_new_store_that_has_the_stock() {
        shop.createAndIssue(ORDER, DOUYIN_SKU_A, 2);

        assertThat(changeTo(POI_B)).isEqualTo(Outcome.MOVED);

        Order order = shop.order(ORDER);
        assertThat(order.store().value()).isEqualTo(STORE_B);
        assertThat(order.poi().value()).isEqualTo(POI_B);
        assertThat(order.attention()).isEmpty();
        assertThat(shop.reserved(STORE_A, SKU_A)).isZero();
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(10);
        assertThat(shop.reserved(STORE_B, SKU_A)).isEqualTo(2);
        assertThat(shop.available(STORE_B, SKU_A)).isEqualTo(8);
    }

    @Test
    void an_order_stays_at_its_store_and_is_flagged_when_the_new_store_lacks_stock() {
        shop.app.orderService().create(createOrder(ORDER, POI_A, item(DOUYIN_SKU_A, 1), item(DOUYIN_SKU_B, 1)));

        assertThat(changeTo(POI_B)).isEqualTo(Outcome.FLAGGED);

        Order order = shop.order(ORDER);
        assertThat(order.store().value()).isEqualTo(STORE_A);
        assertThat(order.attention()).hasValueSatisfying(a -> assertThat(a).contains(POI_B));
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(1);
        assertThat(shop.reserved(STORE_A, SKU_B)).isEqualTo(1);
        assertThat(shop.reserved(STORE_B, SKU_A)).isZero();
    }

    @Test
    void an_order_is_flagged_when_the_new_poi_is_no_store_of_the_merchant() {
        shop.create(ORDER, DOUYIN_SKU_A, 1);

        assertThat(changeTo(UNKNOWN_POI)).isEqualTo(Outcome.FLAGGED);

        assertThat(shop.order(ORDER).store().value()).isEqualTo(STORE_A);
        assertThat(shop.order(ORDER).attention()).isPresent();
    }

    @Test
    void a_change_to_the_same_store_or_a_repeated_change_leaves_everything_as_it_is() {
        shop.create(ORDER, DOUYIN_SKU_A, 1);
        assertThat(changeTo(POI_A)).isEqualTo(Outcome.UNCHANGED);

        assertThat(changeTo(POI_B)).isEqualTo(Outcome.MOVED);
        assertThat(changeTo(POI_B)).isEqualTo(Outcome.UNCHANGED);

        assertThat(shop.reserved(STORE_B, SKU_A)).isEqualTo(1);
        assertThat(shop.reserved(STORE_A, SKU_A)).isZero();
    }

    @Test
    void a_later_move_to_a_store_with_stock_clears_the_flag() {
        shop.app.orderService().create(createOrder(ORDER, POI_A, item(DOUYIN_SKU_B, 1)));
        assertThat(changeTo(POI_B)).isEqualTo(Outcome.FLAGGED);
        shop.app.putOnShelf(Shop.MERCHANT, STORE_B, SKU_B, 3);

        assertThat(changeTo(POI_B)).isEqualTo(Outcome.MOVED);

        assertThat(shop.order(ORDER).attention()).isEmpty();
        assertThat(shop.available(STORE_B, SKU_B)).isEqualTo(2);
    }

    @Test
    void a_store_change_for_an_order_not_known_yet_asks_douyin_to_try_again() {
        assertThatThrownBy(() -> changeTo(POI_B)).isInstanceOf(TryAgainLater.class);
    }
}
