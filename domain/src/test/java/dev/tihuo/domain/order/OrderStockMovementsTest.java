package dev.tihuo.domain.order;

import static dev.tihuo.domain.order.OrderFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.stock.StockMovement;
import dev.tihuo.domain.stock.StockMovement.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stock each order event moves (flows.md §4.5, D12, D13). */
class OrderStockMovementsTest {
    private static final Instant AT = T0.plus(Duration.ofDays(1));

    private static Order.Placement teaAndCoffee() {
        return place("o-mix", STORE_A, List.of(line(TEA, 2, 1000), line(COFFEE, 1, 3000)), 4500);
    }

    @Test
    void placing_an_order_reserves_each_sku_at_the_chosen_store() {
        Order.Placement placement = teaAndCoffee();

        assertThat(placement.event().store()).isEqualTo(STORE_A);
        assertThat(placement.event().movements()).containsExactly(
                new StockMovement(Kind.RESERVE, STORE_A, TEA, 2), new StockMovement(Kind.RESERVE, STORE_A, COFFEE, 1));
        assertThat(placement.order().reservedUnits()).containsEntry(TEA, 2).containsEntry(COFFEE, 1);
    }

    @Test
    void cancelling_an_order_releases_its_reservation() {
        Order order = teaAndCoffee().order();

        assertThat(order.cancel("cancel_type 1", AT).movements()).containsExactly(
                new StockMovement(Kind.RELEASE, STORE_A, TEA, 2), new StockMovement(Kind.RELEASE, STORE_A, COFFEE, 1));
        assertThat(order.reservedUnits()).isEmpty();
    }

    @Test
    void a_failed_issue_releases_the_reservation() {
        Order order = teaAndCoffee().order();

        assertThat(order.failIssue(AT).movements()).containsExactly(
                new StockMovement(Kind.RELEASE, STORE_A, TEA, 2), new StockMovement(Kind.RELEASE, STORE_A, COFFEE, 1));
        assertThat(order.reservedUnits()).isEmpty();
    }

    @Test
    void paying_and_issuing_do_not_move_stock() {
        Order order = teaAndCoffee().order();

        assertThat(order.pay(AT).movements()).isEmpty();
        assertThat(order.startIssuing(AT).movements()).isEmpty();
        assertThat(order.issue(codesFor(order), VALID_UNTIL, AT).movements()).isEmpty();
        assertThat(order.reservedUnits()).containsEntry(TEA, 2).containsEntry(COFFEE, 1);
    }

    @Test
    void a_refund_of_units_not_picked_up_releases_their_reservation() {
        Order order = issued();

        assertThat(order.refund(fullRefund(order, 1, 2), AT).movements())
                .containsExactly(new StockMovement(Kind.RELEASE, STORE_A, TEA, 2));
        assertThat(order.reservedUnits()).isEmpty();
    }

    @Test
    void a_refund_after_an_issue_failure_releases_nothing_more() {
        Order order = orderIn(OrderState.ISSUE_FAILED);

        assertThat(order.refund(fullRefund(order, 1, 2), AT).movements()).isEmpty();
    }

    @Test
    void a_refund_after_a_return_releases_nothing_because_the_goods_left_with_the_buyer() {
        Order order = orderIn(OrderState.REDEEMED);
        order.requestReturn(List.of(1));

        assertThat(order.refund(fullRefund(order, 1), AT).movements()).isEmpty();
    }

    @Test
    void redemption_consumes_one_reserved_unit_and_its_cancellation_restores_it() {
        Order order = issued();

        assertThat(order.redeem(codeOf(order, 2), STORE_A, TOKEN, AT).movements())
                .containsExactly(new StockMovement(Kind.CONSUME, STORE_A, TEA, 1));
        assertThat(order.reservedUnits()).containsEntry(TEA, 1);

        assertThat(order.cancelRedemption(codeOf(order, 2), AT.plusSeconds(60)).movements())
                .containsExactly(new StockMovement(Kind.RESTORE, STORE_A, TEA, 1));
        assertThat(order.reservedUnits()).containsEntry(TEA, 2);
    }

