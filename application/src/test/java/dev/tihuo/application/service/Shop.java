package dev.tihuo.application.service;

import dev.tihuo.application.memory.InMemoryTihuo;
import dev.tihuo.application.memory.InMemoryTihuo.SkuSpec;
import dev.tihuo.application.port.in.spi.ApplyRefund;
import dev.tihuo.application.port.in.spi.AuditAnswer;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.in.spi.NotifyRefund;
import dev.tihuo.application.port.in.spi.RefundLine;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.domain.aftersale.AfterSale;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleKind;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderAmount;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.store.PoiId;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A merchant with two stores and two published products on the in-memory application, and the SPI requests Douyin
 * would send. Product P-A (SKUs A and B) issues codes at once; P-C (SKU C) issues them through the callback (O1).
 * Every SKU costs 3990 fen; store A has 10 of each, store B has 10 of SKU A only.
 */
final class Shop {
    static final MerchantId MERCHANT = new MerchantId("7000000000000000001");
    static final String STORE_A = "S-A";
    static final String POI_A = "6600000000000000001";
    static final String STORE_B = "S-B";
    static final String POI_B = "6600000000000000002";
    static final String UNKNOWN_POI = "6600000000000000999";
    static final String SKU_A = "SKU-A-500ML";
    static final String SKU_B = "SKU-B-1L";
    static final String SKU_C = "SKU-C";
    static final String DOUYIN_SKU_A = "1800000000000001";
    static final String DOUYIN_SKU_B = "1800000000000002";
    static final String DOUYIN_SKU_C = "1800000000000101";
    static final String UNKNOWN_DOUYIN_SKU = "1800000000009999";
    static final long PRICE = 3990;
    private static final Map<String, String> PRODUCT_OF = Map.of(DOUYIN_SKU_A, "1800000000000000",
            DOUYIN_SKU_B, "1800000000000000", DOUYIN_SKU_C, "1800000000000100", UNKNOWN_DOUYIN_SKU, "1800000000000000");

    final InMemoryTihuo app = new InMemoryTihuo();

    Shop() {
        app.openStore(MERCHANT, STORE_A, POI_A);
        app.openStore(MERCHANT, STORE_B, POI_B);
        app.publishProduct(MERCHANT, "P-A", "1800000000000000", CodeIssuing.AT_ONCE,
                new SkuSpec(SKU_A, DOUYIN_SKU_A, PRICE), new SkuSpec(SKU_B, DOUYIN_SKU_B, PRICE));
        app.publishProduct(MERCHANT, "P-C", "1800000000000100", CodeIssuing.BY_CALLBACK, new SkuSpec(SKU_C, DOUYIN_SKU_C, PRICE));
        app.putOnShelf(MERCHANT, STORE_A, SKU_A, 10);
        app.putOnShelf(MERCHANT, STORE_A, SKU_B, 10);
        app.putOnShelf(MERCHANT, STORE_A, SKU_C, 10);
        app.putOnShelf(MERCHANT, STORE_B, SKU_A, 10);
    }

    // ---- what Douyin sends ------------------------------------------------------------------------------------------

    static CreateOrder.Item item(String douyinSku, int count) {
        return new CreateOrder.Item(new DouyinProductId(PRODUCT_OF.get(douyinSku)), new DouyinSkuId(douyinSku), null, count,
                Money.fen(PRICE));
    }

    static CreateOrder.Command createOrder(String orderId, String poi, CreateOrder.Item... items) {
        long total = Arrays.stream(items).mapToLong(i -> i.unitAmount().fen() * i.count()).sum();
        return new CreateOrder.Command(MERCHANT, new DouyinOrderId(orderId), new PoiId(poi), List.of(items),
                new OrderAmount(Money.fen(total), Money.ZERO, Money.fen(total)));
    }

    static IssueCodes.Command issueRequest(String orderId, IssueCodes.Certificate... certificates) {
        return new IssueCodes.Command(new DouyinOrderId(orderId), null, List.of(certificates));
    }

    static ApplyRefund.Application refundRequest(String orderId, String afterSale, RefundLine... lines) {
        Money total = Arrays.stream(lines).map(RefundLine::amount).reduce(Money.ZERO, Money::plus);
        return new ApplyRefund.Application(new DouyinOrderId(orderId), null, new AfterSaleId(afterSale), total,
                List.of(lines), "用户申请退款");
    }

    static NotifyRefund.Notice refundNotice(String orderId, String afterSale, AfterSaleKind kind, RefundLine... lines) {
        Money total = Arrays.stream(lines).map(RefundLine::amount).reduce(Money.ZERO, Money::plus);
        return new NotifyRefund.Notice(new DouyinOrderId(orderId), null, new AfterSaleId(afterSale), total, List.of(lines), 0,
                kind, "用户申请退款");
    }

    /** A refund line naming a unit by its code (as Douyin does once it knows the code). */
    RefundLine lineFor(String orderId, int voucher) {
        String code = order(orderId).voucher(voucher).code().map(Object::toString).orElse(null);
        return new RefundLine(null, Money.fen(PRICE), null, code);
    }

    // ---- doing things ------------------------------------------------------------------------------------------------

    String create(String orderId, String douyinSku, int count) {
        return app.orderService().create(createOrder(orderId, POI_A, item(douyinSku, count))).orderOutId();
    }

    IssueCodes.Answer createAndIssue(String orderId, String douyinSku, int count, IssueCodes.Certificate... certificates) {
        create(orderId, douyinSku, count);
        return app.issuingService().issue(issueRequest(orderId, certificates));
    }

    AuditAnswer applyRefund(String orderId, String afterSale, RefundLine... lines) {
        return app.afterSaleService().apply(refundRequest(orderId, afterSale, lines));
    }

    /** A clerk hands out the goods of these units at the order's store (the counter use case, done by hand). */
    void pickUp(String orderId, int... vouchers) {
        app.unitOfWork().run(() -> {
            Order order = order(orderId);
            for (int n : vouchers) {
                var redeemed = order.redeem(order.voucher(n).code().orElseThrow(), order.store(), "token-" + n,
                        app.clock().instant());
                app.ports().stockKeeper().apply(MERCHANT, redeemed.movements(), app.clock().instant());
            }
            app.orders().save(order);
        });
    }

    void later(Duration duration) {
        app.clock().advance(duration);
    }

    // ---- looking ----------------------------------------------------------------------------------------------------

    Order order(String orderId) {
        return app.order(orderId);
    }

    AfterSale afterSale(String id) {
        return app.afterSales().find(new AfterSaleId(id)).orElseThrow();
    }

    int available(String store, String sku) {
        return app.available(MERCHANT, store, sku);
    }

    int reserved(String store, String sku) {
        return app.stockOf(MERCHANT, store, sku).reserved();
    }

    <C extends DouyinCall> List<C> queued(Class<C> kind) {
        return app.outbox().all().stream().filter(m -> m.status() == OutboxMessage.Status.PENDING)
                .map(OutboxMessage::call).filter(kind::isInstance).map(kind::cast).toList();
    }

    List<OutboxMessage> queuedMessages(Class<? extends DouyinCall> kind) {
        return app.outbox().all().stream().filter(m -> kind.isInstance(m.call())).toList();
    }
}
