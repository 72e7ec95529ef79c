package dev.tihuo.application.service;

import dev.tihuo.application.port.in.merchant.Catalog;
import dev.tihuo.application.port.in.merchant.Stock;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.Products;
import dev.tihuo.application.port.out.StoreStocks;
import dev.tihuo.application.port.out.Stores;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.store.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores, products and stock of a merchant, as its operators manage them (D12 pushes every stock change). */
public final class CatalogService implements Catalog, Stock {
    private final Stores stores;
    private final Products products;
    private final StoreStocks stocks;
    private final Outbox outbox;
    private final StockKeeper stock;
    private final UnitOfWork unitOfWork;
    private final Idempotency idempotency;
    private final Clock clock;

    public CatalogService(Ports ports) {
        this.stores = ports.stores();
        this.products = ports.products();
        this.stocks = ports.stocks();
        this.outbox = ports.outbox();
        this.stock = ports.stockKeeper();
        this.unitOfWork = ports.unitOfWork();
        this.idempotency = ports.idempotency();
        this.clock = ports.clock();
    }

    @Override
    public StoreView saveStore(MerchantId merchant, StoreDraft draft) {
        return write(() -> {
            StoreId id = new StoreId(draft.storeId());
            PoiId poi = new PoiId(draft.poiId());
            stores.findByPoi(merchant, poi).filter(s -> !s.id().equals(id)).ifPresent(s -> {
                throw new DomainException(Reason.ALREADY_EXISTS, "POI " + poi + " is already linked to store " + s.id());
            });
            Store store = stores.find(merchant, id).orElse(null);
            if (store == null) {
                store = Store.open(merchant, id, poi, draft.name());
            } else {
                store.update(poi, draft.name());
            }
            stores.save(store);
            return view(store);
        });
    }

    @Override
    public List<StoreView> stores(MerchantId merchant) {
        return stores.list(merchant).stream().map(CatalogService::view).toList();
    }

    @Override
    public ProductView saveProduct(MerchantId merchant, ProductDraft draft) {
        return write(() -> {
            ProductOutId id = new ProductOutId(draft.productOutId());
            List<Sku> skus = draft.skus().stream().map(CatalogService::sku).toList();
            for (Sku sku : skus) {
                products.findBySku(merchant, sku.outId()).filter(p -> !p.outId().equals(id)).ifPresent(p -> {
                    throw new DomainException(Reason.ALREADY_EXISTS, "SKU " + sku.outId() + " belongs to product " + p.outId());
                });
            }
            CodeIssuing issuing = draft.codeIssuing() == null ? CodeIssuing.AT_ONCE : draft.codeIssuing();
            Product product = products.find(merchant, id).orElse(null);
            if (product == null) {
                product = Product.draft(merchant, id, draft.name(), issuing, draft.validityDays(), skus);
            } else {
                product.describe(draft.name(), issuing, draft.validityDays());
                skus.forEach(product::putSku);
            }
            products.save(product);
            return view(product);
        });
    }

    @Override
    public List<ProductView> products(MerchantId merchant) {
        return products.list(merchant).stream().map(CatalogService::view).toList();
    }

    @Override
    public ProductView product(MerchantId merchant, String productOutId) {
        return view(own(merchant, productOutId));
    }

    @Override
    public ProductView publish(MerchantId merchant, String productOutId) {
        return write(() -> {
            Product product = own(merchant, productOutId);
            product.requestPublication();
            products.save(product);
            List<String> pois = stores.list(merchant).stream().map(s -> s.poiId().value()).toList();
            List<DouyinCall.SkuSave> skus = product.skus().stream().map(s -> new DouyinCall.SkuSave(s.outId().value(),
                    s.douyinSkuId().map(DouyinSkuId::value).orElse(null), s.name(), s.price().fen(),
                    totalAvailable(merchant, s.outId()))).toList();
            Instant now = clock.instant();
            outbox.append(OutboxMessage.of(merchant.value(), new DouyinCall.ProductSave(merchant.value(), productOutId,
                    product.douyinId().map(DouyinProductId::value).orElse(null), product.name(), product.validityDays(),
                    skus, pois), "product:" + merchant + ":" + productOutId, "product:" + merchant + ":" + productOutId, now, null));
            return view(product);
        });
    }

