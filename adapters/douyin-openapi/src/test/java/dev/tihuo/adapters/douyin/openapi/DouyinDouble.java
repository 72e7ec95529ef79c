package dev.tihuo.adapters.douyin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP double of open.douyin.com for this module's tests (the full platform simulator lives in
 * features/simulator). Records every request; issues client tokens; can be told to fail the next calls in the ways the
 * real platform and networks fail; remembers processed deliveries by their idempotency key, as Douyin does.
 */
public final class DouyinDouble {

    public enum Fault { HTTP_500, HTTP_503, BUSY_2100004, HANG, DROP, TRUNCATED, MALFORMED, CUT_JSON,
        /** Douyin processes the request, then the connection drops before the answer arrives. */
        LOST_ANSWER }

    public record Recorded(String method, String path, MultiMap headers, String rawQuery, MultiMap params, String body) {
        public JsonNode json() {
            try { return MAPPER.readTree(body); } catch (Exception e) { throw new IllegalStateException(e); }
        }
        public String header(String name) { return headers.get(name); }
    }

    /** A request Douyin processed (the faults above happen before processing). */
    public record Processed(String path, String key) {}

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private HttpServer server;
    public final List<Recorded> requests = new CopyOnWriteArrayList<>();
    public final List<Processed> processed = new CopyOnWriteArrayList<>();
    public final AtomicInteger tokenFetches = new AtomicInteger();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private volatile long rejectionCode = 2190008;
    private volatile long expiresIn = 7200;
    private volatile boolean acceptAnyToken = false;
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final Deque<Fault> tokenFaults = new ConcurrentLinkedDeque<>();
    private final Map<String, Deque<String>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Function<JsonNode, String>> dataOverrides = new ConcurrentHashMap<>();
    private final Set<String> failingStockEntries = ConcurrentHashMap.newKeySet();
    private final AtomicInteger logids = new AtomicInteger();
    private final AtomicInteger tokens = new AtomicInteger();

    public DouyinDouble(Vertx vertx) { this.vertx = vertx; }

