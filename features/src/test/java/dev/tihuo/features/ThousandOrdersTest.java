package dev.tihuo.features;

import static dev.tihuo.features.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.PlatformState;
import dev.tihuo.simulator.PlatformState.AfterSaleStatus;
import dev.tihuo.simulator.PlatformState.CertStatus;
import dev.tihuo.simulator.PlatformState.Mode;
import dev.tihuo.simulator.PlatformState.OrderStatus;
import dev.tihuo.simulator.Purchase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A scripted run of 1,000 orders through the simulator against tihuo on H2: every order ends in its expected state
 * on both sides, and the two sides agree order by order (codes, certificates, redemptions, callbacks, refunds).
 *
 * <p>The stack is the features' own ({@link Stack}: tihuo on a durable H2 file, the simulator on a virtual clock);
 * this test takes one merchant account from its pool. Douyin's side is driven through the simulator's client (its
 * signed SPI calls), the merchant's through tihuo's merchant API. The script, by order index {@code i}:
 *
 * <ul>
 *   <li>{@code i % 10} 0–5 (60 %): issued at once and kept (0–3 created after payment, 4–5 before payment, then
 *       paid);</li>
 *   <li>6 (10 %): cancelled before the codes were issued (before payment for even {@code i / 10}, else after);</li>
 *   <li>7 (10 %): issued, then refunded (the buyer asks, tihuo approves, Douyin refunds and says so);</li>
 *   <li>8 (10 %): issued by callback (tihuo answers "issuing", then sends the codes with O1);</li>
 *   <li>9 (10 %): issued, then every code redeemed at the counter of the chosen store (O3 to Douyin).</li>
 * </ul>
 * Orders alternate between the two stores ({@code (i / 10) % 2}) and buy 1 or 2 units ({@code 1 + i % 2}).
 */
class ThousandOrdersTest {
    private static final int ORDERS = 1_000;
    private static final int THREADS = Integer.getInteger("thousand.threads", 6);
    private static final int ON_HAND = 1_000;
    private static final String AT_ONCE = "oolong-500ml";
    private static final String BY_CALLBACK = "jasmine-250g";
    private static final long PRICE = 3900;

    enum Fate { KEPT, CANCELLED, REFUNDED, BY_CALLBACK, REDEEMED }

    record Script(int index, Fate fate, Mode mode, String store, String sku, int units) {
        static Script of(int i) {
            int slot = i % 10;
            Fate fate = slot <= 5 ? Fate.KEPT : switch (slot) {
                case 6 -> Fate.CANCELLED;
                case 7 -> Fate.REFUNDED;
                case 8 -> Fate.BY_CALLBACK;
                default -> Fate.REDEEMED;
            };
            Mode mode = (slot == 4 || slot == 5 || (slot == 6 && (i / 10) % 2 == 0)) ? Mode.BEFORE_PAY : Mode.AFTER_PAY;
            String store = Stack.STORE_NAMES.get((i / 10) % 2);
            return new Script(i, fate, mode, store, fate == Fate.BY_CALLBACK ? BY_CALLBACK : AT_ONCE, 1 + i % 2);
        }
    }

    private final Stack stack = Stack.get();
    private final DouyinSimulator sim = stack.sim;
    private final MerchantApi api = new MerchantApi(stack.internalBaseUrl);
    private Stack.Merchant merchant;
    private final Map<String, String> pois = new TreeMap<>();
    /** our SKU id → Douyin's ids {product, sku}. */
    private final Map<String, String[]> douyinIds = new TreeMap<>();

    @Test
    void aThousandOrdersEndAsScriptedOnBothSides() throws Exception {
        merchant = stack.nextMerchant(false);
        seed();
        Instant clockBefore = sim.clock().instant();
        long started = System.nanoTime();

        List<Script> scripts = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            scripts.add(Script.of(i));
        }
        String[] orderIds = new String[ORDERS];
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            runAll(pool, i -> {
                orderIds[i] = drive(scripts.get(i));
                return null;
            }, failures);
            assertThat(failures).as("orders the script could not drive").isEmpty();
            long driven = System.nanoTime();
            runAll(pool, i -> {
                check(scripts.get(i), orderIds[i]);
                return null;
            }, failures);
            assertThat(failures).as("orders on which tihuo, Douyin and the script disagree (" + failures.size() + ")")
                    .isEmpty();
            checkStock(scripts);
            long done = System.nanoTime();

