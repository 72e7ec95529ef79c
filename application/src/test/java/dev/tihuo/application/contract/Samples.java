package dev.tihuo.application.contract;

import dev.tihuo.domain.aftersale.AfterSale;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleKind;
import dev.tihuo.domain.aftersale.RefundItem;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.CertificateRef;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderAmount;
import dev.tihuo.domain.order.OrderLine;
import dev.tihuo.domain.order.OrderOutId;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.store.StoreId;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import dev.tihuo.domain.voucher.PickupCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Aggregates for the contract kits, built through the domain's own commands. Times have millisecond precision so
 * that every database keeps them exactly.
 */
public final class Samples {
    public static final Instant T0 = Instant.parse("2025-03-01T08:00:00.123Z");
    public static final MerchantId MERCHANT = new MerchantId("7000000000000000001");
    public static final MerchantId OTHER_MERCHANT = new MerchantId("7000000000000000002");
    public static final StoreId STORE = new StoreId("S-1");
    public static final PoiId POI = new PoiId("6600000000000000001");
    public static final StoreId OTHER_STORE = new StoreId("S-2");
    public static final PoiId OTHER_POI = new PoiId("6600000000000000002");
    public static final ProductOutId PRODUCT = new ProductOutId("P-A");
    public static final DouyinProductId DOUYIN_PRODUCT = new DouyinProductId("1800000000000000");
    public static final SkuOutId SKU = new SkuOutId("SKU-A-500ML");
    public static final DouyinSkuId DOUYIN_SKU = new DouyinSkuId("1800000000000001");
    public static final SkuOutId SKU_B = new SkuOutId("SKU-B-1L");
    public static final DouyinSkuId DOUYIN_SKU_B = new DouyinSkuId("1800000000000002");

    private static final Random CODES = new Random(7);
    private static final AtomicLong OUT_IDS = new AtomicLong();

    private Samples() {}

    public static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    public static synchronized PickupCode code() {
        return PickupCode.generate(CODES);
    }

    public static Store store(MerchantId merchant, StoreId id, PoiId poi) {
        return Store.open(merchant, id, poi, "store " + id);
    }

    /** Product P-A with SKUs A and B, published: both carry Douyin ids. */
    public static Product publishedProduct(MerchantId merchant) {
        Product product = Product.draft(merchant, PRODUCT, "Mineral water", CodeIssuing.AT_ONCE, 30, List.of(
                new Sku(SKU, null, "500 ml", Money.fen(3990)),
                new Sku(SKU_B, null, "1 l", Money.fen(5990))));
        product.requestPublication();
        product.linkToDouyin(DOUYIN_PRODUCT, Map.of(SKU, DOUYIN_SKU, SKU_B, DOUYIN_SKU_B));
        return product;
    }

    /** A just-placed order: 2 × SKU A and 1 × SKU B at {@link #STORE}, created at {@code createdAt}. */
    public static Order placed(MerchantId merchant, String douyinOrderId, StoreId store, PoiId poi, Instant createdAt) {
        List<OrderLine> lines = List.of(
                new OrderLine(DOUYIN_PRODUCT, DOUYIN_SKU, SKU, 2, Money.fen(3990)),
                new OrderLine(DOUYIN_PRODUCT, DOUYIN_SKU_B, SKU_B, 1, Money.fen(5990)));
        OrderAmount amount = new OrderAmount(Money.fen(13970), Money.fen(500), Money.fen(13470));
        return Order.place(merchant, new DouyinOrderId(douyinOrderId), new OrderOutId("M" + OUT_IDS.incrementAndGet()),
                store, poi, lines, amount, createdAt).order();
    }

    public static Order placed(String douyinOrderId, Instant createdAt) {
        return placed(MERCHANT, douyinOrderId, STORE, POI, createdAt);
    }

    /**
     * An order that went through most of its life: certificates named, codes issued, unit 1 picked up and verified
     * with Douyin, unit 2 up for refund, unit 3 refunded, and a store change flagged.
     */
    public static Order eventful(String douyinOrderId) {
        Order order = placed(douyinOrderId, T0);
        order.pay(at(1));
        order.identifyCertificates(List.of(
                new CertificateRef(new CertificateId("7300000000000000001"), new OrderItemId("800000000000000000001"), SKU),
                new CertificateRef(new CertificateId("7300000000000000002"), new OrderItemId("800000000000000000002"), SKU),
                new CertificateRef(new CertificateId("7300000000000000003"), null, SKU_B)));
        order.issue(List.of(code(), code(), code()), at(30 * 86_400), at(2));
        PickupCode first = order.voucher(1).code().orElseThrow();
        order.redeem(first, STORE, "00000000-0000-0000-0000-000000000001", at(3));
        order.recordVerification(1, "00000000-0000-0000-0000-000000000001", "verify-1");
        order.putUpForRefund(List.of(2));
        order.refund(Map.of(3, Money.fen(5000)), at(4));
        order.flagStoreChange(OTHER_POI, "the new store has not enough stock", at(5));
        return order;
    }

    /** An order answered "issuing" at {@code requestedAt}; its deadline is ten minutes later. */
    public static Order issuing(String douyinOrderId, Instant requestedAt) {
        Order order = placed(douyinOrderId, requestedAt.minusSeconds(1));
        order.startIssuing(requestedAt);
        return order;
    }

    /** An order whose issue window lapsed (补码 candidate). */
    public static Order lapsed(String douyinOrderId) {
        Order order = issuing(douyinOrderId, T0);
        order.lapseIssueWindow(T0.plus(Duration.ofMinutes(10))).orElseThrow();
        return order;
    }

    public static AfterSale refundApplied(MerchantId merchant, String id, DouyinOrderId order, Instant at) {
        return AfterSale.apply(merchant, new AfterSaleId(id), AfterSaleKind.REFUND, order, List.of(
                new RefundItem(1, new OrderItemId("800000000000000000001"), new CertificateId("7300000000000000001"), Money.fen(4490)),
                new RefundItem(2, null, null, Money.fen(4490))), Money.fen(8980), "用户申请退款", at);
    }
}
