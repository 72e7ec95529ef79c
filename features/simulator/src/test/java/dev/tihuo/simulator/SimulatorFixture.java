package dev.tihuo.simulator;

import dev.tihuo.simulator.PlatformState.Order;
import dev.tihuo.simulator.PlatformState.Product;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A simulator wired to a {@link FakeTihuo}, plus a small OpenAPI client, for the tests. */
class SimulatorFixture {

  static final String KEY = "awTESTKEY";
  static final String SECRET = "test-secret";
  static final String ACCOUNT = "7000000000000000001";
  static final String POI = "6600000000000000001";

  final Vertx vertx;
  final FakeTihuo tihuo;
  final DouyinSimulator sim;
  final WebClient http;
  final Product product;
  final String skuId;

  SimulatorFixture(Vertx vertx) throws Exception {
    this.vertx = vertx;
    this.tihuo = new FakeTihuo(KEY, SECRET).start(vertx);
    this.sim = DouyinSimulator.start(vertx, SimulatorOptions.defaults().app(KEY, SECRET)
        .tihuo(DouyinPlatformClient.Target.of(tihuo.baseUrl(), KEY, SECRET).withReplyTimeout(Duration.ofMillis(500)))
        .pacing(BuyerJourney.Pacing.compressed(0))
        .timeoutHold(Duration.ofSeconds(2))).await(10, TimeUnit.SECONDS);
    this.http = WebClient.create(vertx);
    this.product = sim.state().seedProduct(ACCOUNT, "P-1", "咖啡豆", List.of(POI),
        List.of(new JsonObject().put("out_sku_id", "SKU-1").put("sku_name", "250g").put("actual_amount", 6800)));
    this.skuId = product.skuIds().get(0);
  }

  void close() throws Exception {
    sim.close().await(10, TimeUnit.SECONDS);
  }

  static <T> T await(Future<T> f) {
    try {
      return f.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  Purchase purchase(int count) {
    return Purchase.afterPay(ACCOUNT, POI, product.productId(), skuId, count, 6800).withOutIds("P-1", "SKU-1");
  }

  /** A third-party-code order whose codes tihuo issued synchronously. */
  Order issuedOrder(int count, String... codes) {
    tihuo.on("/spi/orders/create", FakeTihuo.Reply.data(ok().put("order_out_id", "M-1")));
    tihuo.on("/spi/codes/issue", FakeTihuo.Reply.data(ok().put("result", 1)
        .put("codes", new io.vertx.core.json.JsonArray(List.of((Object[]) codes)))));
    return await(sim.journey().buy(purchase(count)));
  }

  static JsonObject ok() {
    return new JsonObject().put("error_code", 0).put("description", "");
  }

  String fetchToken() {
    JsonObject r = postJson("/oauth/client_token/", null, new JsonObject().put("client_key", KEY)
        .put("client_secret", SECRET).put("grant_type", "client_credential"));
    return r.getJsonObject("data").getString("access_token");
  }

  JsonObject postJson(String path, String token, JsonObject body) {
    var req = http.postAbs(sim.baseUrl() + path);
    if (token != null) {
      req.putHeader("access-token", token);
    }
    HttpResponse<Buffer> resp = await(req.sendJsonObject(body));
    return resp.bodyAsJsonObject();
  }

  JsonObject get(String path, String token, Map<String, String> query) {
    var req = http.getAbs(sim.baseUrl() + path).putHeader("access-token", token)
        .putHeader("content-type", "application/json");
    query.forEach(req::addQueryParam);
    return await(req.send()).bodyAsJsonObject();
  }

  HttpResponse<Buffer> rawPost(String path, String token, JsonObject body) {
    return await(http.postAbs(sim.baseUrl() + path).putHeader("access-token", token).sendJsonObject(body));
  }

  void advance(Duration d) {
    await(sim.advance(d));
  }
}
