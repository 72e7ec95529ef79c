package dev.tihuo.adapters.http.merchant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tihuo.adapters.http.counter.CounterPage;
import dev.tihuo.adapters.http.merchant.ApiKeys.Caller;
import dev.tihuo.application.port.in.counter.Counter;
import dev.tihuo.application.port.in.merchant.Browse;
import dev.tihuo.application.port.in.merchant.Catalog;
import dev.tihuo.application.port.in.merchant.ReviewAfterSales;
import dev.tihuo.application.port.in.merchant.Stock;
import dev.tihuo.application.port.in.operations.OperateOutbox;
import dev.tihuo.application.port.in.operations.Reconcile;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.store.StoreId;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.mapstruct.factory.Mappers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merchant API (JSON over {@code /api/v1}) and the counter page ({@code /counter}), as one {@link Router} for the
 * internal listener. Every request but the API document carries a key ({@code Authorization: Bearer <key>}); an
 * admin key acts on everything of its merchant, a clerk key only at the counter of its own stores. Use cases run on
 * the blocking executor, never on the event loop.
 */
public final class MerchantApi {
    private static final Logger LOG = LoggerFactory.getLogger(MerchantApi.class);
    static final String BASE = "/api/v1";
    private static final int BODY_LIMIT = 64 * 1024;
    private static final int DEFAULT_PAGE = 50;

    /** The primary ports this adapter drives. */
    public record UseCases(Counter counter, Catalog catalog, Stock stock, Browse browse, ReviewAfterSales review,
                           OperateOutbox outbox, Reconcile reconcile) {
        public UseCases {
            Objects.requireNonNull(counter, "counter");
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(stock, "stock");
            Objects.requireNonNull(browse, "browse");
            Objects.requireNonNull(review, "review");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(reconcile, "reconcile");
        }
    }

    /** The listener's settings: {@code {"host": "127.0.0.1", "port": 8081, "keys": [...]}} (see README-merchant). */
    public record Settings(String host, int port, ApiKeys keys) {
        public static final int DEFAULT_PORT = 8081;
        public static final String DEFAULT_HOST = "127.0.0.1";

        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(keys, "keys");
        }

