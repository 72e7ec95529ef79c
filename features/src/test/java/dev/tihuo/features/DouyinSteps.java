package dev.tihuo.features;

import static dev.tihuo.features.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.DouyinPlatformClient.Spi;
import dev.tihuo.simulator.FaultKind;
import dev.tihuo.simulator.PlatformState;
import dev.tihuo.simulator.PlatformState.Mode;
import dev.tihuo.simulator.Purchase;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** What Douyin does: the buyer's journey against tihuo's SPI and webhook, played by the simulator. */
public final class DouyinSteps {
    private static final AtomicLong UNKNOWN_ORDERS = new AtomicLong(1_099_000_000_000_000_000L);
    private final World w;
    private final MerchantSteps merchant;

    public DouyinSteps(World world, MerchantSteps merchant) {
        this.w = world;
        this.merchant = merchant;
    }

    @Given("Douyin creates orders {string}")
    public void douyinCreatesOrders(String when) {
        w.mode = switch (when) {
            case "after payment" -> Mode.AFTER_PAY;
            case "before payment" -> Mode.BEFORE_PAY;
            default -> throw new IllegalArgumentException(when);
        };
    }

    @Given("Douyin knows {string} but tihuo has no mapping for it")
    public void douyinKnows(String name) {
        // a name ending in a size ("Jasmine 250 g") is a SKU Douyin sells; any other name is a store (POI)
        if (name.matches(".*\\d+\\s*(ml|L|g|kg)$")) {
            PlatformState.Product p = w.sim.state().seedProduct(w.merchant.accountId(), "other-" + w.merchant.number(),
                    name, java.util.List.copyOf(w.pois.values()), java.util.List.of(new JsonObject()
                            .put("out_sku_id", Stack.slug(name)).put("sku_name", name).put("actual_amount", 2900)));
            String skuId = p.skuIds().get(0);
            w.skus.put(name, new World.Sku(name, Stack.slug(name), skuId, p.productId(), 2900));
        } else {
            w.pois.put(name, String.format("66%06d%02d", w.merchant.number(), 9));
        }
    }

    @Given("the next request from Douyin carries a forged signature")
    public void forged() {
        w.quiet();
        w.callsBaseline = w.sim.calls().all().size();
        w.sim.client().forgeNext();
    }

    @Given("the next request from Douyin is {int} minutes old")
    public void old(int minutes) {
        w.quiet();
        w.callsBaseline = w.sim.calls().all().size();
        w.sim.client().ageNext(Duration.ofMinutes(minutes));
    }

    // ------------------------------------------------------------------ orders

    @When("Douyin asks tihuo to create order {string} for {int} unit(s) of {string} at {string}")
    public void createOrder(String order, int units, String sku, String store) {
        World.Sku s = w.sku(sku);
        Purchase p = new Purchase(w.mode, w.merchant.accountId(), w.poi(store), s.douyinProductId(), s.douyinSkuId(),
                null, s.outId(), units, s.priceFen(), 0, "_000features_lin");
        PlatformState.Order o = World.await(w.sim.journey().createOrder(p));
        w.orders.put(order, o.orderId());
        w.answered(w.lastReply(Spi.S1_CREATE_ORDER));
    }

    @When("Douyin tells tihuo that order {string} has been paid")
    public void paid(String order) {
        World.await(w.sim.journey().pay(w.orderId(order), false));
        w.answered(w.lastReply(Spi.S2_PAY_NOTIFY));
    }

    @When("Douyin tells tihuo that order {string} was cancelled {string}")
    public void cancelled(String order, String moment) {
        if (!w.orders.containsKey(order)) {
            // an order tihuo never accepted: Douyin's notice names an order id tihuo has never seen
            String id = String.valueOf(UNKNOWN_ORDERS.incrementAndGet());
            w.orders.put(order, id);
            w.answered(World.await(w.sim.client().send(Spi.S3_CANCEL_NOTIFY, new JsonObject().put("order_id", id)
                    .put("cancel_type", "before payment".equals(moment) ? 1 : 2)
                    .put("timestamp", w.sim.clock().epochSeconds()))));
            return;
        }
        PlatformState.Order o = w.douyinOrder(order);
        if (o.status() != PlatformState.OrderStatus.CREATED && o.status() != PlatformState.OrderStatus.PAID) {
            // Douyin itself never cancels an order with codes: only a forged or stray notice names one
            w.answered(World.await(w.sim.client().send(Spi.S3_CANCEL_NOTIFY, new JsonObject().put("order_id", o.orderId())
                    .put("order_out_id", o.orderOutId()).put("cancel_type", "before payment".equals(moment) ? 1 : 2)
                    .put("timestamp", w.sim.clock().epochSeconds()))));
            return;
        }
        boolean paid = o.status() != PlatformState.OrderStatus.CREATED;
        assertThat(paid ? "after payment" : "before payment").as("the moment of the cancel").isEqualTo(moment);
        World.await(w.sim.journey().cancel(o.orderId()));
        w.answered(w.lastReply(Spi.S3_CANCEL_NOTIFY));
    }

