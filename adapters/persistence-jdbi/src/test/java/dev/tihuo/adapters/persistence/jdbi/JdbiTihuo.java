package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.memory.FixedPolicies;
import dev.tihuo.application.memory.RecordingDouyin;
import dev.tihuo.application.memory.SequenceCodes;
import dev.tihuo.application.memory.SequenceIdentifiers;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.service.CounterService;
import dev.tihuo.application.service.IssuingService;
import dev.tihuo.application.service.OrderService;
import dev.tihuo.application.service.OutboxService;
import dev.tihuo.application.service.Ports;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.OrderAmount;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.store.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real application services over this adapter's ports (one tihuo instance), with the application's test
 * doubles for what is not persistence: deterministic codes and ids, fixed refund policies, a recording Douyin.
 */
final class JdbiTihuo {
    static final MerchantId MERCHANT = new MerchantId("7000000000000000001");
    static final StoreId STORE = new StoreId("S-1");
    static final PoiId POI = new PoiId("6600000000000000001");
    static final ProductOutId PRODUCT = new ProductOutId("P-A");
    static final DouyinProductId DOUYIN_PRODUCT = new DouyinProductId("1800000000000000");
    static final SkuOutId SKU = new SkuOutId("SKU-A");
    static final DouyinSkuId DOUYIN_SKU = new DouyinSkuId("1800000000000001");
    static final long PRICE = 3990;

    final JdbiPersistence persistence;
    final RecordingDouyin douyin;
    final Ports ports;
    final OrderService orders;
    final IssuingService issuing;
    final CounterService counter;
    final OutboxService outbox;

    JdbiTihuo(JdbiPersistence persistence, RecordingDouyin douyin, long codeSeed) {
        this.persistence = persistence;
        this.douyin = douyin;
        this.ports = new Ports(persistence.orders(), persistence.afterSales(), persistence.stores(), persistence.products(),
                persistence.stocks(), persistence.idempotencyRecords(), persistence.outbox(), douyin,
                new SequenceCodes(codeSeed), new SequenceIdentifiers(), new FixedPolicies(), persistence.unitOfWork(),
                Clock.systemUTC());
        this.orders = new OrderService(ports);
        this.issuing = new IssuingService(ports);
        this.counter = new CounterService(ports);
        this.outbox = new OutboxService(ports);
    }

    /** A store at {@link #POI}, product P-A published with SKU-A (codes issued at once), {@code onHand} on the shelf. */
    void openShop(int onHand) {
        persistence.stores().save(Store.open(MERCHANT, STORE, POI, "store"));
        Product product = Product.draft(MERCHANT, PRODUCT, "Mineral water", CodeIssuing.AT_ONCE, 30,
                List.of(new Sku(SKU, null, "500 ml", Money.fen(PRICE))));
        product.requestPublication();
        product.linkToDouyin(DOUYIN_PRODUCT, Map.of(SKU, DOUYIN_SKU));
        persistence.products().save(product);
        StoreStock stock = StoreStock.empty(new StockKey(MERCHANT, STORE, SKU));
        stock.setOnHand(onHand, Instant.now());
        persistence.stocks().save(stock);
    }

    static CreateOrder.Command createOrder(String orderId, int count) {
        long total = PRICE * count;
        return new CreateOrder.Command(MERCHANT, new DouyinOrderId(orderId), POI,
                List.of(new CreateOrder.Item(DOUYIN_PRODUCT, DOUYIN_SKU, null, count, Money.fen(PRICE))),
                new OrderAmount(Money.fen(total), Money.ZERO, Money.fen(total)));
    }

    static IssueCodes.Command issueRequest(String orderId) {
        return new IssueCodes.Command(new DouyinOrderId(orderId), null, List.of());
    }

    StoreStock stock() {
        return persistence.stocks().find(new StockKey(MERCHANT, STORE, SKU)).orElseThrow();
    }
}