            Map<String, Integer> counts = new TreeMap<>();
            for (Script s : scripts) {
                counts.merge(expectedTihuoState(s), 1, Integer::sum);
            }
            assertThat(sim.clock().instant()).as("no retry moved Douyin's clock").isEqualTo(clockBefore);
            System.out.printf("ThousandOrdersTest: %d orders agree on both sides %s in %.1f s (driving %.1f s, "
                            + "checking %.1f s, %d threads)%n", ORDERS, counts, (done - started) / 1e9,
                    (driven - started) / 1e9, (done - driven) / 1e9, THREADS);
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ set-up through the merchant API

    private void seed() {
        int n = merchant.number();
        int i = 1;
        for (String store : Stack.STORE_NAMES) {
            String poi = String.format("77%06d%02d", n, i++);
            pois.put(store, poi);
            api.post(merchant.adminKey(), "/stores", new JsonObject().put("store_id", merchant.storeId(store))
                    .put("poi_id", poi).put("name", store)).orFail("creating store " + store);
        }
        product("tea-" + n, AT_ONCE, "Oolong 500 ml", "AT_ONCE");
        product("flower-" + n, BY_CALLBACK, "Jasmine 250 g", "BY_CALLBACK");
        for (String store : Stack.STORE_NAMES) {
            for (String sku : List.of(AT_ONCE, BY_CALLBACK)) {
                api.put(merchant.adminKey(), "/stock/" + merchant.storeId(store) + "/" + sku,
                        new JsonObject().put("on_hand", ON_HAND)).orFail("setting stock");
            }
        }
        for (String store : Stack.STORE_NAMES) {
            for (String sku : List.of(AT_ONCE, BY_CALLBACK)) {
                eventually(() -> assertThat(sim.state().stockOf(douyinIds.get(sku)[1], pois.get(store)).orElse(0L))
                        .as("Douyin sees the stock of " + sku + " at " + store).isEqualTo((long) ON_HAND));
            }
        }
    }

    /** tihuo's code issuing is a product's setting (D3), so each way of issuing has a product of its own. */
    private void product(String productOutId, String skuOutId, String name, String codeIssuing) {
        PlatformState.Product p = sim.state().seedProduct(merchant.accountId(), productOutId, name,
                List.copyOf(pois.values()), List.of(new JsonObject().put("out_sku_id", skuOutId).put("sku_name", name)
                        .put("actual_amount", PRICE)));
        String skuId = p.skuIds().get(0);
        douyinIds.put(skuOutId, new String[] {p.productId(), skuId});
        api.post(merchant.adminKey(), "/products", new JsonObject().put("product_out_id", productOutId)
                .put("name", name).put("code_issuing", codeIssuing).put("validity_days", 30)
                .put("skus", new JsonArray().add(new JsonObject().put("sku_out_id", skuOutId).put("name", name)
                        .put("price_fen", PRICE)))).orFail("creating product " + productOutId);
        api.put(merchant.adminKey(), "/products/" + productOutId + "/douyin", new JsonObject()
                .put("douyin_product_id", p.productId()).put("sku_ids", new JsonObject().put(skuOutId, skuId)))
                .orFail("linking " + productOutId);
    }

    // ------------------------------------------------------------------ the script

    /** Drives one order through its script; returns Douyin's order id. */
    private String drive(Script s) {
        String[] ids = douyinIds.get(s.sku());
        Purchase purchase = new Purchase(s.mode(), merchant.accountId(), pois.get(s.store()), ids[0], ids[1], null,
                s.sku(), s.units(), PRICE, 0, "_000thousand_" + s.index());
        PlatformState.Order o = World.await(sim.journey().createOrder(purchase));
        String id = o.orderId();
        assertThat(o.status()).as("Douyin's order " + s + " after create " + o.history())
                .isEqualTo(s.mode() == Mode.AFTER_PAY ? OrderStatus.PAID : OrderStatus.CREATED);
        if (s.fate() == Fate.CANCELLED) {
            World.await(sim.journey().cancel(id));
            return id;
        }
        o = World.await(s.mode() == Mode.BEFORE_PAY ? sim.journey().pay(id, true) : sim.journey().issue(id));
        OrderStatus afterIssue = s.fate() == Fate.BY_CALLBACK ? OrderStatus.ISSUING : OrderStatus.ISSUED;
        assertThat(o.status()).as("Douyin's order " + s + " after issue " + o.history()).isEqualTo(afterIssue);
        switch (s.fate()) {
            case REFUNDED -> {
                PlatformState.AfterSale as = World.await(sim.journey().applyRefund(id, s.units()));
                eventually(() -> assertThat(sim.state().afterSale(as.afterSaleId()).orElseThrow().status())
                        .as("Douyin's after-sale of " + s).isIn(AfterSaleStatus.APPROVED, AfterSaleStatus.AUTO_APPROVED));
                World.await(sim.journey().refund(as.afterSaleId()));
            }
            case REDEEMED -> {
                String clerk = merchant.clerkKey(s.store());
                for (String code : codes(id)) {
                    api.post(clerk, "/counter/redeem", new JsonObject().put("code", code)
                            .put("store_id", merchant.storeId(s.store()))).orFail("redeeming a code of " + s);
                }
            }
            default -> { }
        }
        return id;
    }

