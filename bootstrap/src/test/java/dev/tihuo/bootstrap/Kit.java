package dev.tihuo.bootstrap;

import dev.tihuo.bootstrap.config.ConfigLoader;
import dev.tihuo.bootstrap.config.TihuoConfig;
import dev.tihuo.simulator.BuyerJourney;
import dev.tihuo.simulator.DouyinPlatformClient;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.SimClock;
import dev.tihuo.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** What the bootstrap tests share: one app, one merchant, its keys, a catalogue, a merchant API client. */
final class Kit {
    static final String CLIENT_KEY = "awTIHUOBOOTTEST";
    static final String CLIENT_SECRET = "boot-test-secret-0123456789abcdef";
    static final String MERCHANT = "7000000000000000001";
    static final String ADMIN_KEY = "boot-test-admin-key-0001";
    static final String CLERK_KEY = "boot-test-clerk-key-jingan-01";
    static final String POI_JINGAN = "6600000000000000001";
    static final String POI_XUHUI = "6600000000000000002";

    private Kit() {}

    /** A configuration file: ports 0 on 127.0.0.1, Douyin at {@code douyinBaseUrl}, H2 in {@code dataDir} or {@code dbUrl}. */
    static JsonObject configJson(String douyinBaseUrl, Path dataDir, String dbUrl) {
        return new JsonObject()
                .put("listeners", new JsonObject().put("host", "127.0.0.1").put("publicPort", 0).put("internalPort", 0))
                .put("database", new JsonObject().put("url", dbUrl == null ? "" : dbUrl).put("user", dbUrl == null ? "" : "postgres")
                        .put("dataDir", dataDir == null ? "./unused" : dataDir.toString()).put("poolSize", 8))
                .put("douyin", new JsonObject().put("baseUrl", douyinBaseUrl))
                .put("apps", new JsonArray().add(new JsonObject().put("clientKey", CLIENT_KEY).put("clientSecret", CLIENT_SECRET)))
                .put("merchants", new JsonArray().add(new JsonObject().put("accountId", MERCHANT).put("refundPolicy", "standard")))
                .put("apiKeys", new JsonArray()
                        .add(new JsonObject().put("key", ADMIN_KEY).put("merchant", MERCHANT).put("role", "admin").put("stores", new JsonArray()))
                        .add(new JsonObject().put("key", CLERK_KEY).put("merchant", MERCHANT).put("role", "clerk")
                                .put("stores", new JsonArray().add("jingan"))))
                .put("outbox", new JsonObject().put("poll", "PT0.05S"));
    }

    static Path write(Path dir, JsonObject json) {
        try {
            Path file = Files.createTempFile(dir, "tihuo-", ".json");
            Files.writeString(file, json.encodePrettily());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TihuoConfig config(Path dir, JsonObject json) {
        return ConfigLoader.load(write(dir, json), Map.of());
    }

    /** A simulator in real time (tihuo checks SPI timestamps against its own clock), retries compressed. */
    static DouyinSimulator simulator() {
        return DouyinSimulator.startBlocking(SimulatorOptions.defaults().clock(SimClock.realTime())
                .app(CLIENT_KEY, CLIENT_SECRET).pacing(BuyerJourney.Pacing.compressed(1000)));
    }

    static DouyinPlatformClient.Target target(int publicPort) {
        return DouyinPlatformClient.Target.of("http://127.0.0.1:" + publicPort, CLIENT_KEY, CLIENT_SECRET);
    }

    /** Closes the simulator, not waiting long: its server may hold idle keep-alive connections of a stopped tihuo. */
    static void close(DouyinSimulator sim) {
        try {
            sim.close().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // idle connections only; the JVM of the test ends them
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void eventually(String what, Duration within, BooleanSupplier condition) {
        long end = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The merchant API (and /health, /ready, /metrics) of one instance, over plain HTTP. */
    static final class Api {
        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final String base;
        final String key;

        Api(int internalPort, String key) {
            this.base = "http://127.0.0.1:" + internalPort;
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
                throw new AssertionError("HTTP " + answer.status() + ": " + answer.body());
            }
            return answer.json();
        }

        private Answer send(HttpRequest.Builder request) {
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            try {
                HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The catalogue: two stores; P-NOW (codes at once, two SKUs) and P-CB (codes by callback), stock 50 each. */
    record Catalogue(String nowProductId, String nowSkuA, String nowSkuB, String cbProductId, String cbSku) {}

    static Catalogue seedCatalogue(Api admin) {
        admin.ok(admin.post("/api/v1/stores", new JsonObject().put("store_id", "jingan").put("poi_id", POI_JINGAN).put("name", "静安店")));
        admin.ok(admin.post("/api/v1/stores", new JsonObject().put("store_id", "xuhui").put("poi_id", POI_XUHUI).put("name", "徐汇店")));
        admin.ok(admin.post("/api/v1/products", product("P-NOW", "乌龙茶", "AT_ONCE")
                .put("skus", new JsonArray().add(sku("SKU-NOW-500", "乌龙茶 500 ml", 1800)).add(sku("SKU-NOW-1L", "乌龙茶 1 L", 3000)))));
        admin.ok(admin.post("/api/v1/products", product("P-CB", "咖啡豆", "BY_CALLBACK")
                .put("skus", new JsonArray().add(sku("SKU-CB-250", "咖啡豆 250 g", 6800)))));
        for (String store : new String[] {"jingan", "xuhui"}) {
            for (String sku : new String[] {"SKU-NOW-500", "SKU-NOW-1L", "SKU-CB-250"}) {
                admin.ok(admin.put("/api/v1/stock/" + store + "/" + sku, new JsonObject().put("on_hand", 50)));
            }
        }
        admin.ok(admin.post("/api/v1/products/P-NOW/publish", null));
        admin.ok(admin.post("/api/v1/products/P-CB/publish", null));
        eventually("both products linked to Douyin", Duration.ofSeconds(30),
                () -> linked(admin, "P-NOW") && linked(admin, "P-CB"));
        JsonObject now = admin.ok(admin.get("/api/v1/products/P-NOW"));
        JsonObject cb = admin.ok(admin.get("/api/v1/products/P-CB"));
        return new Catalogue(now.getString("douyin_product_id"), skuId(now, "SKU-NOW-500"), skuId(now, "SKU-NOW-1L"),
                cb.getString("douyin_product_id"), skuId(cb, "SKU-CB-250"));
    }

    private static boolean linked(Api admin, String product) {
        JsonObject p = admin.ok(admin.get("/api/v1/products/" + product));
        return p.getString("douyin_product_id") != null && p.getJsonArray("skus").stream()
                .allMatch(s -> ((JsonObject) s).getString("douyin_sku_id") != null);
    }

    private static String skuId(JsonObject product, String out) {
        return product.getJsonArray("skus").stream().map(JsonObject.class::cast)
                .filter(s -> out.equals(s.getString("sku_out_id"))).findFirst().orElseThrow().getString("douyin_sku_id");
    }

    private static JsonObject product(String id, String name, String issuing) {
        return new JsonObject().put("product_out_id", id).put("name", name).put("code_issuing", issuing).put("validity_days", 30);
    }

    private static JsonObject sku(String out, String name, long price) {
        return new JsonObject().put("sku_out_id", out).put("name", name).put("price_fen", price);
    }
}
