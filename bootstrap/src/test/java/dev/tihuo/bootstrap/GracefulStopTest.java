package dev.tihuo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.DouyinPlatformClient.Spi;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.SpiReply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while many signed S1s are in flight: the process stops accepting, answers or drops what is in flight
 * within the bound, logs that it stopped and exits; after a restart on the same data every answered order is there,
 * and the stock set aside matches the orders exactly (nothing half-written). The restart logs JSON lines.
 */
class GracefulStopTest {
    private static final int REQUESTS = 300;

    @TempDir
    Path dir;

    private DouyinSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = Kit.simulator();
    }

    @AfterEach
    void stopSimulator() {
        Kit.close(sim);
    }

    @Test
    void sigterm_finishes_in_flight_requests_and_loses_no_answered_order() {
        Path config = Kit.write(dir, Kit.configJson(sim.baseUrl(), dir.resolve("data"), null));
        Set<String> answered = new HashSet<>();
        Kit.Catalogue c;
        try (Child first = Child.start(dir, Map.of(), "--config", config.toString()).awaitReady(Duration.ofSeconds(60))) {
            sim.client().retarget(Kit.target(first.publicPort()));
            Kit.Api admin = new Kit.Api(first.internalPort(), Kit.ADMIN_KEY);
            c = Kit.seedCatalogue(admin);
            admin.ok(admin.put("/api/v1/stock/jingan/SKU-NOW-500", new JsonObject().put("on_hand", 10_000)));

            AtomicInteger replies = new AtomicInteger();
            List<Future<SpiReply>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String orderId = String.format("18%017d", i);
                sent.add(sim.client().send(Spi.S1_CREATE_ORDER, createOrder(orderId, c)).onSuccess(r -> {
                    if (r.accepted()) {
                        synchronized (answered) {
                            answered.add(orderId);
                        }
                    }
                    replies.incrementAndGet();
                }));
            }
            Kit.eventually("some S1s answered", Duration.ofSeconds(60), () -> replies.get() >= 10);
            long signalled = System.nanoTime();
            first.process.destroy(); // SIGTERM
            int exit = first.exitWithin(Tihuo.STOP_BOUND.plusSeconds(20));
            long stopMillis = (System.nanoTime() - signalled) / 1_000_000;
            Kit.await(Future.join(sent));
            assertThat(exit).isEqualTo(143);
            assertThat(first.out()).contains("tihuo stopping: no new requests").containsPattern("tihuo stopped in \\d+ ms");
            assertThat(stopMillis).as("stop took %d ms", stopMillis).isLessThan(Tihuo.STOP_BOUND.plusSeconds(15).toMillis());
            assertThat(answered).isNotEmpty();
            System.out.printf("[graceful stop] %d of %d S1 answered before the stop; stopped %d ms after SIGTERM%n",
                    answered.size(), REQUESTS, stopMillis);
        }

        try (Child second = Child.start(dir, Map.of("TIHUO_LOGGING_FORMAT", "json"), "--config", config.toString())
                .awaitReady(Duration.ofSeconds(60))) {
            Kit.Api admin = new Kit.Api(second.internalPort(), Kit.ADMIN_KEY);
            Kit.Api.Answer ready = new Kit.Api(second.internalPort(), null).get("/ready");
            assertThat(ready.status()).as("ready after a restart: " + ready.body()).isEqualTo(200);
            for (String orderId : answered) {
                Kit.Api.Answer order = admin.get("/api/v1/orders/" + orderId);
                assertThat(order.status()).as("answered order %s after restart: %s", orderId, order.body()).isEqualTo(200);
            }
            int stored = countOrders(admin);
            assertThat(stored).isGreaterThanOrEqualTo(answered.size());
            JsonObject stock = admin.ok(admin.get("/api/v1/stock?store_id=jingan")).getJsonArray("items").stream()
                    .map(JsonObject.class::cast).filter(s -> "SKU-NOW-500".equals(s.getString("sku_out_id"))).findFirst().orElseThrow();
            assertThat(stock.getInteger("reserved")).as("units set aside = orders stored").isEqualTo(stored);

            // logging.format=json: every line on stdout is one JSON object
            List<String> lines = second.out().lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(new JsonObject(l).getString("level")).isNotNull());
            assertThat(lines).anyMatch(l -> new JsonObject(l).getString("formattedMessage", "").startsWith("tihuo ready in "));
            second.process.destroy();
            assertThat(second.exitWithin(Tihuo.STOP_BOUND.plusSeconds(20))).isEqualTo(143);
            assertThat(second.out().lines().filter(l -> !l.isBlank()).map(JsonObject::new))
                    .anyMatch(j -> j.getString("formattedMessage", "").startsWith("tihuo stopped in "));
        }
    }

    private static int countOrders(Kit.Api admin) {
        int count = 0;
        String cursor = null;
        do {
            JsonObject page = admin.ok(admin.get("/api/v1/orders?limit=200" + (cursor == null ? "" : "&cursor=" + cursor)));
            count += page.getJsonArray("items").size();
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return count;
    }

    private static JsonObject createOrder(String orderId, Kit.Catalogue c) {
        return new JsonObject().put("order_id", orderId).put("open_id", "_000graceful").put("account_id", Kit.MERCHANT)
                .put("poi_id", Kit.POI_JINGAN)
                .put("sku_list", new JsonArray().add(new JsonObject().put("sku_id", c.nowSkuA()).put("product_id", c.nowProductId())
                        .put("count", 1).put("unit_amount", 1800)))
                .put("amount", new JsonObject().put("origin_amount", 1800).put("discount_amount", 0).put("pay_amount", 1800));
    }
}
