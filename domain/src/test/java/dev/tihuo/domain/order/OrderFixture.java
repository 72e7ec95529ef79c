package dev.tihuo.domain.order;

import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.StoreId;
import dev.tihuo.domain.voucher.PickupCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/** Orders, stores, SKUs and codes the tests share; every instant is explicit. */
public final class OrderFixture {
    public static final MerchantId MERCHANT = new MerchantId("acct-1");
    public static final StoreId STORE_A = new StoreId("store-a");
    public static final PoiId POI_A = new PoiId("poi-a");
    public static final StoreId STORE_B = new StoreId("store-b");
    public static final PoiId POI_B = new PoiId("poi-b");
    public static final SkuOutId TEA = new SkuOutId("tea-500ml");
    public static final SkuOutId COFFEE = new SkuOutId("coffee-beans-250g");
    public static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    public static final Instant VALID_UNTIL = T0.plus(Duration.ofDays(30));
    public static final String TOKEN = "verify-token-1";

    private static final Random CODES = new Random(20250601);

    private OrderFixture() {}

    public static OrderLine line(SkuOutId sku, int count, long unitFen) {
        return new OrderLine(new DouyinProductId("p-" + sku), new DouyinSkuId("d-" + sku), sku, count, Money.fen(unitFen));
    }

    public static Order.Placement place(String id, StoreId store, List<OrderLine> lines, long payFen) {
        long origin = lines.stream().mapToLong(l -> l.unitAmount().fen() * l.count()).sum();
        origin = Math.max(origin, payFen);
        return Order.place(MERCHANT, new DouyinOrderId(id), new OrderOutId("out-" + id), store,
                store.equals(STORE_B) ? POI_B : POI_A, lines, new OrderAmount(Money.fen(origin), Money.fen(origin - payFen),
                        Money.fen(payFen)), T0);
    }

    /** Two teas at 10.00 each, 18.00 paid, to be picked up at store A. */
    public static Order twoTeas() {
        return place("o-1", STORE_A, List.of(line(TEA, 2, 1000)), 1800).order();
    }

    public static PickupCode freshCode() {
        return PickupCode.generate(CODES);
    }

    public static List<PickupCode> codesFor(Order order) {
        List<PickupCode> codes = new ArrayList<>();
        for (int i = 0; i < order.vouchers().size(); i++) {
            codes.add(freshCode());
        }
        return codes;
    }

    public static Order issued() {
        Order order = twoTeas();
        order.issue(codesFor(order), VALID_UNTIL, T0.plusSeconds(1));
        return order;
    }

    public static PickupCode codeOf(Order order, int number) {
        return order.voucher(number).code().orElseThrow();
    }

    public static Map<Integer, Money> fullRefund(Order order, Integer... numbers) {
        return List.of(numbers).stream().collect(Collectors.toMap(n -> n, n -> order.voucher(n).paid()));
    }

    /** A two-tea order driven through the real commands into {@code state}; ISSUE_FAILED means tihuo refused. */
    public static Order orderIn(OrderState state) {
        Order order = twoTeas();
        Instant t = T0.plusSeconds(1);
        switch (state) {
            case CREATED -> { }
            case PAID -> order.pay(t);
            case CANCELLED -> order.cancel("buyer cancelled", t);
            case ISSUING -> order.startIssuing(t);
            case ISSUE_FAILED -> order.failIssue(t);
            case ISSUED -> order.issue(codesFor(order), VALID_UNTIL, t);
            case PARTIALLY_REDEEMED -> {
                order.issue(codesFor(order), VALID_UNTIL, t);
                order.redeem(codeOf(order, 1), STORE_A, TOKEN, t.plusSeconds(60));
            }
            case REDEEMED -> {
                order.issue(codesFor(order), VALID_UNTIL, t);
                order.redeem(codeOf(order, 1), STORE_A, TOKEN, t.plusSeconds(60));
                order.redeem(codeOf(order, 2), STORE_A, TOKEN + "b", t.plusSeconds(60));
            }
            case PARTIALLY_REFUNDED -> {
                order.issue(codesFor(order), VALID_UNTIL, t);
                order.putUpForRefund(List.of(1));
                order.refund(fullRefund(order, 1), t.plusSeconds(60));
            }
            case REFUNDED -> {
                order.issue(codesFor(order), VALID_UNTIL, t);
                order.refund(fullRefund(order, 1, 2), t.plusSeconds(60));
            }
        }
        if (order.state() != state) {
            throw new IllegalStateException("fixture reached " + order.state() + " instead of " + state);
        }
        return order;
    }

    /** An order whose 10-minute issue window lapsed without a callback (the 补码 case). */
    public static Order lapsed() {
        Order order = twoTeas();
        order.startIssuing(T0);
        order.lapseIssueWindow(T0.plus(IssueWindow.LENGTH)).orElseThrow();
        return order;
    }
}