    @When("Douyin asks tihuo to issue the codes for order {string}")
    public void issue(String order) {
        PlatformState.Order o = w.douyinOrder(order);
        if (o.status() == PlatformState.OrderStatus.CANCELLED) {
            // a late re-delivery of the issue request, crossing the cancel notice
            io.vertx.core.json.JsonArray certs = new io.vertx.core.json.JsonArray();
            o.certificates().forEach(c -> certs.add(new JsonObject().put("certificate_id", c.certificateId())
                    .put("order_item_id", c.orderItemId()).put("sku_id", o.skuId())));
            w.answered(World.await(w.sim.client().send(Spi.S4_ISSUE_CODE, new JsonObject().put("order_id", o.orderId())
                    .put("order_out_id", o.orderOutId()).put("account_id", o.accountId()).put("poi_id", o.poiId())
                    .put("sku_id", o.skuId()).put("product_id", o.productId()).put("count", o.count())
                    .put("certificates", certs))));
            return;
        }
        World.await(w.sim.journey().issue(o.orderId()));
        w.answered(w.lastReply(Spi.S4_ISSUE_CODE));
    }

    @Given("tihuo's issue-code callback cannot reach Douyin")
    public void callbackCannotReachDouyin() {
        w.sim.faults().failPathFor(CALLBACK, Duration.ofHours(2), FaultKind.HTTP_5XX);
    }

    private static final String CALLBACK = "/goodlife/v1/compre_retail/fulfilment/create/callback/";

    @When("Douyin delivers the same request again")
    public void again() {
        w.answered(World.await(w.sim.client().resendLast()));
    }

    @When("{int} minutes pass")
    public void minutesPass(int minutes) {
        World.await(w.sim.advance(Duration.ofMinutes(minutes)));
    }

    // ------------------------------------------------------------------ after-sales

    @When("Douyin asks tihuo to audit a refund of {int} unit(s) of order {string} as after-sale {string}")
    public void auditRefund(int units, String order, String afterSale) {
        var started = w.sim.state().afterSalesOf(w.orderId(order)).stream()
                .filter(a -> a.kind() == PlatformState.AfterSaleKind.ISSUE_TIMEOUT_REFUND && !w.afterSales.containsValue(a.afterSaleId()))
                .findFirst();
        if (started.isPresent()) {
            // Douyin started this refund by itself when the 10-minute window closed (补码 possible): the step names it
            assertThat(started.get().certificateIds()).hasSize(units);
            w.afterSales.put(afterSale, started.get().afterSaleId());
            eventually(() -> assertThat(w.sim.client().exchanges()).anyMatch(e -> e.name().startsWith(Spi.S5_REFUND_APPLY.name())
                    && e.body().contains(started.get().afterSaleId())));
            w.sim.client().exchanges().stream().filter(e -> e.name().startsWith(Spi.S5_REFUND_APPLY.name())
                    && e.body().contains(started.get().afterSaleId())).reduce((a, b) -> b)
                    .ifPresent(e -> w.answered(e.reply()));
            return;
        }
        PlatformState.AfterSale as = World.await(w.sim.journey().applyRefund(w.orderId(order), units));
        w.afterSales.put(afterSale, as.afterSaleId());
        w.answered(w.lastReply(Spi.S5_REFUND_APPLY));
    }

