package dev.tihuo.adapters.http.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tihuo.adapters.http.webhook.InMemoryWebhookInbox;
import dev.tihuo.adapters.http.webhook.PoiChange;
import dev.tihuo.adapters.http.webhook.WebhookCall;
import dev.tihuo.adapters.http.webhook.WebhookRoutes;
import dev.tihuo.adapters.http.webhook.WebhookSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real HTTP server on a random port with the SPI and webhook routes mounted over recording fakes. */
@ExtendWith(VertxExtension.class)
abstract class SpiServerTestBase {
    static final Instant NOW = Instant.parse("2025-01-01T08:00:00Z");
    static final String KEY = "awx0000000000001";
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final String LEGACY_KEY = "legacy00000000001";
    static final String LEGACY_SECRET = "fedcba9876543210fedcba9876543210";
    static final String LOGID = "202501010800000102281180650970B5AF";
    static final ObjectMapper JSON = new ObjectMapper();

    Vertx vertx;
    WebClient client;
    int port;
    final RecordingHandlers fakes = new RecordingHandlers();
    final InMemoryWebhookInbox inbox = new InMemoryWebhookInbox();
    final List<PoiChange> poiChanges = new CopyOnWriteArrayList<>();
    volatile BiConsumer<PoiChange, WebhookCall> poiBehaviour = (c, call) -> { };
    SpiRoutes routes;
    WebhookRoutes webhooks;

    SpiSettings settings() {
        return SpiSettings.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    WebhookSettings webhookSettings() {
        return WebhookSettings.defaults();
    }

    @BeforeEach
    void startServer(Vertx vertx) throws Exception {
        this.vertx = vertx;
        SpiApps apps = SpiApps.of(SpiApp.of(KEY, SECRET), new SpiApp(LEGACY_KEY, LEGACY_SECRET, true));
        Router router = Router.router(vertx);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        routes = new SpiRoutes(vertx, apps, fakes.handlers(), settings(), meters);
        routes.mountOn(router);
        webhooks = new WebhookRoutes(vertx, apps, inbox, (change, call) -> {
            poiBehaviour.accept(change, call);
            poiChanges.add(change);
        }, webhookSettings(), meters);
        webhooks.mountOn(router);
        HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0));
        port = server.actualPort();
        client = WebClient.create(vertx);
    }

    @AfterEach
    void stopClient() {
        client.close();
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** A decoded reply. */
    record Reply(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        JsonObject data() {
            return json().getJsonObject("data");
        }

        int errorCode() {
            return data().getInteger("error_code");
        }

        String description() {
            return data().getString("description");
        }
    }

    Reply send(HttpMethod method, String path, Map<String, String> query, Map<String, String> headers, Buffer body)
            throws Exception {
        String uri = query.isEmpty() ? path : path + "?" + TestSigner.queryString(query);
        HttpRequest<Buffer> request = client.request(method, port, "localhost", uri);
        headers.forEach(request::putHeader);
        HttpResponse<Buffer> response = await(body == null ? request.send() : request.sendBuffer(body));
        return new Reply(response.statusCode(), response.bodyAsString());
    }

    Map<String, String> query(String clientKey, Instant timestamp) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_key", clientKey);
        query.put("timestamp", Long.toString(timestamp.toEpochMilli()));
        return query;
    }

    Map<String, String> signedHeaders(String secret, Map<String, String> query, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Bytedance-Logid", LOGID);
        headers.put("x-life-clientkey", KEY);
        headers.put("x-life-sign", TestSigner.sha256Hex(TestSigner.signString(secret, query, body)));
        return headers;
    }

    String path(SpiEndpoint endpoint) {
        return settings().pathPrefix() + endpoint.path();
    }

    /** A correctly signed, in-window call as Douyin would make it. */
    Reply call(SpiEndpoint endpoint, String body) throws Exception {
        Map<String, String> query = query(KEY, NOW);
        return send(HttpMethod.POST, path(endpoint), query, signedHeaders(SECRET, query, body), Buffer.buffer(body));
    }

    // ---- JSON mutation helpers (paths like sku_list[0].count) ----

    static String without(String json, String path) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        Target target = locate(root, path);
        target.parent().remove(target.field());
        return JSON.writeValueAsString(root);
    }

    static String with(String json, String path, String jsonValue) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(json);
        Target target = locate(root, path);
        target.parent().set(target.field(), JSON.readTree(jsonValue));
        return JSON.writeValueAsString(root);
    }

    private record Target(ObjectNode parent, String field) {}

    private static Target locate(ObjectNode root, String path) {
        String[] segments = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < segments.length - 1; i++) {
            node = step(node, segments[i]);
        }
        String last = segments[segments.length - 1];
        return new Target((ObjectNode) node, last);
    }

    private static JsonNode step(JsonNode node, String segment) {
        int bracket = segment.indexOf('[');
        if (bracket < 0) {
            return node.get(segment);
        }
        JsonNode list = node.get(segment.substring(0, bracket));
        int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
        return ((ArrayNode) list).get(index);
    }
}
