package dev.tihuo.adapters.http.merchant;

import dev.tihuo.application.memory.InMemoryTihuo;
import dev.tihuo.application.port.in.spi.ApplyRefund;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.in.spi.NotifyPayment;
import dev.tihuo.application.port.in.spi.RefundLine;
import dev.tihuo.application.service.BrowseService;
import dev.tihuo.application.service.CatalogService;
import dev.tihuo.application.service.CounterService;
import dev.tihuo.application.service.OrderService;
import dev.tihuo.application.service.OutboxService;
import dev.tihuo.application.service.ReconcileService;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.OrderAmount;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.store.PoiId;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The merchant API on a real HTTP server (random port) over the whole application on in-memory adapters, with two
 * merchants: X (stores A and B, keys for an admin and a clerk of each store) and Y (one store, an admin key).
 */
final class MerchantWorld implements AutoCloseable {
    static final MerchantId X = new MerchantId("merchant-x");
    static final MerchantId Y = new MerchantId("merchant-y");
    static final String ADMIN_X = "admin-of-x-0123456789";
    static final String CLERK_A = "clerk-of-store-a-0123456789";
    static final String CLERK_B = "clerk-of-store-b-0123456789";
    static final String ADMIN_Y = "admin-of-y-0123456789";
    static final String STORE_A = "store-a";
    static final String STORE_B = "store-b";
    static final String STORE_Y = "store-y";

    final InMemoryTihuo tihuo = new InMemoryTihuo();
    final OrderService orders = tihuo.orderService();
    final OutboxService outbox = new OutboxService(tihuo.ports());
    final Vertx vertx = Vertx.vertx();
    final ExecutorService blocking = Executors.newFixedThreadPool(16);
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    final HttpServer server;
    private final AtomicInteger sequence = new AtomicInteger();

    MerchantWorld() {
        tihuo.openStore(X, STORE_A, "poi-a");
        tihuo.openStore(X, STORE_B, "poi-b");
        tihuo.openStore(Y, STORE_Y, "poi-y");
        tihuo.publishProduct(X, "tea-box", "dp-tea", CodeIssuing.AT_ONCE, new InMemoryTihuo.SkuSpec("tea-500g", "ds-tea", 9900));
        tihuo.publishProduct(Y, "rice-bag", "dp-rice", CodeIssuing.AT_ONCE, new InMemoryTihuo.SkuSpec("rice-5kg", "ds-rice", 5900));
        tihuo.putOnShelf(X, STORE_A, "tea-500g", 500);
        tihuo.putOnShelf(X, STORE_B, "tea-500g", 500);
        tihuo.putOnShelf(Y, STORE_Y, "rice-5kg", 500);
        ApiKeys keys = ApiKeys.builder()
                .key(ADMIN_X, ApiKeys.Grant.admin(X.value()))
                .key(CLERK_A, ApiKeys.Grant.clerk(X.value(), STORE_A))
                .key(CLERK_B, ApiKeys.Grant.clerk(X.value(), STORE_B))
                .key(ADMIN_Y, ApiKeys.Grant.admin(Y.value()))
                .build();
        CatalogService catalog = new CatalogService(tihuo.ports());
        BrowseService browse = new BrowseService(tihuo.ports());
        MerchantApi.UseCases useCases = new MerchantApi.UseCases(new CounterService(tihuo.ports()), catalog, catalog, browse,
                tihuo.afterSaleService(), outbox, new ReconcileService(tihuo.ports()));
        server = await(MerchantApi.listen(vertx, useCases, new MerchantApi.Settings("127.0.0.1", 0, keys), blocking));
    }

    int port() {
        return server.actualPort();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    /** A paid order of one unit of X's tea at the store with {@code poi}, with its code issued; answers the code. */
    String codeAt(String poi) {
        return order(X, poi, "dp-tea", "ds-tea").code();
    }

    record Placed(String orderId, String code) {}

    Placed order(MerchantId merchant, String poi, String product, String sku) {
        String id = "order-" + sequence.incrementAndGet();
        DouyinOrderId order = new DouyinOrderId(id);
        orders.create(new CreateOrder.Command(merchant, order, new PoiId(poi),
                List.of(new CreateOrder.Item(new DouyinProductId(product), new DouyinSkuId(sku), null, 1, Money.fen(9900))),
                new OrderAmount(Money.fen(9900), Money.fen(0), Money.fen(9900))));
        orders.paid(new NotifyPayment.Notice(order, null));
        IssueCodes.Answer answer = tihuo.issuingService().issue(new IssueCodes.Command(order, null, List.of()));
        return new Placed(id, answer.codes().get(0));
    }

    /** Douyin asks to refund the unit with this code (S5); by the standard policy a valid voucher goes to refunding. */
    String refundRequested(String orderId, String code) {
        String afterSale = "as-" + sequence.incrementAndGet();
        tihuo.afterSaleService().apply(new ApplyRefund.Application(new DouyinOrderId(orderId), null, new AfterSaleId(afterSale),
                Money.fen(9900), List.of(new RefundLine(null, Money.fen(9900), null, code)), "changed my mind"));
        return afterSale;
    }

    Response call(String method, String path, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    Response get(String path, String key) {
        return call("GET", path, key, null);
    }

    Response post(String path, String key, String body) {
        return call("POST", path, key, body);
    }

    Response put(String path, String key, String body) {
        return call("PUT", path, key, body);
    }

    record Response(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        String errorCode() {
            JsonObject error = json().getJsonObject("error");
            return error == null ? null : error.getString("code");
        }
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        await(server.close());
        await(vertx.close());
        blocking.shutdownNow();
    }
}
