package dev.tihuo.simulator;

import dev.tihuo.simulator.PlatformState.AfterSale;
import dev.tihuo.simulator.PlatformState.Certificate;
import dev.tihuo.simulator.PlatformState.Mode;
import dev.tihuo.simulator.PlatformState.Order;
import dev.tihuo.simulator.PlatformState.Product;
import dev.tihuo.simulator.PlatformState.Sku;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * {@code /_sim/*}: drives the simulator from another process (tests in another JVM, a demo, curl). Not part of
 * Douyin; never recorded in the call log. Every answer is plain JSON; errors are {@code {"error": "..."}}.
 */
final class ControlApi {

  private final DouyinSimulator sim;

  ControlApi(DouyinSimulator sim) {
    this.sim = sim;
  }

  void mount(Router r) {
    r.get("/_sim/calls").handler(ctx -> reply(ctx, calls(ctx.queryParams().get("path"))));
    r.delete("/_sim/calls").handler(ctx -> {
      sim.calls().clear();
      reply(ctx, new JsonObject().put("cleared", true));
    });
    r.get("/_sim/exchanges").handler(ctx -> reply(ctx, exchanges()));
    r.post("/_sim/faults").handler(ctx -> handle(ctx, this::addFault));
    r.delete("/_sim/faults").handler(ctx -> {
      sim.faults().clear();
      reply(ctx, new JsonObject().put("cleared", true));
    });
    r.get("/_sim/clock").handler(ctx -> reply(ctx, clock()));
    r.post("/_sim/clock/advance").handler(ctx -> async(ctx, b -> {
      long millis = b.getLong("millis", 0L) + 1000L * b.getLong("seconds", 0L);
      return sim.advance(Duration.ofMillis(millis)).map(v -> clock());
    }));
    r.post("/_sim/apps").handler(ctx -> handle(ctx, b -> {
      sim.state().addApp(b.getString("client_key"), b.getString("client_secret"), b.getString("fixed_token"));
      return new JsonObject().put("client_key", b.getString("client_key"));
    }));
    r.post("/_sim/tihuo").handler(ctx -> handle(ctx, b -> {
      DouyinPlatformClient.Target t = DouyinPlatformClient.Target.of(b.getString("base_url"),
              b.getString("client_key"), b.getString("client_secret"))
          .withSpiPrefix(b.getString("spi_prefix", "/spi"))
          .withWebhookPath(b.getString("webhook_path", "/webhooks/douyin"));
      sim.client().retarget(t);
      return new JsonObject().put("base_url", t.tihuoBaseUrl());
    }));
    r.post("/_sim/catalog").handler(ctx -> handle(ctx, this::seedProduct));
    r.get("/_sim/orders").handler(ctx -> {
      JsonArray a = new JsonArray();
      sim.state().orders().forEach(o -> a.add(orderJson(o)));
      reply(ctx, new JsonObject().put("orders", a));
    });
    r.post("/_sim/orders").handler(ctx -> async(ctx, b -> {
      Purchase p = purchase(b, Mode.valueOf(b.getString("mode", "AFTER_PAY").toUpperCase()));
      Future<Order> f = b.getBoolean("stop_after_create", false) || p.mode() == Mode.BEFORE_PAY
          ? sim.journey().createOrder(p) : sim.journey().buy(p);
      return f.map(this::orderJson);
    }));
    r.post("/_sim/orders/douyin-code").handler(ctx -> handle(ctx,
        b -> orderJson(sim.journey().douyinCodeOrder(purchase(b, Mode.DOUYIN_CODE)))));
    r.get("/_sim/orders/:id").handler(ctx -> handle(ctx, b -> orderJson(order(ctx))));
    r.post("/_sim/orders/:id/pay").handler(ctx -> async(ctx, b -> sim.journey().pay(id(ctx)).map(this::orderJson)));
    r.post("/_sim/orders/:id/cancel").handler(ctx -> async(ctx,
        b -> sim.journey().cancel(id(ctx)).map(this::orderJson)));
    r.post("/_sim/orders/:id/issue").handler(ctx -> async(ctx,
        b -> sim.journey().issue(id(ctx)).map(this::orderJson)));
    r.post("/_sim/orders/:id/refund").handler(ctx -> async(ctx,
        b -> sim.journey().applyRefund(id(ctx), b.getInteger("units", 1)).map(this::afterSaleJson)));
    r.post("/_sim/orders/:id/return").handler(ctx -> async(ctx,
        b -> sim.journey().applyReturn(id(ctx), b.getInteger("units", 1)).map(this::afterSaleJson)));
    r.post("/_sim/orders/:id/store-change").handler(ctx -> async(ctx,
        b -> sim.journey().changeStore(id(ctx), b.getString("new_poi_id"))
            .map(reply -> new JsonObject().put("http_status", reply.httpStatus()).put("reply", reply.raw()))));
    r.get("/_sim/after-sales/:id").handler(ctx -> handle(ctx, b -> afterSaleJson(sim.state()
        .afterSale(id(ctx)).orElseThrow(() -> new NoSuchElementException("no after-sale " + id(ctx))))));
    r.post("/_sim/after-sales/:id/timeout-return").handler(ctx -> async(ctx,
        b -> sim.journey().timeoutReturn(id(ctx)).map(this::afterSaleJson)));
    // The buyer's QR code: a short link that redirects to a long URL carrying object_id (flows.md §3).
    r.get("/s/:id").handler(ctx -> ctx.response().setStatusCode(302)
        .putHeader("location", sim.baseUrl() + "/coupon/" + id(ctx) + "/?object_id=" + id(ctx) + "&sim=1").end());
    r.get("/coupon/:id/").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; charset=utf-8")
        .end("抖音券码 (simulated) object_id=" + id(ctx)));
  }

  // ------------------------------------------------------------ handlers

  private JsonObject addFault(JsonObject b) {
    String path = b.getString("path", Faults.ANY_PATH);
    FaultKind kind = FaultKind.valueOf(b.getString("kind"));
    if (b.containsKey("seconds")) {
      sim.faults().failPathFor(path, Duration.ofSeconds(b.getLong("seconds")), kind);
    } else {
      sim.faults().failNext(path, b.getInteger("count", 1), kind);
    }
    return new JsonObject().put("path", path).put("kind", kind.name());
  }

  private JsonObject seedProduct(JsonObject b) {
    List<JsonObject> skus = new ArrayList<>();
    b.getJsonArray("skus", new JsonArray()).forEach(s -> skus.add((JsonObject) s));
    List<String> pois = b.getJsonArray("poi_ids", new JsonArray()).stream().map(String::valueOf).toList();
    Product p = sim.state().seedProduct(b.getString("account_id"), b.getString("out_id"),
        b.getString("name", b.getString("out_id")), pois, skus);
    JsonArray skuJson = new JsonArray();
    p.skuIds().forEach(id -> sim.state().sku(id).ifPresent(s -> skuJson.add(new JsonObject()
        .put("sku_id", s.skuId()).put("out_sku_id", s.outSkuId()))));
    return new JsonObject().put("product_id", p.productId()).put("out_id", p.outId()).put("skus", skuJson);
  }

  /** A purchase from JSON; product, out ids and price are taken from the SKU when the catalogue knows it. */
  private Purchase purchase(JsonObject b, Mode mode) {
    String skuId = b.getString("sku_id");
    Sku sku = sim.state().sku(skuId).orElse(null);
    Product product = sku == null ? null : sim.state().product(sku.productId()).orElse(null);
    long unit = b.getLong("unit_amount", sku == null ? 100L : sku.actualAmount());
    return new Purchase(mode, b.getString("account_id"), b.getString("poi_id"),
        b.getString("product_id", sku == null ? null : sku.productId()), skuId,
        b.getString("product_out_id", product == null ? null : product.outId()),
        b.getString("sku_out_id", sku == null ? null : sku.outSkuId()),
        b.getInteger("count", 1), unit, b.getLong("discount_amount", 0L),
        b.getString("open_id", "_000sim_openid"));
  }

  // ------------------------------------------------------------ views

  private JsonObject calls(String path) {
    JsonArray a = new JsonArray();
    (path == null ? sim.calls().all() : sim.calls().forPath(path)).forEach(c -> a.add(c.toJson()));
    return new JsonObject().put("calls", a);
  }

  private JsonObject exchanges() {
    JsonArray a = new JsonArray();
    sim.client().exchanges().forEach(e -> a.add(new JsonObject().put("at", e.at().toEpochMilli())
        .put("name", e.name()).put("url", e.url()).put("headers", new JsonObject(new java.util.HashMap<>(e.headers())))
        .put("body", e.body()).put("reply_outcome", e.reply().outcome().name())
        .put("reply_status", e.reply().httpStatus()).put("reply", e.reply().raw())));
    return new JsonObject().put("exchanges", a);
  }

  private JsonObject clock() {
    return new JsonObject().put("now_millis", sim.clock().millis()).put("now", sim.clock().instant().toString())
        .put("virtual", sim.clock().isVirtual());
  }

  JsonObject orderJson(Order o) {
    synchronized (sim.state()) {
      JsonArray certs = new JsonArray();
      for (Certificate c : o.certificates()) {
        JsonArray verifies = new JsonArray();
        c.verifications().forEach(v -> verifies.add(new JsonObject().put("verify_id", v.verifyId())
            .put("verify_time", v.verifyTime().toString()).put("cancelled", v.cancelled())));
        certs.add(new JsonObject().put("certificate_id", c.certificateId()).put("order_item_id", c.orderItemId())
            .put("code", c.code()).put("encrypted_code", c.encryptedCode()).put("status", c.status())
            .put("verifications", verifies));
      }
      JsonArray afterSales = new JsonArray();
      sim.state().afterSalesOf(o.orderId()).forEach(a -> afterSales.add(afterSaleJson(a)));
      return new JsonObject().put("order_id", o.orderId()).put("mode", o.mode().name())
          .put("status", o.status().name()).put("order_out_id", o.orderOutId()).put("account_id", o.accountId())
          .put("poi_id", o.poiId()).put("sku_id", o.skuId()).put("product_id", o.productId())
          .put("count", o.count()).put("pay_amount", o.payAmount()).put("codes", new JsonArray(o.codes()))
          .put("qr_short_link", o.qrShortLink(sim.baseUrl())).put("qr_object_id", o.qrObjectId())
          .put("certificates", certs).put("after_sales", afterSales).put("history", new JsonArray(o.history()));
    }
  }

  JsonObject afterSaleJson(AfterSale a) {
    return new JsonObject().put("after_sale_id", a.afterSaleId()).put("order_id", a.orderId())
        .put("kind", a.kind().name()).put("status", a.status().name())
        .put("certificate_ids", new JsonArray(a.certificateIds())).put("out_after_sale_id", a.outAfterSaleId())
        .put("history", new JsonArray(a.history()));
  }

  // ------------------------------------------------------------ plumbing

  private static String id(RoutingContext ctx) {
    return ctx.pathParam("id");
  }

  private Order order(RoutingContext ctx) {
    return sim.state().order(id(ctx)).orElseThrow(() -> new NoSuchElementException("no order " + id(ctx)));
  }

  private static JsonObject body(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
  }

  private static void reply(RoutingContext ctx, JsonObject json) {
    ctx.response().putHeader("content-type", "application/json").end(json.encodePrettily());
  }

  private static void handle(RoutingContext ctx, Function<JsonObject, JsonObject> f) {
    async(ctx, b -> Future.succeededFuture(f.apply(b)));
  }

  private static void async(RoutingContext ctx, Function<JsonObject, Future<JsonObject>> f) {
    Future<JsonObject> result;
    try {
      result = f.apply(body(ctx));
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onSuccess(json -> reply(ctx, json)).onFailure(e -> ctx.response()
        .setStatusCode(e instanceof NoSuchElementException ? 404 : 400)
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", String.valueOf(e.getMessage())).encode()));
  }
}