    @Test
    void a_store_change_moves_the_reservation_to_the_new_store() {
        Order order = teaAndCoffee().order();

        OrderEvent.PickupStoreChanged changed = order.moveTo(STORE_B, POI_B, AT);

        assertThat(changed.from()).isEqualTo(STORE_A);
        assertThat(changed.to()).isEqualTo(STORE_B);
        assertThat(changed.movements()).containsExactly(
                new StockMovement(Kind.RELEASE, STORE_A, TEA, 2), new StockMovement(Kind.RELEASE, STORE_A, COFFEE, 1),
                new StockMovement(Kind.RESERVE, STORE_B, TEA, 2), new StockMovement(Kind.RESERVE, STORE_B, COFFEE, 1));
        assertThat(order.store()).isEqualTo(STORE_B);
        assertThat(order.poi()).isEqualTo(POI_B);
    }

    @Test
    void a_store_change_moves_only_the_units_not_yet_picked_up() {
        Order order = orderIn(OrderState.PARTIALLY_REDEEMED);

        assertThat(order.moveTo(STORE_B, POI_B, AT).movements()).containsExactly(
                new StockMovement(Kind.RELEASE, STORE_A, TEA, 1), new StockMovement(Kind.RESERVE, STORE_B, TEA, 1));
    }

    @Test
    void a_store_change_to_the_same_store_moves_nothing() {
        Order order = issued();

        assertThat(order.moveTo(STORE_A, POI_A, AT).movements()).isEmpty();
    }

    @Test
    void a_store_change_after_an_issue_failure_moves_nothing() {
        Order order = orderIn(OrderState.ISSUE_FAILED);

        assertThat(order.moveTo(STORE_B, POI_B, AT).movements()).isEmpty();
    }

    @Test
    void a_store_change_to_a_store_without_stock_is_flagged_and_the_order_keeps_its_store() {
        Order order = issued();

        OrderEvent.StoreChangeFlagged flagged = order.flagStoreChange(POI_B, "no stock", AT);

        assertThat(flagged.requested()).isEqualTo(POI_B);
        assertThat(order.store()).isEqualTo(STORE_A);
        assertThat(order.attention()).hasValueSatisfying(a -> assertThat(a).contains("poi-b").contains("no stock"));
        assertThat(order.reservedUnits()).containsEntry(TEA, 2);

        order.moveTo(STORE_B, POI_B, AT.plusSeconds(60));
        assertThat(order.attention()).isEmpty();
    }

    @Test
    void a_cancelled_redemption_after_a_store_change_leaves_the_unit_reserved_where_the_order_now_is() {
        Order order = issued();
        order.redeem(codeOf(order, 1), STORE_A, TOKEN, AT);
        order.moveTo(STORE_B, POI_B, AT.plusSeconds(60));

        List<StockMovement> movements = order.cancelRedemption(codeOf(order, 1), AT.plusSeconds(120)).movements();

        // net effect per store: the goods came back at A (on hand +1, nothing reserved there for this order);
        // the unit is reserved again at B, where the order will be picked up
        assertThat(netReserved(movements, STORE_A)).isZero();
        assertThat(netReserved(movements, STORE_B)).isEqualTo(1);
        assertThat(netOnHand(movements, STORE_A)).isEqualTo(1);
        assertThat(order.reservedUnits()).containsEntry(TEA, 2);
    }

    private static int netReserved(List<StockMovement> moves, dev.tihuo.domain.store.StoreId store) {
        return moves.stream().filter(m -> m.store().equals(store)).mapToInt(m -> switch (m.kind()) {
            case RESERVE, RESTORE -> m.quantity();
            case RELEASE, CONSUME -> -m.quantity();
        }).sum();
    }

    private static int netOnHand(List<StockMovement> moves, dev.tihuo.domain.store.StoreId store) {
        return moves.stream().filter(m -> m.store().equals(store)).mapToInt(m -> switch (m.kind()) {
            case RESTORE -> m.quantity();
            case CONSUME -> -m.quantity();
            default -> 0;
        }).sum();
    }
}
