package dev.tihuo.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.DouyinPlatformClient;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.PlatformState;
import dev.tihuo.simulator.SpiReply;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One scenario's world (picocontainer makes one per scenario and hands it to every step class): the merchant
 * account it uses, the names of the feature mapped to ids on both sides, and the last answer tihuo gave.
 */
public final class World {
    final Stack stack = Stack.get();
    final DouyinSimulator sim = stack.sim;
    final MerchantApi api = new MerchantApi(stack.internalBaseUrl);

    Stack.Merchant merchant;
    /** Douyin's app-wide call log position when the scenario started. */
    int callsAtStart;

    /** Store name → Douyin POI id (a store Douyin knows but tihuo does not has a POI id only). */
    final Map<String, String> pois = new LinkedHashMap<>();
    /** SKU name → Douyin ids and our SKU id. */
    final Map<String, Sku> skus = new LinkedHashMap<>();
    String productOutId;
    String douyinProductId;
    String codeIssuing = "AT_ONCE";
    PlatformState.Mode mode = PlatformState.Mode.AFTER_PAY;

    /** Order name of the feature ("D-1001") → Douyin's order id. */
    final Map<String, String> orders = new HashMap<>();
    /** After-sale name ("R-1") → Douyin's after-sale id (our after-sale id too: biz_uniq_key). */
    final Map<String, String> afterSales = new HashMap<>();
    /** Codes the clerks redeemed, per order name, in order. */
    final Map<String, List<String>> redeemed = new HashMap<>();
    /** tihuo's answer to the last redemption of a Douyin code, per order name (its verify id, certificate, SKU). */
    final Map<String, JsonObject> douyinRedemptions = new HashMap<>();

    /** tihuo's last answer to Douyin or to a clerk, and the one before (for "the same as the first time"). */
    Answer answer;
    Answer previousAnswer;
    /** Douyin's call log size when "nothing new" starts counting. */
    int callsBaseline;
    /** Requests Douyin had sent to tihuo when the current step began (see {@link Hooks}). */
    int exchangesAtStep;
    /** Messages tihuo had waiting for Douyin when the scenario began (left over by earlier scenarios). */
    double waitingAtStart;

    record Sku(String name, String outId, String douyinSkuId, String douyinProductId, long priceFen) {}

    /** An answer of tihuo: to an SPI call or webhook ({@code spi}), or to the counter ({@code counter}). */
    record Answer(SpiReply spi, MerchantApi.Reply counter) {
        static Answer of(SpiReply r) {
            return new Answer(r, null);
        }

        static Answer of(MerchantApi.Reply r) {
            return new Answer(null, r);
        }
    }

    // ------------------------------------------------------------------ helpers

    static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("simulator call failed: " + e.getMessage(), e);
        }
    }

    void answered(SpiReply reply) {
        previousAnswer = answer;
        answer = Answer.of(reply);
    }

    void answered(MerchantApi.Reply reply) {
        previousAnswer = answer;
        answer = Answer.of(reply);
    }

    /** The reply to the last request of this kind that Douyin sent (the journey's methods return Douyin's view). */
    SpiReply lastReply(DouyinPlatformClient.Spi spi) {
        List<DouyinPlatformClient.Exchange> all = sim.client().exchanges();
        for (int i = all.size() - 1; i >= exchangesAtStep; i--) {
            DouyinPlatformClient.Exchange e = all.get(i);
            if (e.name().startsWith(spi.name())) {
                return e.reply();
            }
        }
        throw new AssertionError("Douyin sent no " + spi + " in this step");
    }

    SpiReply lastExchangeReply() {
        List<DouyinPlatformClient.Exchange> all = sim.client().exchanges();
        return all.get(all.size() - 1).reply();
    }

    String admin() {
        return merchant.adminKey();
    }

    String storeId(String storeName) {
        return merchant.storeId(storeName);
    }

    String poi(String storeName) {
        String poi = pois.get(storeName);
        assertThat(poi).as("store " + storeName).isNotNull();
        return poi;
    }

    Sku sku(String name) {
        Sku s = skus.get(name);
        assertThat(s).as("SKU " + name).isNotNull();
        return s;
    }

    String orderId(String name) {
        String id = orders.get(name);
        assertThat(id).as("order " + name + " was never sent by Douyin").isNotNull();
        return id;
    }

    String afterSaleId(String name) {
        String id = afterSales.get(name);
        assertThat(id).as("after-sale " + name).isNotNull();
        return id;
    }

    PlatformState.Order douyinOrder(String name) {
        return sim.state().order(orderId(name)).orElseThrow(() -> new AssertionError("Douyin has no order " + name));
    }

    Optional<JsonObject> tihuoOrder(String name) {
        String id = orders.get(name);
        if (id == null) {
            return Optional.empty();
        }
        MerchantApi.Reply r = api.get(admin(), "/orders/" + id);
        if (r.status() == 404) {
            return Optional.empty();
        }
        r.orFail("reading order " + name);
        return Optional.of(r.body());
    }

    JsonObject tihuoOrderOrFail(String name) {
        return tihuoOrder(name).orElseThrow(() -> new AssertionError("tihuo has no order " + name));
    }

    List<JsonObject> vouchers(String name) {
        JsonArray vs = tihuoOrderOrFail(name).getJsonArray("vouchers", new JsonArray());
        List<JsonObject> list = new ArrayList<>();
        vs.forEach(v -> list.add((JsonObject) v));
        return list;
    }

    JsonObject stock(String storeName, String skuName) {
        JsonObject body = api.get(admin(), "/stock?store_id=" + storeId(storeName)).orFail("reading stock").body();
        JsonArray list = body.getJsonArray("items", new JsonArray());
        for (Object o : list) {
            JsonObject level = (JsonObject) o;
            if (sku(skuName).outId().equals(level.getString("sku_out_id"))
                    && storeId(storeName).equals(level.getString("store_id"))) {
                return level;
            }
        }
        return new JsonObject().put("on_hand", 0).put("reserved", 0).put("available", 0);
    }

    /** Waits (bounded) until tihuo has nothing left to deliver to Douyin. */
    void quiet() {
        quiet(Duration.ofSeconds(3), waitingAtStart);
    }

    void quiet(Duration max, double leftOver) {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (outboxWaiting() <= leftOver) {
                return;
            }
            Eventually.sleep(30);
        }
    }

    double outboxWaiting() {
        for (String line : api.metrics(stack.internalBaseUrl).split("\n")) {
            if (line.startsWith("tihuo_outbox_pending")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** Sets how tihuo issues the codes of the merchant's product (D3): at once, or through the callback. */
    void codeIssuing(String how) {
        codeIssuing = how;
        JsonArray list = new JsonArray();
        skus.values().stream().filter(s -> s.douyinProductId().equals(douyinProductId)).forEach(s -> list.add(
                new JsonObject().put("sku_out_id", s.outId()).put("name", s.name()).put("price_fen", s.priceFen())
                        .put("douyin_sku_id", s.douyinSkuId())));
        api.put(admin(), "/products/" + productOutId, new JsonObject().put("name", "Oolong").put("code_issuing", how)
                .put("validity_days", 30).put("skus", list)).orFail("changing how codes are issued");
    }
}
