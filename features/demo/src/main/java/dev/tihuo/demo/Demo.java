package dev.tihuo.demo;

import dev.tihuo.bootstrap.Tihuo;
import dev.tihuo.bootstrap.config.ConfigLoader;
import dev.tihuo.bootstrap.config.TihuoConfig;
import dev.tihuo.simulator.BuyerJourney;
import dev.tihuo.simulator.DouyinPlatformClient;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.PlatformState;
import dev.tihuo.simulator.PlatformState.Order;
import dev.tihuo.simulator.Purchase;
import dev.tihuo.simulator.SimClock;
import dev.tihuo.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The demo: starts the local Douyin (simulator) and tihuo side by side and plays a short story through public
 * HTTP only (tihuo's merchant API with an admin and a clerk key, the simulator's SPI client and its records),
 * printing each step in plain words. Then it leaves the counter page open until Ctrl-C.
 *
 * <pre>
 * mvn -q -DskipTests install &amp;&amp; mvn -q -pl features/demo exec:java
 * mvn -q -pl features/demo exec:java -Dexec.args="--no-wait"      # play the story and stop
 * mvn -q -pl features/demo exec:java -Dexec.args="--port 9081"    # counter page on another port (default 8081)
 * </pre>
 */
public final class Demo {
    static final String CLIENT_KEY = "awDEMOCLIENTKEY";
    static final String CLIENT_SECRET = "demo-client-secret-0123456789abcdef";
    static final String MERCHANT = "7000000000000000001";
    static final String ADMIN_KEY = "demo-admin-key-mountain-tea";
    static final String CLERK_KEY = "demo-clerk-key-jingan-0001";
    static final String POI_JINGAN = "6600000000000000001";
    static final String POI_XUHUI = "6600000000000000002";
    static final String O1 = "/goodlife/v1/compre_retail/fulfilment/create/callback/";
    static final String O3 = "/goodlife/v1/compre_retail/fulfilment/certificate/verify/";
    static final String O7 = "/goodlife/v1/goods/pickupcoupon/poistock/save/";

    /** What the story did, for the summary and the test. */
    record Summary(int orders, int codesAtOnce, int codesByCallback, int redeemed, int refunded, Map<String, Integer> douyinCalls,
                   List<String> stock, boolean stockMatches, String counterUrl, String unusedCode) {}

    private final PrintStream out;
    private final Path work;
    private final int preferredPort;
    private DouyinSimulator sim;
    private Tihuo tihuo;
    private Api admin;
    private Api clerk;
    private int step;

    Demo(PrintStream out, Path work, int preferredPort) {
        this.out = out;
        this.work = work;
        this.preferredPort = preferredPort;
    }