        public static Settings fromJson(JsonObject config) {
            JsonObject c = config == null ? new JsonObject() : config;
            return new Settings(c.getString("host", DEFAULT_HOST), c.getInteger("port", DEFAULT_PORT),
                    ApiKeys.fromJson(c.getJsonArray("keys")));
        }
    }

    private final Vertx vertx;
    private final UseCases uc;
    private final ApiKeys keys;
    private final Executor blocking;
    private final ObjectMapper json;
    private final ResponseMapper map = Mappers.getMapper(ResponseMapper.class);
    private final Buffer openApi;

    private MerchantApi(Vertx vertx, UseCases useCases, ApiKeys keys, Executor blocking) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.uc = Objects.requireNonNull(useCases, "useCases");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.blocking = Objects.requireNonNull(blocking, "blocking executor");
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
        this.openApi = Buffer.buffer(resource("merchant/openapi.json"));
    }

    /** The router of the internal listener: {@code /api/v1/**} and {@code /counter}. */
    public static Router router(Vertx vertx, UseCases useCases, ApiKeys keys, Executor blocking) {
        return new MerchantApi(vertx, useCases, keys, blocking).build();
    }

    /** Starts the internal listener on the settings' host and port. */
    public static Future<HttpServer> listen(Vertx vertx, UseCases useCases, Settings settings, Executor blocking) {
        Router router = router(vertx, useCases, settings.keys(), blocking);
        LOG.info("merchant API on {}:{} with {} keys", settings.host(), settings.port(), settings.keys().size());
        return vertx.createHttpServer().requestHandler(router).listen(settings.port(), settings.host());
    }

    private Router build() {
        Router router = Router.router(vertx);
        CounterPage.mount(router);

        router.get(BASE + "/openapi.json").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8").end(openApi));
        router.route(BASE + "/*").handler(this::authenticate);
        router.route(BASE + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));

        router.get(BASE + "/me").handler(this::me);

        router.get(BASE + "/stores").handler(ctx -> admin(ctx, c -> new Responses.Items<>(map.stores(uc.catalog().stores(c.merchant())))));
        router.post(BASE + "/stores").handler(this::createStore);
        router.put(BASE + "/stores/:storeId").handler(this::updateStore);

        router.get(BASE + "/products").handler(ctx -> admin(ctx, c -> new Responses.Items<>(map.products(uc.catalog().products(c.merchant())))));
        router.post(BASE + "/products").handler(this::createProduct);
        router.get(BASE + "/products/:productOutId").handler(ctx -> admin(ctx, c ->
                map.product(uc.catalog().product(c.merchant(), ctx.pathParam("productOutId")))));
        router.put(BASE + "/products/:productOutId").handler(this::updateProduct);
        router.post(BASE + "/products/:productOutId/publish").handler(ctx -> admin(ctx, 202, c ->
                map.product(uc.catalog().publish(c.merchant(), ctx.pathParam("productOutId")))));
        router.put(BASE + "/products/:productOutId/douyin").handler(this::linkToDouyin);

        router.get(BASE + "/stock").handler(this::viewStock);
        router.put(BASE + "/stock/:storeId/:skuOutId").handler(this::setOnHand);
        router.post(BASE + "/stock/:storeId/:skuOutId/adjustments").handler(this::adjustStock);

        router.get(BASE + "/orders").handler(this::orders);
        router.get(BASE + "/vouchers").handler(this::vouchers);
        router.get(BASE + "/orders/:orderId").handler(ctx -> admin(ctx, c -> map.detail(uc.browse().order(c.merchant(), ctx.pathParam("orderId")))));
        router.post(BASE + "/orders/:orderId/reconcile").handler(ctx -> admin(ctx, c ->
                map.reconciliation(uc.reconcile().reconcile(c.merchant(), ctx.pathParam("orderId")))));

        router.get(BASE + "/after-sales").handler(this::afterSales);
        router.get(BASE + "/after-sales/:afterSaleId").handler(ctx -> admin(ctx, c ->
                map.afterSale(uc.browse().afterSale(c.merchant(), ctx.pathParam("afterSaleId")))));
        router.post(BASE + "/after-sales/:afterSaleId/approve").handler(ctx -> decide(ctx, true));
        router.post(BASE + "/after-sales/:afterSaleId/reject").handler(ctx -> decide(ctx, false));
        router.post(BASE + "/after-sales/:afterSaleId/goods-received").handler(this::goodsReceived);

        router.post(BASE + "/counter/look-up").handler(this::lookUp);
        router.post(BASE + "/counter/redeem").handler(ctx -> atCounter(ctx, (at, code) -> map.redemption(uc.counter().redeem(at, code))));
        router.post(BASE + "/counter/cancel").handler(ctx -> {
            Caller caller = caller(ctx);
            offLoop(ctx, 200, () -> {
                Requests.CodeAtStore body = body(ctx, Requests.CodeAtStore.class);
                Counter.At at = new Counter.At(caller.merchant(), counterStore(caller, body.storeId()));
                // Douyin's codes are cancelled by the verification record their redemption answered (O4).
                return map.redemption(body.verifyId() != null && !body.verifyId().isBlank()
                        ? uc.counter().cancelDouyinRedemption(at, body.verifyId(), body.certificateId(), body.skuOutId())
                        : uc.counter().cancelRedemption(at, body.code()));
            });
        });

        router.get(BASE + "/outbox/stuck").handler(ctx -> admin(ctx, c -> new Responses.Items<>(
                map.outboxMessages(uc.outbox().stuck(c.merchant().value(), limit(ctx))))));
        router.post(BASE + "/outbox/:messageId/retry").handler(this::retry);

        router.route(BASE + "/*").handler(ctx -> ctx.fail(ApiError.notFound("no such route: " + ctx.request().method() + " " + ctx.normalizedPath())));
        router.route(BASE + "/*").failureHandler(ApiFailures::handle);
        return router;
    }

    // ---- access ------------------------------------------------------------------------------------------------------

    private void authenticate(RoutingContext ctx) {
        String presented = presentedKey(ctx);
        Caller caller = keys.authenticate(presented).orElse(null);
        if (caller == null) {
            // The key itself is never logged, not even a wrong one.
            LOG.debug("{} {} refused: {}", ctx.request().method(), ctx.normalizedPath(), presented == null ? "no key" : "unknown key");
            ctx.fail(ApiError.unauthorized());
            return;
        }
        ctx.put(Caller.class.getName(), caller);
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.next();
    }

    private static String presentedKey(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String header = ctx.request().getHeader("X-Api-Key");
        return header == null ? null : header.strip();
    }

    private static Caller caller(RoutingContext ctx) {
        Caller caller = ctx.get(Caller.class.getName());
        if (caller == null) {
            throw ApiError.unauthorized();
        }
        return caller;
    }

    private static Caller requireAdmin(RoutingContext ctx) {
        Caller caller = caller(ctx);
        if (!caller.isAdmin()) {
            throw ApiError.forbidden("this key is a clerk's: it may look up, redeem and cancel at its stores only");
        }
        return caller;
    }

    /** The store a counter request acts at: a clerk's own (named or implied), or the one an admin names. */
    private static StoreId counterStore(Caller caller, String named) {
        if (named == null || named.isBlank()) {
            if (caller.isAdmin()) {
                throw ApiError.invalid("store_id is required for an admin key");
            }
            Set<StoreId> stores = caller.grant().stores();
            if (stores.size() != 1) {
                throw ApiError.invalid("store_id is required: this key works at " + stores.size() + " stores");
            }
            return stores.iterator().next();
        }
        StoreId store = new StoreId(named);
        if (!caller.grant().worksAt(store)) {
            throw ApiError.forbidden("this key does not work at store " + store);
        }
        return store;
    }

    // ---- handlers ----------------------------------------------------------------------------------------------------

    private void me(RoutingContext ctx) {
        Caller c = caller(ctx);
        send(ctx, 200, new Responses.Me(c.merchant().value(), c.grant().role().name().toLowerCase(),
                c.grant().stores().stream().map(StoreId::value).collect(Collectors.toCollection(TreeSet::new)), c.fingerprint()));
    }

    private void createStore(RoutingContext ctx) {
        admin(ctx, 201, c -> {
            Requests.CreateStore body = body(ctx, Requests.CreateStore.class);
            boolean exists = uc.catalog().stores(c.merchant()).stream().anyMatch(s -> s.storeId().equals(body.storeId().strip()));
            if (exists) {
                throw ApiError.alreadyExists("store " + body.storeId() + " exists; update it with PUT");
            }
            return map.store(uc.catalog().saveStore(c.merchant(), new Catalog.StoreDraft(body.storeId(), body.poiId(), body.name())));
        });
    }

    private void updateStore(RoutingContext ctx) {
        admin(ctx, c -> {
            Requests.UpdateStore body = body(ctx, Requests.UpdateStore.class);
            String id = ctx.pathParam("storeId");
            if (uc.catalog().stores(c.merchant()).stream().noneMatch(s -> s.storeId().equals(id))) {
                throw ApiError.notFound("no store " + id);
            }
            return map.store(uc.catalog().saveStore(c.merchant(), new Catalog.StoreDraft(id, body.poiId(), body.name())));
        });
    }

    private void createProduct(RoutingContext ctx) {
        admin(ctx, 201, c -> {
            Requests.ProductBody body = body(ctx, Requests.ProductBody.class);
            String id = Requests.require(body.productOutId(), "product_out_id").strip();
            if (uc.catalog().products(c.merchant()).stream().anyMatch(p -> p.productOutId().equals(id))) {
                throw ApiError.alreadyExists("product " + id + " exists; update it with PUT");
            }
            return map.product(uc.catalog().saveProduct(c.merchant(), draft(id, body)));
        });
    }

    private void updateProduct(RoutingContext ctx) {
        admin(ctx, c -> {
            Requests.ProductBody body = body(ctx, Requests.ProductBody.class);
            String id = ctx.pathParam("productOutId");
            uc.catalog().product(c.merchant(), id); // 404 when it does not exist
            return map.product(uc.catalog().saveProduct(c.merchant(), draft(id, body)));
        });
    }

    private static Catalog.ProductDraft draft(String id, Requests.ProductBody body) {
        return new Catalog.ProductDraft(id, body.name(), body.codeIssuing() == null ? null : CodeIssuing.valueOf(body.codeIssuing()),
                body.validityDays(), body.skus().stream().map(s -> new Catalog.SkuDraft(s.skuOutId(), s.douyinSkuId(), s.name(), s.priceFen())).toList());
    }

    private void linkToDouyin(RoutingContext ctx) {
        admin(ctx, c -> {
            Requests.DouyinLink body = body(ctx, Requests.DouyinLink.class);
            return map.product(uc.catalog().linkToDouyin(c.merchant(), ctx.pathParam("productOutId"), body.douyinProductId(), body.skuIds()));
        });
    }

    private void viewStock(RoutingContext ctx) {
        admin(ctx, c -> new Responses.Items<>(map.stock(uc.stock().view(c.merchant(), blankToNull(ctx.queryParams().get("store_id"))))));
    }

    private void setOnHand(RoutingContext ctx) {
        admin(ctx, c -> {
            Requests.SetStock body = body(ctx, Requests.SetStock.class);
            return map.stock(uc.stock().setOnHand(c.merchant(), ctx.pathParam("storeId"), ctx.pathParam("skuOutId"), body.onHand()));
        });
    }

    private void adjustStock(RoutingContext ctx) {
        admin(ctx, c -> {
            Requests.AdjustStock body = body(ctx, Requests.AdjustStock.class);
            return map.stock(uc.stock().adjust(c.merchant(), ctx.pathParam("storeId"), ctx.pathParam("skuOutId"), body.delta(), body.reason()));
        });
    }

    private void orders(RoutingContext ctx) {
        admin(ctx, c -> {
            Browse.OrderFilter filter = new Browse.OrderFilter(states(ctx), blankToNull(ctx.queryParams().get("store_id")),
                    instant(ctx, "from"), instant(ctx, "to"));
            Browse.Page<Browse.OrderSummary> page = uc.browse().orders(c.merchant(), filter, cursor(ctx), limit(ctx));
            return new Responses.Page<>(map.orders(page.items()), page.nextCursor());
        });
    }

    private void vouchers(RoutingContext ctx) {
        admin(ctx, c -> {
            Browse.OrderFilter filter = new Browse.OrderFilter(states(ctx), blankToNull(ctx.queryParams().get("store_id")),
                    instant(ctx, "from"), instant(ctx, "to"));
            Browse.Page<Browse.VoucherRow> page = uc.browse().vouchers(c.merchant(), filter, cursor(ctx), limit(ctx));
            return new Responses.Page<>(map.voucherRows(page.items()), page.nextCursor());
        });
    }

    private void afterSales(RoutingContext ctx) {
        admin(ctx, c -> {
            Browse.Page<Browse.AfterSaleView> page = uc.browse().afterSales(c.merchant(), states(ctx), cursor(ctx), limit(ctx));
            return new Responses.Page<>(map.afterSales(page.items()), page.nextCursor());
        });
    }

    private void decide(RoutingContext ctx, boolean approve) {
        admin(ctx, c -> {
            Requests.Decision body = ctx.body().buffer() == null || ctx.body().buffer().length() == 0 ? new Requests.Decision(null) : body(ctx, Requests.Decision.class);
            if (!approve) {
                Requests.require(body.reason(), "reason");
            }
            String id = ctx.pathParam("afterSaleId");
            uc.browse().afterSale(c.merchant(), id); // another merchant's after-sale answers 404 and changes nothing
            ReviewAfterSales.Decision decision = new ReviewAfterSales.Decision(c.merchant(), new AfterSaleId(id), body.reason());
            if (approve) {
                uc.review().approve(decision);
            } else {
                uc.review().reject(decision);
            }
            String state = uc.browse().afterSale(c.merchant(), id).state();
            return new Responses.Decided(id, approve ? "approved" : "rejected", state);
        });
    }

    private void goodsReceived(RoutingContext ctx) {
        admin(ctx, c -> {
            String id = ctx.pathParam("afterSaleId");
            uc.browse().afterSale(c.merchant(), id);
            uc.review().receiveReturnedGoods(c.merchant(), new AfterSaleId(id));
            return map.afterSale(uc.browse().afterSale(c.merchant(), id));
        });
    }

    private void lookUp(RoutingContext ctx) {
        atCounter(ctx, (at, code) -> {
            Counter.CodeView view = uc.counter().lookUp(at, code);
            boolean here = view.store() == null || view.store().equals(at.store().value());
            Caller caller = caller(ctx);
            if (!here && !caller.isAdmin() && !caller.grant().worksAt(new StoreId(view.store()))) {
                // A clerk sees nothing of another store's vouchers, only that this code is not for this counter.
                throw new ApiError(409, "wrong_store", "this code is to be picked up at another store");
            }
            return map.lookup(view, here);
        });
    }

    private void retry(RoutingContext ctx) {
        admin(ctx, c -> {
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("messageId"));
            } catch (NumberFormatException e) {
                throw ApiError.invalid("message id must be a number");
            }
            if (!uc.outbox().retry(c.merchant().value(), id)) {
                throw ApiError.notFound("no stuck message " + id);
            }
            return new Responses.Retry(id, true);
        });
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface AsCaller<T> {
        T run(Caller caller);
    }

    @FunctionalInterface
    private interface AtCounter<T> {
        T run(Counter.At at, String code);
    }

    private <T> void admin(RoutingContext ctx, AsCaller<T> work) {
        admin(ctx, 200, work);
    }

    private <T> void admin(RoutingContext ctx, int status, AsCaller<T> work) {
        Caller caller = requireAdmin(ctx);
        offLoop(ctx, status, () -> work.run(caller));
    }

    private <T> void atCounter(RoutingContext ctx, AtCounter<T> work) {
        Caller caller = caller(ctx);
        offLoop(ctx, 200, () -> {
            Requests.CodeAtStore body = body(ctx, Requests.CodeAtStore.class);
            Counter.At at = new Counter.At(caller.merchant(), counterStore(caller, body.storeId()));
            return work.run(at, body.code());
        });
    }

    /** Runs a use case on the blocking executor and answers on the request's context. */
    private <T> void offLoop(RoutingContext ctx, int status, Supplier<T> work) {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<T> done;
        try {
            done = CompletableFuture.supplyAsync(work, blocking);
        } catch (RejectedExecutionException e) {
            ctx.fail(e);
            return;
        }
        Future.fromCompletionStage(done, context).onComplete(result -> {
            if (result.succeeded()) {
                send(ctx, status, result.result());
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    private void send(RoutingContext ctx, int status, Object body) {
        if (ctx.response().ended()) {
            return;
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            ctx.fail(e);
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8").end(Buffer.buffer(bytes));
    }

    private <T> T body(RoutingContext ctx, Class<T> type) {
        Buffer buffer = ctx.body().buffer();
        if (buffer == null || buffer.length() == 0) {
            throw ApiError.invalid("a JSON body is required");
        }
        try {
            T value = json.readValue(buffer.getBytes(), type);
            if (value == null) {
                throw ApiError.invalid("a JSON body is required");
            }
            return value;
        } catch (IOException e) {
            throw ApiFailures.toApiError(e, 400);
        }
    }

    private static Set<String> states(RoutingContext ctx) {
        List<String> raw = ctx.queryParams().getAll("state");
        return raw.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Instant instant(RoutingContext ctx, String name) {
        String raw = blankToNull(ctx.queryParams().get(name));
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiError.invalid(name + " must be an ISO-8601 instant such as 2025-01-31T16:00:00Z");
        }
    }

    private static String cursor(RoutingContext ctx) {
        return blankToNull(ctx.queryParams().get("cursor"));
    }

    private static int limit(RoutingContext ctx) {
        String raw = blankToNull(ctx.queryParams().get("limit"));
        if (raw == null) {
            return DEFAULT_PAGE;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit < 1 || limit > 200) {
                throw ApiError.invalid("limit must be 1 to 200");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiError.invalid("limit must be a number from 1 to 200");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static byte[] resource(String path) {
        try (InputStream in = MerchantApi.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
