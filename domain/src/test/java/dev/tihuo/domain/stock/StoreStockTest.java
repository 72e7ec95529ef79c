package dev.tihuo.domain.stock;

import static dev.tihuo.domain.order.OrderFixture.*;
import static dev.tihuo.domain.shared.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.stock.StockMovement.Kind;
import org.junit.jupiter.api.Test;

/** Stock of one SKU at one store (D12): available = on hand - reserved, never negative. */
class StoreStockTest {
    private static final StockKey KEY = new StockKey(MERCHANT, STORE_A, TEA);

    private static StoreStock stock(int onHand, int reserved) {
        return StoreStock.reconstitute(KEY, onHand, reserved, 3);
    }

    private static void assertFigures(StoreStock stock, int onHand, int reserved) {
        assertThat(stock.onHand()).isEqualTo(onHand);
        assertThat(stock.reserved()).isEqualTo(reserved);
        assertThat(stock.available()).isEqualTo(onHand - reserved);
    }

    @Test
    void a_store_that_never_stocked_the_sku_has_nothing() {
        assertFigures(StoreStock.empty(KEY), 0, 0);
    }

    @Test
    void reserving_takes_from_available_and_reports_the_absolute_figures() {
        StoreStock stock = stock(10, 2);

        StockChanged changed = stock.reserve(3, T0);

        assertFigures(stock, 10, 5);
        assertThat(changed).isEqualTo(new StockChanged(KEY, 10, 5, 5, changed.cause(), T0));
    }

    @Test
    void reserving_the_last_available_unit_is_allowed() {
        StoreStock stock = stock(3, 2);

        stock.reserve(1, T0);

        assertFigures(stock, 3, 3);
    }

    @Test
    void reserving_more_than_is_available_is_refused_for_insufficient_stock() {
        StoreStock stock = stock(3, 2);

        assertRefused(Reason.INSUFFICIENT_STOCK, () -> stock.reserve(2, T0));
        assertFigures(stock, 3, 2);
    }

    @Test
    void releasing_gives_reserved_units_back_to_available() {
        StoreStock stock = stock(5, 4);

        stock.release(4, T0);

        assertFigures(stock, 5, 0);
    }

    @Test
    void releasing_more_than_is_reserved_is_refused() {
        StoreStock stock = stock(5, 1);

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> stock.release(2, T0));
        assertFigures(stock, 5, 1);
    }

    @Test
    void a_redemption_consumes_the_reservation_and_leaves_available_unchanged() {
        StoreStock stock = stock(5, 2);

        stock.consumeReserved(1, T0);

        assertFigures(stock, 4, 1);
    }

    @Test
    void consuming_more_than_is_reserved_is_refused() {
        StoreStock stock = stock(5, 0);

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> stock.consumeReserved(1, T0));
        assertFigures(stock, 5, 0);
    }

    @Test
    void a_douyin_code_redemption_consumes_available_stock_directly() {
        StoreStock stock = stock(5, 3);

        stock.consumeOnHand(2, T0);

        assertFigures(stock, 3, 3);
        assertRefused(Reason.INSUFFICIENT_STOCK, () -> stock.consumeOnHand(1, T0));
    }

    @Test
    void a_cancelled_redemption_puts_the_goods_back_into_reserve() {
        StoreStock stock = stock(4, 1);

        stock.restoreReserved(1, T0);

        assertFigures(stock, 5, 2);
    }

    @Test
    void returned_goods_go_back_on_hand_and_become_available() {
        StoreStock stock = stock(4, 1);

        stock.restock(2, T0);

        assertFigures(stock, 6, 1);
    }

    @Test
    void a_shelf_count_may_not_drop_below_what_buyers_reserved() {
        StoreStock stock = stock(10, 4);

        stock.setOnHand(4, T0);
        assertFigures(stock, 4, 4);
        assertRefused(Reason.STOCK_BELOW_RESERVED, () -> stock.setOnHand(3, T0));
        assertRefused(Reason.INVALID_VALUE, () -> stock.setOnHand(-1, T0));
        assertFigures(stock, 4, 4);
    }

    @Test
    void an_adjustment_needs_a_reason_and_may_not_drop_below_what_buyers_reserved() {
        StoreStock stock = stock(10, 4);

        stock.adjust(-6, "broken bottles", T0);
        assertFigures(stock, 4, 4);
        assertRefused(Reason.STOCK_BELOW_RESERVED, () -> stock.adjust(-1, "theft", T0));
        assertRefused(Reason.INVALID_VALUE, () -> stock.adjust(-5, "theft", T0));
        assertRefused(Reason.INVALID_VALUE, () -> stock.adjust(3, " ", T0));
        assertRefused(Reason.INVALID_VALUE, () -> stock.adjust(Integer.MAX_VALUE, "delivery", T0));
        assertFigures(stock, 4, 4);
    }

    @Test
    void quantities_must_be_positive() {
        StoreStock stock = stock(10, 4);

        assertRefused(Reason.INVALID_VALUE, () -> stock.reserve(0, T0));
        assertRefused(Reason.INVALID_VALUE, () -> stock.release(-1, T0));
        assertRefused(Reason.INVALID_VALUE, () -> stock.consumeReserved(0, T0));
        assertRefused(Reason.INVALID_VALUE, () -> stock.consumeOnHand(0, T0));
        assertRefused(Reason.INVALID_VALUE, () -> stock.restoreReserved(0, T0));
        assertRefused(Reason.INVALID_VALUE, () -> stock.restock(0, T0));
        assertRefused(Reason.INVALID_VALUE, () -> new StockMovement(Kind.RESERVE, STORE_A, TEA, 0));
        assertFigures(stock, 10, 4);
    }

    @Test
    void stored_stock_that_breaks_the_invariant_cannot_be_rebuilt() {
        assertRefused(Reason.INVALID_VALUE, () -> stock(2, 3));
        assertRefused(Reason.INVALID_VALUE, () -> stock(-1, 0));
        assertRefused(Reason.INVALID_VALUE, () -> stock(1, -1));
    }

    @Test
    void each_movement_an_order_asks_for_does_what_its_kind_says() {
        StoreStock stock = stock(10, 2);

        stock.apply(new StockMovement(Kind.RESERVE, STORE_A, TEA, 3), T0);
        assertFigures(stock, 10, 5);
        stock.apply(new StockMovement(Kind.RELEASE, STORE_A, TEA, 1), T0);
        assertFigures(stock, 10, 4);
        stock.apply(new StockMovement(Kind.CONSUME, STORE_A, TEA, 2), T0);
        assertFigures(stock, 8, 2);
        stock.apply(new StockMovement(Kind.RESTORE, STORE_A, TEA, 1), T0);
        assertFigures(stock, 9, 3);
    }
}
