package dev.tihuo.domain.order;

import static dev.tihuo.domain.order.OrderFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StockMovement;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.StoreId;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of order commands, applied together with the stock movements their events imply to the stores'
 * {@link StoreStock}s, as the application does in one unit of work. After every step: available stock is never
 * negative and equals on hand - reserved; each stock's reserved equals what the live orders hold there; no order
 * refunds more than was paid; no code is redeemed twice; nothing leaves a final state; a refused command changes nothing.
 */
class OrderWorldPropertyTest {
    private static final List<StoreId> STORES = List.of(STORE_A, STORE_B);
    private static final List<PoiId> POIS = List.of(POI_A, POI_B);
    private static final List<SkuOutId> SKUS = List.of(TEA, COFFEE);

    enum Op {
        PLACE, PAY, CANCEL, START_ISSUING, ISSUE, FAIL_ISSUE, LAPSE, SUPPLY_LATE_CODES, REDEEM, CANCEL_REDEMPTION,
        PUT_UP_FOR_REFUND, REJECT_REFUND, REFUND, REQUEST_RETURN, REJECT_RETURN, EXPIRE, CHANGE_STORE, DELIVERY
    }

    /** {@code minutes} drives the clock (see {@link World#run}) and varies the amounts and the counter's store. */
    record Step(Op op, int a, int b, int minutes) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        // weighted so that orders live long enough to be issued, picked up, moved, returned and refunded
        Arbitrary<Op> ops = Arbitraries.frequency(
                Tuple.of(3, Op.PLACE), Tuple.of(2, Op.PAY), Tuple.of(1, Op.CANCEL), Tuple.of(3, Op.START_ISSUING),
                Tuple.of(5, Op.ISSUE), Tuple.of(1, Op.FAIL_ISSUE), Tuple.of(2, Op.LAPSE), Tuple.of(2, Op.SUPPLY_LATE_CODES),
                Tuple.of(6, Op.REDEEM), Tuple.of(4, Op.CANCEL_REDEMPTION), Tuple.of(2, Op.PUT_UP_FOR_REFUND),
                Tuple.of(2, Op.REJECT_REFUND), Tuple.of(2, Op.REFUND), Tuple.of(2, Op.REQUEST_RETURN),
                Tuple.of(1, Op.REJECT_RETURN), Tuple.of(1, Op.EXPIRE), Tuple.of(3, Op.CHANGE_STORE), Tuple.of(2, Op.DELIVERY));
        return Combinators.combine(ops, Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 20)).as(Step::new).list().ofMinSize(20).ofMaxSize(60);
    }

    @Property(tries = 300)
    void stock_orders_and_codes_keep_their_invariants_under_any_sequence_of_commands(
            @ForAll("steps") List<Step> steps, @ForAll @Size(4) List<@IntRange(min = 1, max = 8) Integer> initialOnHand,
            @ForAll long seed) {
        new World(initialOnHand, seed).run(steps);
    }

    private static final class World {
        final Map<StockKey, StoreStock> stocks = new LinkedHashMap<>();
        final List<Order> orders = new ArrayList<>();
        final Set<PickupCode> pickedUp = new HashSet<>();
        final Map<Integer, OrderState> finalStates = new HashMap<>();
        final Random random;
        Instant now = T0;
        int placed;

        World(List<Integer> initialOnHand, long seed) {
            int i = 0;
            for (StoreId store : STORES) {
                for (SkuOutId sku : SKUS) {
                    StockKey key = new StockKey(MERCHANT, store, sku);
                    stocks.put(key, StoreStock.reconstitute(key, initialOnHand.get(i++), 0, 0));
                }
            }
            random = new Random(seed);
        }

        void run(List<Step> steps) {
            for (Step step : steps) {
                // most steps follow each other within a minute; a few jump past the issue window or the cancel hour
                now = step.minutes() >= 16 ? now.plus(Duration.ofMinutes(10L * (step.minutes() - 15))) : now.plusSeconds(step.minutes() * 4L);
                apply(step);
                checkInvariants(step);
            }
        }

        void apply(Step step) {
            if (step.op() == Op.PLACE) {
                place(step);
                return;
            }
            if (step.op() == Op.DELIVERY) {
                StoreStock stock = new ArrayList<>(stocks.values()).get(step.a() % stocks.size());
                stock.adjust(step.b() + 1, "delivery", now);
                return;
            }
            if (orders.isEmpty()) {
                return;
            }
            // most commands go to the newest order, so orders get deep into their lives
            int index = step.a() < 5 ? orders.size() - 1 : step.a() % orders.size();
            Order order = orders.get(index);
            Order.Snapshot before = order.snapshot();
            OrderState stateBefore = order.state();
            List<Integer> units = units(order, step.b());
            Voucher unit = order.vouchers().get(step.b() % order.vouchers().size());
            OrderEvent event;
            try {
                event = switch (step.op()) {
                    case PAY -> order.pay(now);
                    case CANCEL -> order.cancel("cancel notice", now);
                    case START_ISSUING -> order.startIssuing(now);
                    case ISSUE -> order.issue(codes(order), now.plus(Duration.ofHours(3)), now);
                    case FAIL_ISSUE -> order.failIssue(now);
                    case LAPSE -> order.lapseIssueWindow(now).orElse(null);
                    case SUPPLY_LATE_CODES -> order.supplyLateCodes(codes(order), now.plus(Duration.ofHours(3)), now);
                    case REDEEM -> redeem(order, unit, step);
                    case CANCEL_REDEMPTION -> unit.code().isEmpty() ? null : cancelRedemption(order, unit);
                    case PUT_UP_FOR_REFUND -> none(() -> order.putUpForRefund(units));
                    case REJECT_REFUND -> none(() -> order.keepAfterRefundRejected(units, now));
                    case REFUND -> order.refund(amounts(order, units, step.minutes()), now);
                    case REQUEST_RETURN -> none(() -> order.requestReturn(units));
                    case REJECT_RETURN -> none(() -> order.keepAfterReturnRejected(units));
                    case EXPIRE -> none(() -> { order.expireVouchers(now); });
                    case CHANGE_STORE -> order.moveTo(STORES.get(step.b() % 2), POIS.get(step.b() % 2), now);
                    default -> throw new IllegalStateException(step.toString());
                };
            } catch (DomainException refused) {
                assertThat(order.snapshot()).as("%s was refused (%s) and must change nothing", step, refused.reason())
                        .isEqualTo(before);
                return;
            }
            if (event == null) {
                return;
            }
            Reason stockRefusal = move(event.movements());
            if (stockRefusal != null) {
                // D12/D13: only a reservation may find too little stock; the unit of work then rolls back the order
                assertThat(stockRefusal).as("%s asked the stock for something impossible", step).isEqualTo(Reason.INSUFFICIENT_STOCK);
                // late codes re-reserve (D7), a store change reserves at the new store (D13), and so does a cancelled
                // redemption after a store change; everything else only releases, consumes or restores
                assertThat(step.op()).isIn(Op.SUPPLY_LATE_CODES, Op.CHANGE_STORE, Op.CANCEL_REDEMPTION);
                Order rolledBack = Order.reconstitute(before);
                orders.set(index, rolledBack);
                if (step.op() == Op.CHANGE_STORE) {
                    rolledBack.flagStoreChange(POIS.get(step.b() % 2), "no stock", now);
                }
                rollbackCodes(event);
                return;
            }
            if (stateBefore.isFinal()) {
                assertThat(order.state()).as("%s left final state %s", step, stateBefore).isEqualTo(stateBefore);
            }
        }

        private void rollbackCodes(OrderEvent event) {
            if (event instanceof OrderEvent.VoucherRedeemed r) {
                pickedUp.remove(r.code());
            } else if (event instanceof OrderEvent.RedemptionCancelled c) {
                pickedUp.add(c.code());
            }
        }

        private OrderEvent redeem(Order order, Voucher unit, Step step) {
            if (unit.code().isEmpty()) {
                return null;
            }
            PickupCode code = unit.code().get();
            StoreId at = step.minutes() % 5 == 0 ? STORES.get((STORES.indexOf(order.store()) + 1) % 2) : order.store();
            boolean alreadyPickedUp = pickedUp.contains(code);
            OrderEvent.VoucherRedeemed redeemed = order.redeem(code, at, "token-" + now, now);
            assertThat(alreadyPickedUp).as("code %s was redeemed a second time", code).isFalse();
            pickedUp.add(code);
            return redeemed;
        }

        private OrderEvent cancelRedemption(Order order, Voucher unit) {
            OrderEvent.RedemptionCancelled cancelled = order.cancelRedemption(unit.code().get(), now);
            pickedUp.remove(unit.code().get());
            return cancelled;
        }

        private void place(Step step) {
            StoreId store = STORES.get(step.a() % 2);
            int teas = step.b() % 3;
            int coffees = (step.a() / 2) % 3;
            List<OrderLine> lines = new ArrayList<>();
            if (teas > 0 || coffees == 0) {
                lines.add(line(TEA, Math.max(teas, 1), 1000));
            }
            if (coffees > 0) {
                lines.add(line(COFFEE, coffees, 2500));
            }
            long origin = lines.stream().mapToLong(l -> l.count() * l.unitAmount().fen()).sum();
            Order.Placement placement = OrderFixture.place("o-" + (++placed), store, lines, origin * step.minutes() / 20);
            Reason refused = move(placement.event().movements());
            if (refused == null) {
                orders.add(placement.order());
            } else {
                assertThat(refused).isEqualTo(Reason.INSUFFICIENT_STOCK); // S1 refused: Douyin never sells what the store lacks
            }
        }

        /** Applies all movements or none (the unit of work), answering why the stock refused. */
        private Reason move(List<StockMovement> movements) {
            Map<StockKey, int[]> before = new HashMap<>();
            stocks.forEach((k, s) -> before.put(k, new int[] {s.onHand(), s.reserved()}));
            try {
                for (StockMovement m : movements) {
                    stocks.get(new StockKey(MERCHANT, m.store(), m.sku())).apply(m, now);
                }
                return null;
            } catch (DomainException e) {
                before.forEach((k, f) -> stocks.put(k, StoreStock.reconstitute(k, f[0], f[1], 0)));
                return e.reason();
            }
        }

        private List<PickupCode> codes(Order order) {
            List<PickupCode> codes = new ArrayList<>();
            for (int i = 0; i < order.vouchers().size(); i++) {
                codes.add(PickupCode.generate(random));
            }
            return codes;
        }

        private static List<Integer> units(Order order, int bits) {
            Set<Integer> numbers = new LinkedHashSet<>();
            int size = order.vouchers().size();
            for (int bit = 0; bit < 3; bit++) {
                if ((bits & (1 << bit)) != 0) {
                    numbers.add(bit % size + 1);
                }
            }
            if (numbers.isEmpty()) {
                numbers.add(size);
            }
            return List.copyOf(numbers);
        }

        private static Map<Integer, Money> amounts(Order order, List<Integer> units, int minutes) {
            Map<Integer, Money> amounts = new LinkedHashMap<>();
            for (int n : units) {
                Money paid = order.voucher(n).paid();
                amounts.put(n, minutes == 20 ? paid.plus(Money.fen(1)) : Money.fen(paid.fen() * (minutes % 4) / 3));
            }
            return amounts;
        }

        private static OrderEvent none(Runnable command) {
            command.run();
            return null;
        }

        void checkInvariants(Step step) {
            for (StoreStock stock : stocks.values()) {
                assertThat(stock.available()).as("available at %s after %s", stock.key(), step).isNotNegative()
                        .isEqualTo(stock.onHand() - stock.reserved());
                int held = orders.stream().filter(o -> o.store().equals(stock.key().store()))
                        .mapToInt(o -> o.reservedUnits().getOrDefault(stock.key().sku(), 0)).sum();
                assertThat(stock.reserved()).as("reserved at %s after %s equals what the orders hold", stock.key(), step)
                        .isEqualTo(held);
            }
            for (int i = 0; i < orders.size(); i++) {
                Order order = orders.get(i);
                assertThat(order.refundedAmount()).as("refunded of %s", order.id()).isLessThanOrEqualTo(order.amount().pay());
                for (Voucher v : order.vouchers()) {
                    assertThat(v.refunded()).isLessThanOrEqualTo(v.paid());
                }
                OrderState wasFinal = finalStates.get(i);
                if (wasFinal != null) {
                    assertThat(order.state()).as("order %s left final state %s after %s", order.id(), wasFinal, step).isEqualTo(wasFinal);
                } else if (order.state().isFinal()) {
                    finalStates.put(i, order.state());
                }
                long redeemedNow = order.vouchers().stream()
                        .filter(v -> v.state() == VoucherState.REDEEMED || v.state() == VoucherState.RETURN_REQUESTED).count();
                long inPickedUp = order.vouchers().stream().filter(v -> v.code().map(pickedUp::contains).orElse(false))
                        .filter(v -> v.state() != VoucherState.REFUNDED).count();
                assertThat(redeemedNow).isEqualTo(inPickedUp);
            }
        }
    }
}
