package dev.tihuo.domain.stock;

import static dev.tihuo.domain.order.OrderFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Random sequences of stock commands against a plain model: available never negative, always on hand - reserved. */
class StoreStockPropertyTest {
    private static final StockKey KEY = new StockKey(MERCHANT, STORE_A, TEA);

    enum Op { RESERVE, RELEASE, CONSUME_RESERVED, CONSUME_ON_HAND, RESTORE, RESTOCK, SET_ON_HAND, ADJUST }

    record Step(Op op, int quantity) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(-3, 8)).as(Step::new)
                .list().ofMaxSize(60);
    }

    @Property(tries = 500)
    void available_stock_is_never_negative_and_always_on_hand_minus_reserved(
            @ForAll @IntRange(min = 0, max = 10) int initialOnHand, @ForAll("steps") List<Step> steps) {
        StoreStock stock = StoreStock.reconstitute(KEY, initialOnHand, 0, 0);
        int onHand = initialOnHand;
        int reserved = 0;
        Instant at = T0;
        for (Step step : steps) {
            int q = step.quantity();
            // the model: what the command should do, or why it should be refused
            Reason expected = null;
            int nextOnHand = onHand;
            int nextReserved = reserved;
            boolean positive = q > 0;
            switch (step.op()) {
                case RESERVE -> {
                    expected = !positive ? Reason.INVALID_VALUE : q > onHand - reserved ? Reason.INSUFFICIENT_STOCK : null;
                    nextReserved += q;
                }
                case RELEASE -> {
                    expected = !positive ? Reason.INVALID_VALUE : q > reserved ? Reason.ILLEGAL_TRANSITION : null;
                    nextReserved -= q;
                }
                case CONSUME_RESERVED -> {
                    expected = !positive ? Reason.INVALID_VALUE : q > reserved ? Reason.ILLEGAL_TRANSITION : null;
                    nextReserved -= q;
                    nextOnHand -= q;
                }
                case CONSUME_ON_HAND -> {
                    expected = !positive ? Reason.INVALID_VALUE : q > onHand - reserved ? Reason.INSUFFICIENT_STOCK : null;
                    nextOnHand -= q;
                }
                case RESTORE -> {
                    expected = !positive ? Reason.INVALID_VALUE : null;
                    nextOnHand += q;
                    nextReserved += q;
                }
                case RESTOCK -> {
                    expected = !positive ? Reason.INVALID_VALUE : null;
                    nextOnHand += q;
                }
                case SET_ON_HAND -> {
                    expected = q < 0 ? Reason.INVALID_VALUE : q < reserved ? Reason.STOCK_BELOW_RESERVED : null;
                    nextOnHand = q;
                }
                case ADJUST -> {
                    int target = onHand + q;
                    expected = target < 0 ? Reason.INVALID_VALUE : target < reserved ? Reason.STOCK_BELOW_RESERVED : null;
                    nextOnHand = target;
                }
            }
            Reason actual = run(stock, step, at);
            assertThat(actual).as("%s from %d/%d", step, reserved, onHand).isEqualTo(expected);
            if (actual == null) {
                onHand = nextOnHand;
                reserved = nextReserved;
            }
            assertThat(stock.onHand()).isEqualTo(onHand);
            assertThat(stock.reserved()).isEqualTo(reserved);
            assertThat(stock.available()).isNotNegative().isEqualTo(stock.onHand() - stock.reserved());
            at = at.plusSeconds(1);
        }
    }

    private static Reason run(StoreStock stock, Step step, Instant at) {
        try {
            StockChanged changed = switch (step.op()) {
                case RESERVE -> stock.reserve(step.quantity(), at);
                case RELEASE -> stock.release(step.quantity(), at);
                case CONSUME_RESERVED -> stock.consumeReserved(step.quantity(), at);
                case CONSUME_ON_HAND -> stock.consumeOnHand(step.quantity(), at);
                case RESTORE -> stock.restoreReserved(step.quantity(), at);
                case RESTOCK -> stock.restock(step.quantity(), at);
                case SET_ON_HAND -> stock.setOnHand(step.quantity(), at);
                case ADJUST -> stock.adjust(step.quantity(), "count", at);
            };
            assertThat(changed.available()).isEqualTo(changed.onHand() - changed.reserved()).isNotNegative();
            assertThat(changed.onHand()).isEqualTo(stock.onHand());
            assertThat(changed.reserved()).isEqualTo(stock.reserved());
            return null;
        } catch (DomainException e) {
            return e.reason();
        }
    }
}