    private List<String> codes(String orderId) {
        synchronized (sim.state()) {
            return sim.state().order(orderId).orElseThrow().certificates().stream().map(PlatformState.Certificate::code)
                    .toList();
        }
    }

    // ------------------------------------------------------------------ the comparison

    private static String expectedTihuoState(Script s) {
        return switch (s.fate()) {
            case KEPT, BY_CALLBACK -> "ISSUED";
            case CANCELLED -> "CANCELLED";
            case REFUNDED -> "REFUNDED";
            case REDEEMED -> "REDEEMED";
        };
    }

    private static OrderStatus expectedDouyinState(Script s) {
        return switch (s.fate()) {
            case KEPT, BY_CALLBACK, REDEEMED -> OrderStatus.ISSUED;
            case CANCELLED -> OrderStatus.CANCELLED;
            case REFUNDED -> OrderStatus.REFUNDED;
        };
    }

    private static String expectedVoucherState(Script s) {
        return switch (s.fate()) {
            case KEPT, BY_CALLBACK -> "VALID";
            case REFUNDED -> "REFUNDED";
            case REDEEMED -> "REDEEMED";
            case CANCELLED -> null;
        };
    }

    private static int expectedCertStatus(Script s) {
        return switch (s.fate()) {
            case KEPT, BY_CALLBACK -> CertStatus.UNUSED;
            case REFUNDED -> CertStatus.REFUNDED;
            case REDEEMED -> CertStatus.USED;
            case CANCELLED -> CertStatus.INITIAL;
        };
    }