    @When("Douyin tells tihuo that it refunded {int} unit(s) of order {string} as after-sale {string}")
    public void refunded(int units, String order, String afterSale) {
        if (w.afterSales.containsKey(afterSale)) {
            // Douyin refunds once it has the approval (the merchant's decision travels through tihuo's outbox)
            String id = w.afterSaleId(afterSale);
            eventually(() -> assertThat(w.sim.state().afterSale(id).orElseThrow().status())
                    .isIn(PlatformState.AfterSaleStatus.APPROVED, PlatformState.AfterSaleStatus.AUTO_APPROVED));
            World.await(w.sim.journey().refund(id));
        } else {
            // no audit came before: a refund by Douyin's customer service, or after a failed issue
            PlatformState.AfterSale as = World.await(w.sim.journey().customerServiceRefund(w.orderId(order), units));
            w.afterSales.put(afterSale, as.afterSaleId());
        }
        w.answered(w.lastReply(Spi.S6_REFUND_NOTIFY));
    }

    @When("Douyin asks tihuo to audit a return of {int} unit(s) of order {string} as after-sale {string}")
    public void auditReturn(int units, String order, String afterSale) {
        PlatformState.AfterSale as = World.await(w.sim.journey().applyReturn(w.orderId(order), units));
        w.afterSales.put(afterSale, as.afterSaleId());
        w.answered(w.lastReply(Spi.S7_RETURN_APPLY));
    }

    @When("Douyin tells tihuo that after-sale {string} was approved because it was not handled in time")
    public void timedOut(String afterSale) {
        World.await(w.sim.journey().timeoutReturn(w.afterSaleId(afterSale)));
        w.answered(w.lastReply(Spi.S8_RETURN_TIMEOUT_NOTIFY));
    }

    @When("Douyin tells tihuo that the buyer moved the pickup of order {string} to {string}")
    public void storeChange(String order, String store) {
        w.answered(World.await(w.sim.journey().changeStore(w.orderId(order), w.poi(store))));
    }

    // ------------------------------------------------------------------ orders set up in a given state

    @Given("order {string} for {int} unit(s) of {string} at {string} is {string}")
    public void orderIs(String order, int units, String sku, String store, String state) {
        switch (state) {
            case "awaiting payment" -> {
                assertThat(w.mode).as("an order awaits payment only when Douyin creates orders before payment")
                        .isEqualTo(Mode.BEFORE_PAY);
                accepted(order, units, sku, store);
            }
            case "paid" -> {
                accepted(order, units, sku, store);
                if (w.mode == Mode.BEFORE_PAY) {
                    paid(order);
                    expect(0);
                }
            }
            case "issued" -> {
                orderIs(order, units, sku, store, "paid");
                String before = w.codeIssuing;
                if (!"AT_ONCE".equals(before)) {
                    w.codeIssuing("AT_ONCE");
                }
                issue(order);
                assertThat(w.answer.spi().result()).as("issue answer for " + order).isEqualTo(1);
                if (!"AT_ONCE".equals(before)) {
                    w.codeIssuing(before);
                }
            }
            case "issuing" -> {
                orderIs(order, units, sku, store, "paid");
                merchant.codeSupply("slow");
                issue(order);
                assertThat(w.answer.spi().result()).as("issue answer for " + order).isEqualTo(0);
                // D3: tihuo issues the codes of an "issuing" order a moment later and sends them by callback
                eventually(() -> assertThat(w.tihuoOrderOrFail(order).getJsonObject("order").getString("state"))
                        .isEqualTo("ISSUED"));
            }
            case "picked up" -> {
                orderIs(order, units, sku, store, "issued");
                merchant.redeems(store, units, order);
                eventually(() -> assertThat(w.douyinOrder(order).certificates())
                        .allMatch(c -> c.status() == PlatformState.CertStatus.USED));
            }
            case "paid with a Douyin code" -> {
                World.Sku s = w.sku(sku);
                Purchase p = new Purchase(Mode.DOUYIN_CODE, w.merchant.accountId(), w.poi(store), s.douyinProductId(),
                        s.douyinSkuId(), null, s.outId(), units, s.priceFen(), 0, "_000features_lin");
                w.orders.put(order, w.sim.journey().douyinCodeOrder(p).orderId());
            }
            default -> throw new IllegalArgumentException("cannot set up an order that is " + state);
        }
    }

    private void accepted(String order, int units, String sku, String store) {
        createOrder(order, units, sku, store);
        expect(0);
    }

    private void expect(int errorCode) {
        assertThat(w.answer.spi().errorCode()).as("tihuo's answer " + w.answer.spi()).isEqualTo(errorCode);
    }
}