    public static void main(String[] args) throws Exception {
        boolean wait = !List.of(args).contains("--no-wait");
        int port = 8081;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            }
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path work = Files.createTempDirectory("tihuo-demo-");
        Demo demo = new Demo(out, work, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stopped.countDown();
        }, "tihuo-demo-stop"));
        try {
            demo.play();
        } catch (RuntimeException | AssertionError e) {
            out.println();
            out.println("The demo stopped early: " + e.getMessage());
            out.println("Logs of tihuo and the simulator: " + logFile());
            System.exit(1);
        }
        if (wait) {
            out.println();
            out.println("tihuo and the simulator keep running. Press Ctrl-C to stop them.");
            stopped.await();
        } else {
            System.exit(0);
        }
    }

    static String logFile() {
        return System.getProperty("tihuo.demo.log", Path.of(System.getProperty("java.io.tmpdir"), "tihuo-demo.log").toString());
    }

    Summary play() {
        start();
        title("The story");

        say("The merchant \"Mountain Tea Co.\" (Douyin account %s) opens two stores (门店): Jing'an (静安店, POI %s) and Xuhui (徐汇店, POI %s).",
                MERCHANT, POI_JINGAN, POI_XUHUI);
        admin.ok(admin.post("/api/v1/stores", new JsonObject().put("store_id", "jingan").put("poi_id", POI_JINGAN).put("name", "静安店 Jing'an")));
        admin.ok(admin.post("/api/v1/stores", new JsonObject().put("store_id", "xuhui").put("poi_id", POI_XUHUI).put("name", "徐汇店 Xuhui")));

        say("It creates the pickup voucher (提货券) \"Oolong tea 乌龙茶\" with two SKUs (规格): 500 ml at ¥18.00 and 1 L at ¥30.00. "
                + "Codes are issued at once (立即发码).");
        admin.ok(admin.post("/api/v1/products", new JsonObject().put("product_out_id", "P-OOLONG").put("name", "乌龙茶 Oolong tea")
                .put("code_issuing", "AT_ONCE").put("validity_days", 30).put("skus", new JsonArray()
                        .add(new JsonObject().put("sku_out_id", "OOLONG-500ML").put("name", "500 ml").put("price_fen", 1800))
                        .add(new JsonObject().put("sku_out_id", "OOLONG-1L").put("name", "1 L").put("price_fen", 3000)))));
        setStock("jingan", "OOLONG-500ML", 10);
        setStock("jingan", "OOLONG-1L", 5);
        setStock("xuhui", "OOLONG-500ML", 8);
        setStock("xuhui", "OOLONG-1L", 4);
        say("Stock on hand (库存): Jing'an 10 × 500 ml and 5 × 1 L; Xuhui 8 × 500 ml and 4 × 1 L.");

        say("The merchant publishes the product to Douyin (上架). tihuo queues the calls in its outbox and sends them: "
                + "save product (G3), then its SKUs (G4).");
        admin.ok(admin.post("/api/v1/products/P-OOLONG/publish", null));
        eventually("the product is linked to Douyin's ids", () -> {
            JsonObject p = admin.ok(admin.get("/api/v1/products/P-OOLONG"));
            return p.getString("douyin_product_id") != null
                    && p.getJsonArray("skus").stream().allMatch(s -> ((JsonObject) s).getString("douyin_sku_id") != null);
        });
        JsonObject product = admin.ok(admin.get("/api/v1/products/P-OOLONG"));
        String productId = product.getString("douyin_product_id");
        String sku500 = skuId(product, "OOLONG-500ML");
        String sku1l = skuId(product, "OOLONG-1L");
        detail("Douyin knows it as product %s; SKU 500 ml = %s, SKU 1 L = %s.", productId, sku500, sku1l);
        // Publishing links the ids but does not yet send each store's stock; confirming the link does (D12).
        admin.ok(admin.put("/api/v1/products/P-OOLONG/douyin", new JsonObject().put("douyin_product_id", productId)
                .put("sku_ids", new JsonObject().put("OOLONG-500ML", sku500).put("OOLONG-1L", sku1l))));
        detail("The merchant confirms the link; tihuo sends each store's stock to Douyin (O7).");
        awaitStockOnDouyin();
        detail("Douyin now shows: %s", douyinStockLine(sku500, sku1l));

        say("Buyer Lin pays on Douyin for 2 × 500 ml, to pick up at Jing'an (支付后创单).");
        Order lin = await(sim.journey().buy(Purchase.afterPay(MERCHANT, POI_JINGAN, productId, sku500, 2, 1800)));
        detail("Douyin → tihuo: create the order (S1). tihuo answers with its order %s.", lin.orderOutId());
        detail("Douyin → tihuo: issue the codes (S4). tihuo answers with the codes at once: %s.", String.join(", ", lin.codes()));
        awaitStockOnDouyin();
        detail("Douyin now shows: %s", douyinStockLine(sku500, sku1l));

        say("The merchant switches the product to send codes later through the callback (异步发码回调), "
                + "as when a warehouse system makes the codes.");
        admin.ok(admin.put("/api/v1/products/P-OOLONG", new JsonObject().put("name", "乌龙茶 Oolong tea")
                .put("code_issuing", "BY_CALLBACK").put("validity_days", 30)));

        say("Buyer Wang pays for 1 × 1 L, to pick up at Xuhui.");
        Order wang = await(sim.journey().buy(Purchase.afterPay(MERCHANT, POI_XUHUI, productId, sku1l, 1, 3000)));
        detail("Douyin → tihuo: create the order (S1) → tihuo order %s.", wang.orderOutId());
        detail("Douyin → tihuo: issue the codes (S4) → \"issuing\" (发码中): the code will come within 10 minutes.");
        eventually("the code arrives through the callback", () -> status(wang) == PlatformState.OrderStatus.ISSUED);
        detail("tihuo → Douyin: the issue-code callback (O1) delivers code %s. Douyin shows it to Wang.",
                String.join(", ", sim.state().order(wang.orderId()).orElseThrow().codes()));
        awaitStockOnDouyin();
        detail("Douyin now shows: %s", douyinStockLine(sku500, sku1l));

        String first = lin.codes().get(0);
        say("At the Jing'an counter, the clerk signs in with the clerk key and types Lin's code %s (核销).", first);
        JsonObject lookUp = clerk.ok(clerk.post("/api/v1/counter/look-up", new JsonObject().put("code", first)));
        detail("The counter shows: %s", describeLookUp(lookUp));
        JsonObject redeemed = clerk.ok(clerk.post("/api/v1/counter/redeem", new JsonObject().put("code", first)));
        detail("Redeemed at %s: voucher state %s.", redeemed.getString("store_id"), redeemed.getString("state"));
        eventually("Douyin records the verification", () -> sim.calls().count(O3) >= 1);
        detail("tihuo → Douyin: verify the certificate (O3). Douyin marks that voucher used (已核销).");
        Api.Answer again = clerk.post("/api/v1/counter/redeem", new JsonObject().put("code", first));
        detail("The same code typed again is refused: HTTP %d %s.", again.status(), again.json().getJsonObject("error").getString("code"));

        say("Wang changes his mind and asks Douyin for a refund (申请退款).");
        await(sim.journey().applyRefund(wang.orderId(), 1));
        eventually("the refund is settled", () -> sim.state().afterSalesOf(wang.orderId()).stream()
                .allMatch(a -> a.status() == PlatformState.AfterSaleStatus.SUCCEEDED));
        detail("Douyin → tihuo: refund apply (S5). tihuo approves at once (its standard policy: the code was not used).");
        detail("Douyin refunds Wang and tells tihuo (S6). tihuo sets the 1 L at Xuhui free again.");
        awaitStockOnDouyin();
        detail("Douyin now shows: %s", douyinStockLine(sku500, sku1l));

        Summary summary = summary(lin, wang, sku500, sku1l);
        title("Summary");
        say("Orders: %d (Lin: 2 × 500 ml at Jing'an; Wang: 1 × 1 L at Xuhui).", summary.orders());
        say("Codes: %d issued at once (S4), %d through the callback (O1); %d redeemed at the counter (O3); %d order refunded.",
                summary.codesAtOnce(), summary.codesByCallback(), summary.redeemed(), summary.refunded());
        say("Calls Douyin received from tihuo: %s.", summary.douyinCalls().entrySet().stream()
                .map(e -> e.getKey() + " × " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("none"));
        say("Stock, tihuo (on hand / set aside / available) and Douyin:");
        summary.stock().forEach(line -> out.println("      " + line));
        say(summary.stockMatches() ? "Douyin shows exactly what tihuo has available at each store." : "Douyin's stock differs from tihuo's!");
        title("Try it yourself");
        out.println("  Counter page (核销台): " + summary.counterUrl());
        out.println("  Clerk key (Jing'an):  " + CLERK_KEY);
        out.println("  A code still to redeem: " + summary.unusedCode() + "  (Lin's second voucher)");
        out.println("  Merchant API:          " + admin.base + "/api/v1/openapi.json   admin key: " + ADMIN_KEY);
        out.println("  Health, readiness, metrics: " + admin.base + "/health  /ready  /metrics");
        out.println("  Simulated Douyin:      " + sim.baseUrl() + "/_sim/orders   (its records; /_sim/calls lists tihuo's calls)");
        out.println("  Logs of tihuo and the simulator: " + logFile());
        return summary;
    }

    private void start() {
        title("Starting");
        sim = DouyinSimulator.startBlocking(SimulatorOptions.defaults().clock(SimClock.realTime()).app(CLIENT_KEY, CLIENT_SECRET)
                .pacing(BuyerJourney.Pacing.compressed(1000)));
        out.println("  The local Douyin (simulator) listens on " + sim.baseUrl());
        try {
            tihuo = Tihuo.start(config(preferredPort), Clock.systemUTC());
        } catch (IllegalStateException taken) {
            out.println("  (port " + preferredPort + " is taken; the counter page gets a free port instead)");
            tihuo = Tihuo.start(config(0), Clock.systemUTC());
        }
        sim.client().retarget(DouyinPlatformClient.Target.of("http://127.0.0.1:" + tihuo.publicPort(), CLIENT_KEY, CLIENT_SECRET));
        out.println("  tihuo listens on " + tihuo.publicPort() + " for Douyin (SPI) and on " + tihuo.internalPort()
                + " for the merchant API and the counter page; its data: " + work);
        admin = new Api(tihuo.internalPort(), ADMIN_KEY);
        clerk = new Api(tihuo.internalPort(), CLERK_KEY);
    }

    private TihuoConfig config(int internalPort) {
        JsonObject json = new JsonObject()
                .put("listeners", new JsonObject().put("host", "127.0.0.1").put("publicPort", 0).put("internalPort", internalPort))
                .put("database", new JsonObject().put("url", "").put("dataDir", work.resolve("data").toString()).put("poolSize", 8))
                .put("douyin", new JsonObject().put("baseUrl", sim.baseUrl()))
                .put("apps", new JsonArray().add(new JsonObject().put("clientKey", CLIENT_KEY).put("clientSecret", CLIENT_SECRET)))
                .put("merchants", new JsonArray().add(new JsonObject().put("accountId", MERCHANT).put("refundPolicy", "standard")))
                .put("apiKeys", new JsonArray()
                        .add(new JsonObject().put("key", ADMIN_KEY).put("merchant", MERCHANT).put("role", "admin").put("stores", new JsonArray()))
                        .add(new JsonObject().put("key", CLERK_KEY).put("merchant", MERCHANT).put("role", "clerk")
                                .put("stores", new JsonArray().add("jingan"))))
                .put("outbox", new JsonObject().put("poll", "PT0.1S"));
        try {
            Path file = work.resolve("tihuo-demo.json");
            Files.writeString(file, json.encodePrettily());
            return ConfigLoader.load(file, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Summary summary(Order lin, Order wang, String sku500, String sku1l) {
        Map<String, Integer> calls = new LinkedHashMap<>();
        Map<String, String> names = Map.of("/oauth/client_token/", "token (O9)", "/goodlife/v1/goods/product/save/", "save product (G3)",
                "/goodlife/v1/goods/sku/batch_save/", "save SKUs (G4)", O7, "store stock (O7)", O1, "issue-code callback (O1)",
                O3, "verify (O3)", "/goodlife/v1/compre_retail/order/refund/audit/", "refund audit (O2)");
        sim.calls().all().stream().sorted(Comparator.comparingLong(c -> c.seq()))
                .forEach(c -> calls.merge(names.getOrDefault(c.path(), c.path()), 1, Integer::sum));
        List<String> stock = new ArrayList<>();
        boolean matches = true;
        for (Object o : admin.ok(admin.get("/api/v1/stock")).getJsonArray("items")) {
            JsonObject s = (JsonObject) o;
            String store = s.getString("store_id");
            String sku = s.getString("sku_out_id");
            String douyinSku = sku.equals("OOLONG-500ML") ? sku500 : sku1l;
            long onDouyin = sim.state().stockOf(douyinSku, store.equals("jingan") ? POI_JINGAN : POI_XUHUI).orElse(-1L);
            matches &= onDouyin == s.getInteger("available");
            stock.add(String.format("%-7s %-13s tihuo %2d / %d / %2d   Douyin %2d", store, sku, s.getInteger("on_hand"),
                    s.getInteger("reserved"), s.getInteger("available"), onDouyin));
        }
        int refunded = (int) Stream.of(lin, wang).filter(o -> status(o) == PlatformState.OrderStatus.REFUNDED).count();
        return new Summary(2, lin.codes().size(), sim.state().order(wang.orderId()).orElseThrow().codes().size(),
                sim.calls().count(O3), refunded, calls, stock, matches, admin.base + "/counter/", lin.codes().get(1));
    }

    private void awaitStockOnDouyin() {
        eventually("Douyin's stock follows tihuo's", () -> {
            for (Object o : admin.ok(admin.get("/api/v1/stock")).getJsonArray("items")) {
                JsonObject s = (JsonObject) o;
                JsonObject p = admin.ok(admin.get("/api/v1/products/P-OOLONG"));
                String douyinSku = skuId(p, s.getString("sku_out_id"));
                String poi = s.getString("store_id").equals("jingan") ? POI_JINGAN : POI_XUHUI;
                if (douyinSku == null || sim.state().stockOf(douyinSku, poi).orElse(-1L) != s.getInteger("available").longValue()) {
                    return false;
                }
            }
            return true;
        });
    }

    private String douyinStockLine(String sku500, String sku1l) {
        return String.format("Jing'an %d × 500 ml, %d × 1 L; Xuhui %d × 500 ml, %d × 1 L available.",
                sim.state().stockOf(sku500, POI_JINGAN).orElse(-1L), sim.state().stockOf(sku1l, POI_JINGAN).orElse(-1L),
                sim.state().stockOf(sku500, POI_XUHUI).orElse(-1L), sim.state().stockOf(sku1l, POI_XUHUI).orElse(-1L));
    }

    private static String describeLookUp(JsonObject lookUp) {
        StringBuilder text = new StringBuilder("Douyin order ").append(lookUp.getString("order_id", "?"));
        JsonArray units = lookUp.getJsonArray("units");
        if (units != null && !units.isEmpty()) {
            JsonObject unit = units.getJsonObject(0);
            String name = unit.getString("sku_name") != null ? unit.getString("sku_name") : unit.getString("sku", "");
            text.append(", ").append(name).append(", state ").append(unit.getString("state", "?"));
        }
        text.append(", pickup at ").append(lookUp.getString("store_id", "?"))
                .append(Boolean.TRUE.equals(lookUp.getBoolean("at_this_store")) ? " (this store)" : " (another store!)");
        return text.toString();
    }

    private PlatformState.OrderStatus status(Order order) {
        return sim.state().order(order.orderId()).orElseThrow().status();
    }

    private void setStock(String store, String sku, int onHand) {
        admin.ok(admin.put("/api/v1/stock/" + store + "/" + sku, new JsonObject().put("on_hand", onHand)));
    }

    private static String skuId(JsonObject product, String out) {
        return product.getJsonArray("skus").stream().map(JsonObject.class::cast).filter(s -> out.equals(s.getString("sku_out_id")))
                .findFirst().map(s -> s.getString("douyin_sku_id")).orElse(null);
    }

    private void title(String text) {
        out.println();
        out.println("== " + text + " ==");
    }

    private void say(String format, Object... args) {
        out.println();
        out.printf("%2d. %s%n", ++step, String.format(format, args));
    }

    private void detail(String format, Object... args) {
        out.println("    " + String.format(format, args));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("waited 30 s in vain: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    void close() {
        if (tihuo != null) {
            tihuo.close();
            tihuo = null;
        }
        if (sim != null) {
            try {
                sim.close().await(3, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // idle keep-alive connections only
            }
            sim = null;
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory: the system cleans it eventually
        }
    }

    /** The merchant API over plain HTTP with one key. */
    static final class Api {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final String base;
        private final String key;

        Api(int port, String key) {
            this.base = "http://127.0.0.1:" + port;
            this.key = key;
        }

        record Answer(int status, String body) {
            JsonObject json() {
                return new JsonObject(body);
            }
        }

        Answer get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        Answer post(String path, JsonObject body) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body.encode())));
        }

        Answer put(String path, JsonObject body) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body.encode())));
        }

        JsonObject ok(Answer answer) {
            if (answer.status() / 100 != 2) {
                throw new IllegalStateException("the merchant API answered HTTP " + answer.status() + ": " + answer.body());
            }
            return answer.json();
        }

        private Answer send(HttpRequest.Builder request) {
            request.header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(20));
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
