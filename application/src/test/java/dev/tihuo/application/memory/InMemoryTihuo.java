package dev.tihuo.application.memory;

import dev.tihuo.application.service.AfterSaleService;
import dev.tihuo.application.service.IssuingService;
import dev.tihuo.application.service.OrderService;
import dev.tihuo.application.service.Ports;
import dev.tihuo.application.service.StoreChangeService;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.store.StoreId;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole application on in-memory adapters, for use-case tests and for adapters' tests that need a working
 * core: every secondary port shares one {@link MemoryDatabase}, so the unit of work rolls all of them back together.
 * Time stands still on a {@link MutableClock}; codes and ids are deterministic.
 */
public final class InMemoryTihuo {
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final InMemoryPorts adapters = new InMemoryPorts();
    private final MemoryDatabase db = adapters.database();
    private final InMemoryOrders orders = adapters.orders();
    private final InMemoryAfterSales afterSales = adapters.afterSales();
    private final InMemoryStores stores = adapters.stores();
    private final InMemoryProducts products = adapters.products();
    private final InMemoryStoreStocks stocks = adapters.stocks();
    private final InMemoryIdempotencyRecords idempotencyRecords = adapters.idempotencyRecords();
    private final InMemoryOutbox outbox = adapters.outbox();
    private final InMemoryTokenStore tokens = adapters.tokens();
    private final InMemoryUnitOfWork unitOfWork = adapters.unitOfWork();
    private final RecordingDouyin douyin = new RecordingDouyin();
    private final SequenceCodes codes;
    private final SequenceIdentifiers identifiers = new SequenceIdentifiers();
    private final FixedPolicies policies = new FixedPolicies();
    private final MutableClock clock;
    private final Ports ports;
    private final OrderService orderService;
    private final IssuingService issuingService;
    private final AfterSaleService afterSaleService;
    private final StoreChangeService storeChangeService;

    public InMemoryTihuo() {
        this(START, 42);
    }

    public InMemoryTihuo(Instant start, long codeSeed) {
        this.clock = new MutableClock(start);
        this.codes = new SequenceCodes(codeSeed);
        this.ports = new Ports(orders, afterSales, stores, products, stocks, idempotencyRecords, outbox, douyin, codes,
                identifiers, policies, unitOfWork, clock);
        this.orderService = new OrderService(ports);
        this.issuingService = new IssuingService(ports);
        this.afterSaleService = new AfterSaleService(ports);
        this.storeChangeService = new StoreChangeService(ports);
    }

    // ---- seeding ---------------------------------------------------------------------------------------------------

    public Store openStore(MerchantId merchant, String storeId, String poiId) {
        Store store = Store.open(merchant, new StoreId(storeId), new PoiId(poiId), "store " + storeId);
        stores.save(store);
        return stores.find(merchant, store.id()).orElseThrow();
    }

    /** A SKU of a published product: our out-id, Douyin's id and the price in fen. */
    public record SkuSpec(String outId, String douyinId, long priceFen) {}

    /** A product already published to Douyin: it carries Douyin's product and SKU ids, as S1 needs. */
    public Product publishProduct(MerchantId merchant, String productOutId, String douyinProductId, CodeIssuing issuing,
                                  SkuSpec... skus) {
        Product product = Product.draft(merchant, new ProductOutId(productOutId), "product " + productOutId, issuing, 30,
                Arrays.stream(skus).map(s -> new Sku(new SkuOutId(s.outId()), null, "sku " + s.outId(), Money.fen(s.priceFen())))
                        .toList());
        product.requestPublication();
        Map<SkuOutId, DouyinSkuId> links = new LinkedHashMap<>();
        for (SkuSpec s : skus) {
            links.put(new SkuOutId(s.outId()), new DouyinSkuId(s.douyinId()));
        }
        product.linkToDouyin(new DouyinProductId(douyinProductId), links);
        products.save(product);
        return products.find(merchant, product.outId()).orElseThrow();
    }

    /** Sets what is on hand of a SKU at a store, directly: seeding queues no stock push. */
    public StoreStock putOnShelf(MerchantId merchant, String storeId, String skuOutId, int onHand) {
        StockKey key = stockKey(merchant, storeId, skuOutId);
        StoreStock stock = stocks.find(key).orElseGet(() -> StoreStock.empty(key));
        stock.setOnHand(onHand, clock.instant());
        stocks.save(stock);
        return stocks.find(key).orElseThrow();
    }

    public StoreStock stockOf(MerchantId merchant, String storeId, String skuOutId) {
        StockKey key = stockKey(merchant, storeId, skuOutId);
        return stocks.find(key).orElseGet(() -> StoreStock.empty(key));
    }

    public int available(MerchantId merchant, String storeId, String skuOutId) {
        return stockOf(merchant, storeId, skuOutId).available();
    }

    public Order order(String douyinOrderId) {
        return orders.find(new DouyinOrderId(douyinOrderId)).orElseThrow(() -> new AssertionError("no order " + douyinOrderId));
    }

    private static StockKey stockKey(MerchantId merchant, String storeId, String skuOutId) {
        return new StockKey(merchant, new StoreId(storeId), new SkuOutId(skuOutId));
    }

    // ---- the application -------------------------------------------------------------------------------------------

    public Ports ports() { return ports; }
    public OrderService orderService() { return orderService; }
    public IssuingService issuingService() { return issuingService; }
    public AfterSaleService afterSaleService() { return afterSaleService; }
    public StoreChangeService storeChangeService() { return storeChangeService; }

    public MemoryDatabase database() { return db; }
    public InMemoryOrders orders() { return orders; }
    public InMemoryAfterSales afterSales() { return afterSales; }
    public InMemoryStores stores() { return stores; }
    public InMemoryProducts products() { return products; }
    public InMemoryStoreStocks stocks() { return stocks; }
    public InMemoryIdempotencyRecords idempotencyRecords() { return idempotencyRecords; }
    public InMemoryOutbox outbox() { return outbox; }
    public InMemoryTokenStore tokens() { return tokens; }
    public InMemoryUnitOfWork unitOfWork() { return unitOfWork; }
    public RecordingDouyin douyin() { return douyin; }
    public SequenceCodes codes() { return codes; }
    public SequenceIdentifiers identifiers() { return identifiers; }
    public FixedPolicies policies() { return policies; }
    public MutableClock clock() { return clock; }
}