    @Override
    public ProductView linkToDouyin(MerchantId merchant, String productOutId, String douyinProductId, Map<String, String> skuIds) {
        return write(() -> {
            Product product = own(merchant, productOutId);
            Map<SkuOutId, DouyinSkuId> links = new LinkedHashMap<>();
            skuIds.forEach((out, douyin) -> links.put(new SkuOutId(out), new DouyinSkuId(douyin)));
            product.linkToDouyin(new DouyinProductId(douyinProductId), links);
            products.save(product);
            Instant now = clock.instant();
            stock.pushAll(product, clock.instant());
            return view(product);
        });
    }

    @Override
    public StockView setOnHand(MerchantId merchant, String storeId, String skuOutId, int onHand) {
        return write(() -> {
            StockKey key = key(merchant, storeId, skuOutId);
            Instant now = clock.instant();
            var changed = stock.change(key, s -> s.setOnHand(onHand, now), now);
            return new StockView(storeId, skuOutId, changed.onHand(), changed.reserved(), changed.available());
        });
    }

    @Override
    public StockView adjust(MerchantId merchant, String storeId, String skuOutId, int delta, String reason) {
        return write(() -> {
            StockKey key = key(merchant, storeId, skuOutId);
            Instant now = clock.instant();
            var changed = stock.change(key, s -> s.adjust(delta, reason, now), now);
            return new StockView(storeId, skuOutId, changed.onHand(), changed.reserved(), changed.available());
        });
    }

    @Override
    public List<StockView> view(MerchantId merchant, String storeId) {
        StoreId store = storeId == null ? null : new StoreId(storeId);
        return stocks.list(merchant, store).stream().map(s -> new StockView(s.key().store().value(), s.key().sku().value(),
                s.onHand(), s.reserved(), s.available())).toList();
    }

    private StockKey key(MerchantId merchant, String storeId, String skuOutId) {
        StoreId store = new StoreId(storeId);
        SkuOutId sku = new SkuOutId(skuOutId);
        stores.find(merchant, store).orElseThrow(() -> new DomainException(Reason.UNKNOWN_STORE, "no store " + store));
        products.findBySku(merchant, sku).orElseThrow(() -> new DomainException(Reason.UNKNOWN_SKU, "no SKU " + sku));
        return new StockKey(merchant, store, sku);
    }

    private int totalAvailable(MerchantId merchant, SkuOutId sku) {
        return stocks.list(merchant, null).stream().filter(s -> s.key().sku().equals(sku)).mapToInt(StoreStock::available).sum();
    }

    private Product own(MerchantId merchant, String productOutId) {
        ProductOutId id = new ProductOutId(productOutId);
        return products.find(merchant, id).orElseThrow(() -> new DomainException(Reason.UNKNOWN_SKU, "no product " + id));
    }

    private <T> T write(java.util.function.Supplier<T> work) {
        return idempotency.retryingConflicts(() -> unitOfWork.inTransaction(work));
    }

    private static Sku sku(SkuDraft d) {
        return new Sku(new SkuOutId(d.skuOutId()), d.douyinSkuId() == null || d.douyinSkuId().isBlank() ? null
                : new DouyinSkuId(d.douyinSkuId()), d.name(), Money.fen(d.priceFen()));
    }

    private static StoreView view(Store s) {
        return new StoreView(s.id().value(), s.poiId().value(), s.name());
    }

    private static ProductView view(Product p) {
        return new ProductView(p.outId().value(), p.douyinId().map(DouyinProductId::value).orElse(null), p.name(),
                p.codeIssuing(), p.validityDays(), p.publication().name(),
                p.skus().stream().map(s -> new SkuView(s.outId().value(), s.douyinSkuId().map(DouyinSkuId::value).orElse(null),
                        s.name(), s.price().fen())).toList());
    }
}
