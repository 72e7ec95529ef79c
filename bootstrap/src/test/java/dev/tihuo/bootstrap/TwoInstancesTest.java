package dev.tihuo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.DouyinPlatformClient;
import dev.tihuo.simulator.DouyinPlatformClient.Spi;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.PlatformState;
import dev.tihuo.simulator.Purchase;
import dev.tihuo.simulator.RecordedCall;
import dev.tihuo.simulator.SpiReply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tihuo instances on one PostgreSQL schema, one simulated Douyin. Douyin's calls go to either instance at random
 * (its target flips every few milliseconds) and every create, issue, refund and refund notice is sent to both once
 * more; clerks at both instances redeem the same codes at the same moment. Nothing happens twice: each order once,
 * codes unique, each O1 and O3 reaches Douyin exactly once, the shared token is fetched once.
 */
@RequiresPostgres
class TwoInstancesTest {
    private static final String O1 = "/goodlife/v1/compre_retail/fulfilment/create/callback/";
    private static final String O3 = "/goodlife/v1/compre_retail/fulfilment/certificate/verify/";
    private static final String O9 = "/oauth/client_token/";

    @TempDir
    Path dir;

    @Test
    void a_mixed_load_on_two_instances_has_no_double_effects() throws Exception {
        DouyinSimulator sim = Kit.simulator();
        try (RequiresPostgres.Schema schema = new RequiresPostgres.Schema()) {
            JsonObject json = Kit.configJson(sim.baseUrl(), null, schema.url());
            json.getJsonObject("database").put("user", RequiresPostgres.USER).put("password", RequiresPostgres.PASSWORD);
            try (Tihuo a = Tihuo.start(Kit.config(dir, json), Clock.systemUTC());
                 Tihuo b = Tihuo.start(Kit.config(dir, json), Clock.systemUTC())) {
                run(sim, a, b);
            }
        } finally {
            Kit.close(sim);
        }
    }

