package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.adapters.http.spi.usecase.SpiUseCases;
import dev.tihuo.adapters.http.webhook.InMemoryWebhookInbox;
import dev.tihuo.adapters.http.webhook.WebhookRoutes;
import dev.tihuo.adapters.http.webhook.WebhookSettings;
import dev.tihuo.application.memory.InMemoryTihuo;
import dev.tihuo.application.memory.InMemoryTihuo.SkuSpec;
import dev.tihuo.domain.aftersale.AfterSale;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.stock.StockMovement;
import dev.tihuo.domain.stock.StoreStock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real HTTP server on a random port with the real {@link SpiRoutes} and {@link WebhookRoutes}, whose handlers are
 * {@link SpiUseCases} over the application services on the in-memory adapters ({@link InMemoryTihuo}). Requests are
 * signed with {@link TestSigner} (spi.md §3, written from the spec). The shop: merchant {@link #ACCOUNT} with stores
 * S-A ({@link #POI_A}: 10 of each SKU) and S-B ({@link #POI_B}: 10 of SKU A only); product P-A (SKUs A, B) issues
 * codes at once, P-C (SKU C) by callback; every unit costs 3990 fen.
 */
@ExtendWith(VertxExtension.class)
abstract class SpiDoorTestBase {
    static final Instant NOW = InMemoryTihuo.START;
    static final String KEY = "awx0000000000001";
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final String LOGID = "202501010800000102281180650970B5AF";

    static final String ACCOUNT = "7000000000000000001";
    static final MerchantId MERCHANT = new MerchantId(ACCOUNT);
    static final String STORE_A = "S-A";
    static final String POI_A = "6600000000000000001";
    static final String STORE_B = "S-B";
    static final String POI_B = "6600000000000000002";
    static final String POI_UNKNOWN = "6600000000000000999";
    static final String PRODUCT_AB = "1800000000000000";
    static final String PRODUCT_C = "1800000000000100";
    static final String SKU_A = "SKU-A-500ML";
    static final String SKU_B = "SKU-B-1L";
    static final String SKU_C = "SKU-C";
    static final String DOUYIN_SKU_A = "1800000000000001";
    static final String DOUYIN_SKU_B = "1800000000000002";
    static final String DOUYIN_SKU_C = "1800000000000101";
    static final String DOUYIN_SKU_UNKNOWN = "1800000000009999";
    static final long PRICE = 3990;

    /** The Douyin order ids tests use; {@link #state()} describes these. */
    static final List<String> ORDER_IDS = IntStream.rangeClosed(1, 9).mapToObj(i -> "109000000000000000" + i).toList();
    static final List<String> AFTER_SALE_IDS = IntStream.rangeClosed(1, 9).mapToObj(i -> "731000000000000000" + i).toList();

    final InMemoryTihuo app = new InMemoryTihuo();
    Vertx vertx;
    WebClient client;
    int port;
    SpiUseCases door;
    final InMemoryWebhookInbox inbox = new InMemoryWebhookInbox();

    SpiSettings settings() {
        return SpiSettings.defaults().withClock(app.clock());
    }

    @BeforeEach
    void startServer(Vertx vertx) throws Exception {
        this.vertx = vertx;
        seed();
        door = door();
        SpiApps apps = SpiApps.of(SpiApp.of(KEY, SECRET));
        Router router = Router.router(vertx);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        new SpiRoutes(vertx, apps, door.handlers(), settings(), meters).mountOn(router);
        new WebhookRoutes(vertx, apps, inbox, door.poiChangeHandler(), WebhookSettings.defaults(), meters).mountOn(router);
        HttpServer server = SpiServerTestBase.await(vertx.createHttpServer().requestHandler(router).listen(0));
        port = server.actualPort();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stopClient() {
        client.close();
    }

    /** The composition root's wiring, on the in-memory application. */
    SpiUseCases door() {
        return new SpiUseCases(app.orderService(), app.orderService(), app.orderService(), app.issuingService(),
                app.afterSaleService(), app.afterSaleService(), app.afterSaleService(), app.afterSaleService(),
                app.storeChangeService());
    }

    private void seed() {
        app.openStore(MERCHANT, STORE_A, POI_A);
        app.openStore(MERCHANT, STORE_B, POI_B);
        app.publishProduct(MERCHANT, "P-A", PRODUCT_AB, CodeIssuing.AT_ONCE,
                new SkuSpec(SKU_A, DOUYIN_SKU_A, PRICE), new SkuSpec(SKU_B, DOUYIN_SKU_B, PRICE));
        app.publishProduct(MERCHANT, "P-C", PRODUCT_C, CodeIssuing.BY_CALLBACK, new SkuSpec(SKU_C, DOUYIN_SKU_C, PRICE));
        app.putOnShelf(MERCHANT, STORE_A, SKU_A, 10);
        app.putOnShelf(MERCHANT, STORE_A, SKU_B, 10);
        app.putOnShelf(MERCHANT, STORE_A, SKU_C, 10);
        app.putOnShelf(MERCHANT, STORE_B, SKU_A, 10);
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------------

    record Reply(int status, String body) {
        JsonObject data() {
            return new JsonObject(body).getJsonObject("data");
        }

        int errorCode() {
            return data().getInteger("error_code");
        }

        String description() {
            return data().getString("description");
        }
    }

    /** A correctly signed, in-window call as Douyin would make it. */
    Reply call(SpiEndpoint endpoint, String body) throws Exception {
        return callSignedOver(endpoint, body, body);
    }

    Reply call(SpiEndpoint endpoint, JsonObject body) throws Exception {
        return call(endpoint, body.encode());
    }

    /** Signs {@code signedBody} but sends {@code sentBody} (a proxy that re-serialises, an attacker). */
    Reply callSignedOver(SpiEndpoint endpoint, String signedBody, String sentBody) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_key", KEY);
        query.put("timestamp", Long.toString(app.clock().millis()));
        String uri = settings().pathPrefix() + endpoint.path() + "?" + TestSigner.queryString(query);
        HttpRequest<Buffer> request = client.request(HttpMethod.POST, port, "localhost", uri);
        request.putHeader("Content-Type", "application/json");
        request.putHeader("X-Bytedance-Logid", LOGID);
        request.putHeader("x-life-clientkey", KEY);
        request.putHeader("x-life-sign", TestSigner.sha256Hex(TestSigner.signString(SECRET, query, signedBody)));
        HttpResponse<Buffer> response = SpiServerTestBase.await(request.sendBuffer(Buffer.buffer(signedBody.equals(sentBody)
                ? signedBody : sentBody)));
        return new Reply(response.statusCode(), response.bodyAsString());
    }

    /** W1 as Douyin sends it (spi.md §6.1): SHA-1(secret + raw body) in X-Douyin-Signature, a Msg-Id. */
    Reply storeChange(String msgId, String orderId, String newPoi) throws Exception {
        String content = new JsonObject().put("order_id", orderId).put("account_id", ACCOUNT).put("old_poi_id", POI_A)
                .put("new_poi_id", newPoi).put("change_time", NOW.getEpochSecond()).encode();
        String raw = new JsonObject().put("event", "life_retail_comp_poi_change").put("client_key", KEY)
                .put("content", content).put("log_id", LOGID).encode();
        HttpRequest<Buffer> request = client.request(HttpMethod.POST, port, "localhost", "/webhooks/douyin");
        request.putHeader("Content-Type", "application/json");
        request.putHeader("X-Douyin-Signature", sha1Hex(SECRET + raw));
        request.putHeader("Msg-Id", msgId == null ? UUID.randomUUID().toString() : msgId);
        HttpResponse<Buffer> response = SpiServerTestBase.await(request.sendBuffer(Buffer.buffer(raw)));
        return new Reply(response.statusCode(), response.bodyAsString());
    }

    static String sha1Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- bodies Douyin sends (spi.md §5) -------------------------------------------------------------------------------

    static JsonObject createOrderBody(String orderId, String poi, String douyinSku, int count) {
        String product = DOUYIN_SKU_C.equals(douyinSku) ? PRODUCT_C : PRODUCT_AB;
        long total = PRICE * count;
        return new JsonObject().put("order_id", orderId).put("open_id", "_000enc_openid").put("account_id", ACCOUNT)
                .put("poi_id", poi)
                .put("sku_list", new JsonArray().add(new JsonObject().put("sku_id", douyinSku).put("product_id", product)
                        .put("count", count).put("unit_amount", PRICE)))
                .put("amount", new JsonObject().put("origin_amount", total).put("discount_amount", 0).put("pay_amount", total));
    }

    static String certificateId(String orderId, int unit) {
        return "73" + orderId.substring(orderId.length() - 3) + "00000000000" + unit;
    }

    static String orderItemId(String orderId, int unit) {
        return "80" + orderId.substring(orderId.length() - 3) + "000000000000" + unit;
    }

    /** S4 naming one certificate per unit (D4). */
    static JsonObject issueBody(String orderId, int units) {
        JsonArray certificates = new JsonArray();
        for (int i = 1; i <= units; i++) {
            certificates.add(new JsonObject().put("certificate_id", certificateId(orderId, i))
                    .put("order_item_id", orderItemId(orderId, i)));
        }
        return new JsonObject().put("order_id", orderId).put("count", units).put("certificates", certificates);
    }

    /** S5 for the given units (1-based), with the codes Douyin knows (empty string when none). */
    JsonObject refundBody(String orderId, String afterSale, int... units) {
        Order order = order(orderId);
        JsonArray items = new JsonArray();
        for (int unit : units) {
            String code = order.voucher(unit).code().map(Object::toString).orElse("");
            items.add(new JsonObject().put("order_item_id", orderItemId(orderId, unit)).put("item_refund_amount", PRICE)
                    .put("certificate", new JsonObject().put("certificate_id", certificateId(orderId, unit)).put("code", code)));
        }
        return new JsonObject().put("order_id", orderId).put("order_out_id", order.outId().value())
                .put("biz_uniq_key", afterSale).put("refund_amount", PRICE * units.length).put("refund_info_list", items)
                .put("refund_reason", "用户申请退款").put("handle_time", app.clock().millis());
    }

    /** S6 / S8 shape for the given units. */
    JsonObject refundNoticeBody(String orderId, String afterSale, int afterSaleType, int... units) {
        JsonArray items = new JsonArray();
        for (int unit : units) {
            items.add(new JsonObject().put("order_item_id", orderItemId(orderId, unit)).put("item_refund_amount", PRICE));
        }
        return new JsonObject().put("order_id", orderId).put("order_out_id", order(orderId).outId().value())
                .put("biz_uniq_key", afterSale).put("refund_amount", PRICE * units.length).put("refund_info_list", items)
                .put("notice_type", 0).put("refund_reason", "用户申请退款").put("handle_time", app.clock().millis())
                .put("desc", "").put("after_sale_type", afterSaleType);
    }

    // ---- doing things through HTTP ------------------------------------------------------------------------------------

    String created(String orderId, String douyinSku, int count) throws Exception {
        Reply reply = call(SpiEndpoint.CREATE_ORDER, createOrderBody(orderId, POI_A, douyinSku, count));
        assertThat(reply.errorCode()).as(reply.body()).isZero();
        return reply.data().getString("order_out_id");
    }

    Reply createdAndIssued(String orderId, String douyinSku, int count) throws Exception {
        created(orderId, douyinSku, count);
        Reply reply = call(SpiEndpoint.ISSUE_CODES, issueBody(orderId, count));
        assertThat(reply.errorCode()).as(reply.body()).isZero();
        return reply;
    }

    /** A clerk hands out the goods of these units at the order's store (the counter, done by hand). */
    void pickUp(String orderId, int... units) {
        app.unitOfWork().run(() -> {
            Order order = order(orderId);
            for (int n : units) {
                var redeemed = order.redeem(order.voucher(n).code().orElseThrow(), order.store(), "token-" + n,
                        app.clock().instant());
                for (StockMovement m : redeemed.movements()) {
                    StoreStock stock = app.stocks().find(new dev.tihuo.domain.stock.StockKey(MERCHANT, m.store(), m.sku()))
                            .orElseThrow();
                    stock.apply(m, app.clock().instant());
                    app.stocks().save(stock);
                }
            }
            app.orders().save(order);
        });
    }

    // ---- looking through the ports ------------------------------------------------------------------------------------

    Order order(String orderId) {
        return app.order(orderId);
    }

    boolean exists(String orderId) {
        return app.orders().find(new DouyinOrderId(orderId)).isPresent();
    }

    AfterSale afterSale(String id) {
        return app.afterSales().find(new AfterSaleId(id)).orElseThrow(() -> new AssertionError("no after-sale " + id));
    }

    int available(String store, String sku) {
        return app.available(MERCHANT, store, sku);
    }

    int reserved(String store, String sku) {
        return app.stockOf(MERCHANT, store, sku).reserved();
    }

    /** Everything the SPIs can change, read through the secondary ports: equal before and after = nothing changed. */
    String state() {
        StringBuilder s = new StringBuilder();
        for (String id : ORDER_IDS) {
            app.orders().find(new DouyinOrderId(id)).ifPresent(o -> s.append(o.snapshot()).append('\n'));
            app.afterSales().forOrder(new DouyinOrderId(id)).forEach(a -> s.append(a.snapshot()).append('\n'));
        }
        for (String[] key : new String[][] {{STORE_A, SKU_A}, {STORE_A, SKU_B}, {STORE_A, SKU_C}, {STORE_B, SKU_A},
                {STORE_B, SKU_B}, {STORE_B, SKU_C}}) {
            StoreStock stock = app.stockOf(MERCHANT, key[0], key[1]);
            s.append(key[0]).append('/').append(key[1]).append(' ').append(stock.onHand()).append('/')
                    .append(stock.reserved()).append(" v").append(stock.version()).append('\n');
        }
        s.append("orders=").append(app.orders().count())
                .append(" idempotency=").append(app.idempotencyRecords().count())
                .append(" outbox=").append(app.outbox().all().size());
        return s.toString();
    }
}