    public DouyinDouble start() throws Exception {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(1 << 20));
        router.route().handler(this::handle);
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return this;
    }

    public void stop() throws Exception { server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS); }

    public String baseUrl() { return "http://localhost:" + server.actualPort(); }

    // ---- steering
    public DouyinDouble failNext(int times, Fault fault) { for (int i = 0; i < times; i++) faults.add(fault); return this; }
    public DouyinDouble failNextTokenFetch(int times, Fault fault) { for (int i = 0; i < times; i++) tokenFaults.add(fault); return this; }
    /** The next answer on {@code path} is exactly this (status 200 unless the text starts with "HTTP nnn "). */
    public DouyinDouble scriptNext(String path, String rawAnswer) { scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).add(rawAnswer); return this; }
    /** Business data for a path, computed from the request body/query. */
    public DouyinDouble answerData(String path, Function<JsonNode, String> dataJson) { dataOverrides.put(path, dataJson); return this; }
    /** Every token issued so far stops working; callers get {@code code} until they fetch a new one. */
    public DouyinDouble revokeTokens(long code) { validTokens.clear(); rejectionCode = code; return this; }
    public DouyinDouble accept(String token) { validTokens.add(token); return this; }
    public DouyinDouble acceptAnyToken() { acceptAnyToken = true; return this; }
    public DouyinDouble tokenLifetime(long seconds) { expiresIn = seconds; return this; }
    /** {@code sku@poi} entries listed here fail in poistock/save until removed. */
    public Set<String> failingStockEntries() { return failingStockEntries; }
    public int pendingFaults() { return faults.size(); }

    public List<Recorded> requestsTo(String path) { return requests.stream().filter(r -> r.path().equals(path)).toList(); }
    public List<String> processedKeys(String path) { return processed.stream().filter(p -> p.path().equals(path)).map(Processed::key).toList(); }
    public Recorded last(String path) { List<Recorded> l = requestsTo(path); return l.get(l.size() - 1); }

    // ---- serving
    private void handle(RoutingContext ctx) {
        var req = ctx.request();
        String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
        requests.add(new Recorded(req.method().name(), req.path(), MultiMap.caseInsensitiveMultiMap().addAll(req.headers()),
                req.query(), MultiMap.caseInsensitiveMultiMap().addAll(req.params()), body));
        String path = req.path();
        if (path.equals("/oauth/client_token/")) {
            Fault f = tokenFaults.poll();
            if (f != null) { fault(ctx, f); return; }
            if (answerScripted(ctx, path)) return;
            tokenFetches.incrementAndGet();
            String token = "clt.double-" + tokens.incrementAndGet();
            validTokens.add(token);
            send(ctx, 200, "{\"data\":{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn
                    + ",\"error_code\":0,\"description\":\"\"},\"message\":\"success\"}");
            return;
        }
        Fault f = faults.poll();
        if (f != null && f != Fault.LOST_ANSWER) { fault(ctx, f); return; }
        if (answerScripted(ctx, path)) return;
        String token = req.getHeader("access-token");
        if (!acceptAnyToken && (token == null || !validTokens.contains(token))) {
            send(ctx, 200, envelope("{\"error_code\":0,\"description\":\"\"}", rejectionCode, "access_token expired"));
            return;
        }
        JsonNode in = parse(body, req.params());
        String data;
        try {
            Function<JsonNode, String> override = dataOverrides.get(path);
            data = override != null ? override.apply(in) : defaultData(path, in);
        } catch (RuntimeException e) {
            send(ctx, 200, envelope("{\"error_code\":2100005,\"description\":\"" + e.getMessage() + "\"}", 0, ""));
            return;
        }
        if (f == Fault.LOST_ANSWER) { ctx.request().connection().close(); return; }
        send(ctx, 200, envelope(data, 0, ""));
    }

    private boolean answerScripted(RoutingContext ctx, String path) {
        Deque<String> script = scripted.get(path);
        String raw = script == null ? null : script.poll();
        if (raw == null) return false;
        int status = 200;
        if (raw.startsWith("HTTP ")) { status = Integer.parseInt(raw.substring(5, 8)); raw = raw.substring(9); }
        send(ctx, status, raw);
        return true;
    }

    private String defaultData(String path, JsonNode in) {
        switch (path) {
            case "/goodlife/v1/compre_retail/fulfilment/create/callback/": {
                processed.add(new Processed(path, in.path("order_id").asText()));
                StringBuilder list = new StringBuilder();
                int i = 0;
                for (JsonNode c : in.path("codes")) {
                    if (i > 0) list.append(',');
                    list.append("{\"certificate_id\":72000000000000000").append(10 + i++).append(",\"code\":\"").append(c.asText()).append("\"}");
                }
                return ok("\"certificate_info_list\":[" + list + "]");
            }
            case "/goodlife/v1/compre_retail/order/refund/audit/":
                processed.add(new Processed(path, in.path("after_sale_id").asText()));
                return ok("");
            case "/goodlife/v1/compre_retail/fulfilment/certificate/verify/": {
                processed.add(new Processed(path, in.path("verify_token").asText()));
                List<String> results = new ArrayList<>();
                int i = 0;
                JsonNode list = in.has("code_with_time_list") ? in.path("code_with_time_list") : in.has("codes") ? in.path("codes") : in.path("encrypted_codes");
                for (JsonNode c : list) {
                    String code = c.isObject() ? c.path("code").asText() : c.asText();
                    results.add("{\"result\":0,\"msg\":\"\",\"code\":\"" + code + "\",\"verify_id\":\"73000000000000000" + (10 + i)
                            + "\",\"certificate_id\":\"72000000000000000" + (10 + i++) + "\",\"order_id\":\"" + in.path("order_id").asText() + "\"}");
                }
                return ok("\"verify_results\":[" + String.join(",", results) + "]");
            }
            case "/goodlife/v1/compre_retail/fulfilment/certificate/cancel/":
                processed.add(new Processed(path, in.path("cancel_token").asText(in.path("verify_id").asText())));
                return ok("\"cancel_results\":[{\"verify_id\":\"" + in.path("verify_id").asText() + "\",\"result_code\":0}]");
            case "/goodlife/v1/goods/pickupcoupon/poistock/save/": {
                List<String> fails = new ArrayList<>();
                for (JsonNode e : in.path("poi_stock_list")) {
                    String poi = e.path("poi").has("poi_id") ? e.path("poi").path("poi_id").asText() : e.path("poi").path("ext_id").asText();
                    String key = e.path("sku_id").asText() + "@" + poi;
                    if (failingStockEntries.contains(key)) {
                        fails.add("{\"poi\":" + e.path("poi") + ",\"product_id\":" + e.path("product_id") + ",\"sku_id\":" + e.path("sku_id")
                                + ",\"code\":\"5001\",\"reason\":\"store busy\"}");
                    } else {
                        processed.add(new Processed(path, key + "=" + e.path("stock_qty").asText()));
                    }
                }
                return ok("\"fail_poi_list\":[" + String.join(",", fails) + "]");
            }
            case "/goodlife/v1/goods/product/save/":
                processed.add(new Processed(path, in.path("product").path("out_id").asText()));
                return ok("\"product_id\":\"1780000000000000001\"");
            case "/goodlife/v1/goods/sku/batch_save/":
                processed.add(new Processed(path, in.path("product_id").asText(in.path("out_id").asText())));
                return ok("");
            case "/goodlife/v1/goods/product/operate/":
                processed.add(new Processed(path, in.path("product_id").asText(in.path("out_id").asText()) + ":" + in.path("op_type").asText()));
                return ok("");
            default:
                return ok("");
        }
    }

    private static String ok(String fields) {
        return "{\"error_code\":0,\"description\":\"\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    private String envelope(String data, long extraCode, String description) {
        return "{\"data\":" + data + ",\"extra\":{\"error_code\":" + extraCode + ",\"description\":\"" + description
                + "\",\"sub_error_code\":0,\"sub_description\":\"\",\"logid\":\"LOG-" + logids.incrementAndGet() + "\",\"now\":1767240000}}";
    }

    private static JsonNode parse(String body, MultiMap params) {
        try {
            if (!body.isBlank()) return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad body");
        }
        var node = MAPPER.createObjectNode();
        params.forEach(e -> node.put(e.getKey(), e.getValue()));
        return node;
    }

    private void fault(RoutingContext ctx, Fault f) {
        HttpServerResponse resp = ctx.response();
        switch (f) {
            case HTTP_500 -> send(ctx, 500, "<html>Internal Server Error</html>");
            case HTTP_503 -> send(ctx, 503, "");
            case BUSY_2100004 -> send(ctx, 200, envelope("{\"error_code\":0,\"description\":\"\"}", 2100004, "system busy"));
            case HANG -> vertx.setTimer(30_000, t -> { if (!resp.ended() && !resp.closed()) resp.end(); });
            case DROP -> ctx.request().connection().close();
            case TRUNCATED -> {
                resp.putHeader("content-type", "application/json").putHeader("content-length", "400");
                resp.write("{\"data\":{\"error_code\":0,\"verify_results\":[");
                vertx.setTimer(20, t -> ctx.request().connection().close());
            }
            case LOST_ANSWER -> ctx.request().connection().close();
            case MALFORMED -> send(ctx, 200, "<html><body>502 Bad Gateway</body></html>");
            case CUT_JSON -> send(ctx, 200, "{\"data\":{\"error_code\":0,\"description\":\"\",\"verify_res");
        }
    }

    private static void send(RoutingContext ctx, int status, String body) {
        if (ctx.response().closed()) return;
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body);
    }

    public List<String> tokensIssued() { return Collections.unmodifiableList(new ArrayList<>(validTokens)); }
}