    private void run(DouyinSimulator sim, Tihuo a, Tihuo b) throws Exception {
        Kit.Api adminA = new Kit.Api(a.internalPort(), Kit.ADMIN_KEY);
        Kit.Api adminB = new Kit.Api(b.internalPort(), Kit.ADMIN_KEY);
        assertThat(new Kit.Api(a.internalPort(), null).get("/ready").status()).isEqualTo(200);
        assertThat(new Kit.Api(b.internalPort(), null).get("/ready").status()).as("the second instance (schema migrated by the first)")
                .isEqualTo(200);
        sim.client().retarget(Kit.target(a.publicPort()));
        Kit.Catalogue c = Kit.seedCatalogue(adminA);

        DouyinPlatformClient toA = new DouyinPlatformClient(sim.vertx(), sim.clock(), Kit.target(a.publicPort()));
        DouyinPlatformClient toB = new DouyinPlatformClient(sim.vertx(), sim.clock(), Kit.target(b.publicPort()));
        AtomicBoolean flipping = new AtomicBoolean(true);
        Thread flipper = new Thread(() -> {
            boolean toFirst = true;
            while (flipping.get()) {
                sim.client().retarget(Kit.target((toFirst = !toFirst) ? a.publicPort() : b.publicPort()));
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        flipper.start();

        // 1. purchases: 20 with codes at once, 10 through the callback, at both stores
        List<Future<PlatformState.Order>> buying = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String poi = i % 2 == 0 ? Kit.POI_JINGAN : Kit.POI_XUHUI;
            buying.add(sim.journey().buy(i < 20
                    ? Purchase.afterPay(Kit.MERCHANT, poi, c.nowProductId(), i % 3 == 0 ? c.nowSkuB() : c.nowSkuA(), 1 + i % 2, 1800)
                    : Purchase.afterPay(Kit.MERCHANT, poi, c.cbProductId(), c.cbSku(), 1, 6800)));
        }
        List<PlatformState.Order> orders = Kit.await(Future.all(buying)).list();
        List<PlatformState.Order> atOnce = orders.subList(0, 20);
        List<PlatformState.Order> byCallback = orders.subList(20, 30);
        assertThat(atOnce).allMatch(o -> o.status() == PlatformState.OrderStatus.ISSUED);
        Kit.eventually("every callback order got its code through O1", Duration.ofSeconds(60), () -> byCallback.stream()
                .allMatch(o -> sim.state().order(o.orderId()).orElseThrow().status() == PlatformState.OrderStatus.ISSUED));

        // 2. refunds of one unit of six orders (S5 then S6)
        List<Future<PlatformState.AfterSale>> refunds = new ArrayList<>();
        for (PlatformState.Order o : atOnce.subList(0, 6)) {
            refunds.add(sim.journey().applyRefund(o.orderId(), 1));
        }
        Kit.await(Future.all(refunds));
        Kit.eventually("six refunds settled", Duration.ofSeconds(30), () -> atOnce.subList(0, 6).stream()
                .allMatch(o -> sim.state().afterSalesOf(o.orderId()).stream()
                        .allMatch(as -> as.status() == PlatformState.AfterSaleStatus.SUCCEEDED)));

        // 3. Douyin repeats every create, issue, refund apply and refund notice to both instances at once
        List<Future<SpiReply>> repeats = new ArrayList<>();
        for (DouyinPlatformClient.Exchange e : sim.client().exchanges()) {
            Spi spi = Spi.valueOf(e.name());
            if (spi == Spi.S1_CREATE_ORDER || spi == Spi.S4_ISSUE_CODE || spi == Spi.S5_REFUND_APPLY || spi == Spi.S6_REFUND_NOTIFY) {
                repeats.add(toA.send(spi, new JsonObject(e.body())));
                repeats.add(toB.send(spi, new JsonObject(e.body())));
            }
        }
        List<SpiReply> repeated = Kit.await(Future.all(repeats)).list();
        assertThat(repeated).allSatisfy(r -> assertThat(r.errorCode()).as(r.toString()).isZero());
        flipping.set(false);
        flipper.join();

        // 4. clerks at both instances redeem the same code at the same moment: once each
        List<String> codes = new ArrayList<>();
        for (PlatformState.Order o : atOnce.subList(6, 14)) {
            JsonObject detail = adminA.ok(adminA.get("/api/v1/orders/" + o.orderId()));
            JsonObject voucher = detail.getJsonArray("vouchers").getJsonObject(0);
            String store = detail.getJsonObject("order").getString("store_id");
            codes.add(voucher.getString("code"));
            JsonObject body = new JsonObject().put("code", voucher.getString("code")).put("store_id", store);
            CompletableFuture<Kit.Api.Answer> atA = CompletableFuture.supplyAsync(() -> adminA.post("/api/v1/counter/redeem", body));
            CompletableFuture<Kit.Api.Answer> atB = CompletableFuture.supplyAsync(() -> adminB.post("/api/v1/counter/redeem", body));
            List<Integer> statuses = List.of(atA.get().status(), atB.get().status());
            assertThat(statuses).as("%s / %s", atA.get().body(), atB.get().body()).containsExactlyInAnyOrder(200, 409);
        }
        Kit.eventually("eight redemptions reached Douyin", Duration.ofSeconds(30), () -> sim.calls().count(O3) >= 8);
        Kit.eventually("both outboxes drained", Duration.ofSeconds(30),
                () -> outboxEmpty(new Kit.Api(a.internalPort(), null)) && outboxEmpty(new Kit.Api(b.internalPort(), null)));

        // each order once, the same everywhere
        Set<String> douyinIds = orders.stream().map(PlatformState.Order::orderId).collect(Collectors.toSet());
        List<String> listed = listOrders(adminB);
        assertThat(listed).hasSize(30).doesNotHaveDuplicates();
        assertThat(new HashSet<>(listed)).isEqualTo(douyinIds);
        // codes unique, one per unit
        List<String> allCodes = new ArrayList<>();
        int units = 0;
        for (PlatformState.Order o : orders) {
            JsonObject detail = adminB.ok(adminB.get("/api/v1/orders/" + o.orderId()));
            units += o.count();
            detail.getJsonArray("vouchers").forEach(v -> allCodes.add(((JsonObject) v).getString("code")));
            assertThat(detail.getJsonObject("order").getString("order_out_id")).isEqualTo(o.orderOutId());
        }
        assertThat(allCodes).hasSize(units).doesNotContainNull().doesNotHaveDuplicates();
        // each O1 and O3 delivered to Douyin exactly once
        Map<String, Long> o1PerOrder = sim.calls().forPath(O1).stream()
                .collect(Collectors.groupingBy(call -> call.json().getString("order_id"), Collectors.counting()));
        assertThat(o1PerOrder).hasSize(10).allSatisfy((order, count) -> assertThat(count).as(order).isEqualTo(1));
        assertThat(sim.calls().forPath(O3)).hasSize(8);
        for (PlatformState.Order o : atOnce.subList(6, 14)) {
            long verifications = sim.state().order(o.orderId()).orElseThrow().certificates().stream()
                    .mapToLong(cert -> cert.verifications().size()).sum();
            assertThat(verifications).as("verifications of %s", o.orderId()).isEqualTo(1);
        }
        // refunds: six units refunded once each, on both sides
        long refunded = orders.stream().flatMap(o -> adminA.ok(adminA.get("/api/v1/orders/" + o.orderId()))
                .getJsonArray("vouchers").stream()).map(JsonObject.class::cast).filter(v -> "REFUNDED".equals(v.getString("state"))).count();
        assertThat(refunded).isEqualTo(6);
        // one token for both instances, fetched once
        List<RecordedCall> tokenCalls = sim.calls().forPath(O9);
        assertThat(tokenCalls).hasSize(1);
        System.out.printf("[two instances] 30 orders, %d codes, %d O1, %d O3, %d token fetch, %d repeats answered%n",
                allCodes.size(), sim.calls().count(O1), sim.calls().count(O3), tokenCalls.size(), repeated.size());
        toA.close();
        toB.close();
    }

    private static boolean outboxEmpty(Kit.Api ops) {
        String outbox = ops.get("/ready").json().getJsonObject("checks").getString("outbox");
        assertThat(outbox).as("the outbox check of /ready").isNotNull();
        return outbox.contains("pending 0,");
    }

    private static List<String> listOrders(Kit.Api admin) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = admin.ok(admin.get("/api/v1/orders?limit=200" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.getJsonArray("items").forEach(o -> ids.add(((JsonObject) o).getString("order_id")));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return ids;
    }
}