    /** tihuo's view, Douyin's records and the script agree on this order (waiting for O1 and O3 to arrive). */
    private void check(Script s, String orderId) {
        eventually(Duration.ofSeconds(20), () -> {
            MerchantApi.Reply r = api.get(merchant.adminKey(), "/orders/" + orderId).orFail("reading order " + s);
            JsonObject ours = r.body().getJsonObject("order");
            List<JsonObject> vouchers = new ArrayList<>();
            r.body().getJsonArray("vouchers", new JsonArray()).forEach(v -> vouchers.add((JsonObject) v));
            String seen = s + " tihuo " + r.body().encode();

            assertThat(ours.getString("state")).as(seen).isEqualTo(expectedTihuoState(s));
            assertThat(ours.getString("store_id")).as(seen).isEqualTo(merchant.storeId(s.store()));
            assertThat(ours.getInteger("units")).as(seen).isEqualTo(s.units());
            assertThat(ours.getString("attention")).as(seen).isNull();

            synchronized (sim.state()) {
                PlatformState.Order theirs = sim.state().order(orderId).orElseThrow();
                String both = seen + "\n Douyin " + theirs.status() + " " + theirs.history();
                assertThat(theirs.status()).as(both).isEqualTo(expectedDouyinState(s));
                assertThat(theirs.orderOutId()).as(both).isEqualTo(ours.getString("order_out_id"));
                assertThat(theirs.history().stream().anyMatch(h -> h.contains("O1 result=1")))
                        .as("Douyin received the issue-code callback: " + both).isEqualTo(s.fate() == Fate.BY_CALLBACK);
                assertThat(theirs.history()).as(both).noneMatch(h -> h.contains("never acknowledged")
                        || h.contains("business error") || h.contains("gave up"));
                List<PlatformState.Certificate> certs = theirs.certificates();
                assertThat(certs).as(both).hasSize(s.units());
                for (PlatformState.Certificate c : certs) {
                    assertThat(c.status()).as("certificate " + c.certificateId() + " " + both)
                            .isEqualTo(expectedCertStatus(s));
                    long redemptions = c.verifications().stream().filter(v -> !v.cancelled()).count();
                    assertThat(redemptions).as("redemptions of " + c.certificateId() + " " + both)
                            .isEqualTo(s.fate() == Fate.REDEEMED ? 1 : 0);
                    c.verifications().forEach(v -> assertThat(v.poiId()).as(both).isEqualTo(pois.get(s.store())));
                }
                if (s.fate() == Fate.CANCELLED) {
                    assertThat(vouchers.stream().filter(v -> v.getString("code") != null)).as(both).isEmpty();
                    assertThat(certs).as(both).allMatch(c -> c.code() == null);
                } else {
                    // one code per unit, the same on both sides, certificate by certificate
                    assertThat(vouchers).as(both).hasSize(s.units());
                    for (JsonObject v : vouchers) {
                        assertThat(v.getString("state")).as(both).isEqualTo(expectedVoucherState(s));
                        PlatformState.Certificate c = certs.stream()
                                .filter(x -> x.certificateId().equals(v.getString("certificate_id"))).findFirst()
                                .orElseThrow(() -> new AssertionError("no Douyin certificate for " + v + " " + both));
                        assertThat(c.code()).as(both).isNotBlank().isEqualTo(v.getString("code"));
                        if (s.fate() == Fate.REDEEMED) {
                            assertThat(v.getString("redeemed_at_store")).as(both).isEqualTo(merchant.storeId(s.store()));
                        }
                    }
                    assertThat(certs.stream().map(PlatformState.Certificate::code).distinct().count())
                            .as("distinct codes " + both).isEqualTo(s.units());
                }
                List<PlatformState.AfterSale> afterSales = sim.state().afterSalesOf(orderId);
                if (s.fate() == Fate.REFUNDED) {
                    assertThat(afterSales).as(both).singleElement()
                            .satisfies(a -> assertThat(a.status()).isEqualTo(AfterSaleStatus.SUCCEEDED));
                } else {
                    assertThat(afterSales).as(both).isEmpty();
                }
            }
        });
    }

    /**
     * Stock after the run: on hand drops by the redeemed units, set aside are the units of orders still to collect;
     * Douyin sees the available figure at each store.
     */
    private void checkStock(List<Script> scripts) {
        for (String store : Stack.STORE_NAMES) {
            for (String sku : List.of(AT_ONCE, BY_CALLBACK)) {
                int redeemed = 0;
                int reserved = 0;
                for (Script s : scripts) {
                    if (s.store().equals(store) && s.sku().equals(sku)) {
                        if (s.fate() == Fate.REDEEMED) {
                            redeemed += s.units();
                        } else if (s.fate() == Fate.KEPT || s.fate() == Fate.BY_CALLBACK) {
                            reserved += s.units();
                        }
                    }
                }
                int onHand = ON_HAND - redeemed;
                int available = onHand - reserved;
                String storeId = merchant.storeId(store);
                eventually(() -> {
                    JsonObject level = api.get(merchant.adminKey(), "/stock?store_id=" + storeId).orFail("reading stock")
                            .body().getJsonArray("items").stream().map(JsonObject.class::cast)
                            .filter(l -> sku.equals(l.getString("sku_out_id"))).findFirst().orElseThrow();
                    assertThat(level.getInteger("on_hand")).as(sku + " at " + store + " " + level).isEqualTo(onHand);
                    assertThat(level.getInteger("available")).as(sku + " at " + store + " " + level).isEqualTo(available);
                    assertThat(sim.state().stockOf(douyinIds.get(sku)[1], pois.get(store)).orElse(-1L))
                            .as("Douyin's figure of " + sku + " at " + store).isEqualTo((long) available);
                });
            }
        }
    }

    // ------------------------------------------------------------------ the worker pool

    private static void runAll(ExecutorService pool, IntFunction<Void> work, List<String> failures)
            throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                try {
                    work.apply(index);
                } catch (AssertionError | RuntimeException e) {
                    failures.add("order " + index + ": " + e.getMessage());
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failures.add(e.toString());
            }
        }
        if (!failures.isEmpty()) {
            failures.stream().limit(5).forEach(System.err::println);
        }
    }
}
