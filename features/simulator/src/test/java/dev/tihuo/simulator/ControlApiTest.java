package dev.tihuo.simulator;

import static dev.tihuo.simulator.SimulatorFixture.await;
import static dev.tihuo.simulator.SimulatorFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The {@code /_sim} API lets another process drive the simulator: same behaviour as the Java API. */
@ExtendWith(VertxExtension.class)
class ControlApiTest {

  SimulatorFixture f;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    f = new SimulatorFixture(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private JsonObject control(String path, JsonObject body) {
    return await(f.http.postAbs(f.sim.baseUrl() + path).sendJsonObject(body)).bodyAsJsonObject();
  }

  @Test
  void an_order_bought_over_the_control_api_is_issued_and_listed() {
    f.tihuo.on("/spi/orders/create", FakeTihuo.Reply.data(ok().put("order_out_id", "M-7")));
    f.tihuo.on("/spi/codes/issue", FakeTihuo.Reply.data(ok().put("result", 1).put("codes", new JsonArray().add("C-7"))));

    JsonObject order = control("/_sim/orders", new JsonObject().put("account_id", SimulatorFixture.ACCOUNT)
        .put("poi_id", SimulatorFixture.POI).put("sku_id", f.skuId).put("count", 1));
    JsonObject listed = await(f.http.getAbs(f.sim.baseUrl() + "/_sim/orders/" + order.getString("order_id")).send())
        .bodyAsJsonObject();

    assertThat(order.getString("status")).isEqualTo("ISSUED");
    assertThat(listed.getJsonArray("codes")).containsExactly("C-7");
    assertThat(f.tihuo.received("/spi/orders/create").get(0).json().getJsonArray("sku_list").getJsonObject(0)
        .getLong("unit_amount")).as("price taken from the catalogue").isEqualTo(6800);
  }

  @Test
  void faults_clock_and_calls_are_driven_over_http() {
    control("/_sim/faults", new JsonObject().put("path", OpenApi.O10).put("kind", "BUSY_2100004").put("count", 1));
    String token = f.fetchToken();
    JsonObject busy = f.get(OpenApi.O10, token, Map.of("account_id", "1", "page_num", "1", "page_size", "1"));
    long before = f.sim.clock().millis();
    JsonObject clock = control("/_sim/clock/advance", new JsonObject().put("seconds", 90));
    JsonObject calls = await(f.http.getAbs(f.sim.baseUrl() + "/_sim/calls?path=" + OpenApi.O10).send())
        .bodyAsJsonObject();

    assertThat(busy.getJsonObject("data").getInteger("error_code")).isEqualTo(SimErrors.SYSTEM_BUSY);
    assertThat(clock.getLong("now_millis")).isEqualTo(before + 90_000);
    assertThat(calls.getJsonArray("calls")).hasSize(1);
    assertThat(calls.getJsonArray("calls").getJsonObject(0).getJsonObject("headers").getString("access-token"))
        .isEqualTo(token);
  }

  @Test
  void a_douyin_code_order_comes_with_codes_and_a_qr_short_link_that_redirects_to_object_id() {
    JsonObject order = control("/_sim/orders/douyin-code", new JsonObject().put("account_id", SimulatorFixture.ACCOUNT)
        .put("poi_id", SimulatorFixture.POI).put("sku_id", f.skuId).put("count", 2));
    var redirect = await(f.http.getAbs(order.getString("qr_short_link")).followRedirects(false).send());

    assertThat(order.getJsonArray("codes")).hasSize(2).allSatisfy(c -> assertThat((String) c).hasSize(12));
    assertThat(redirect.statusCode()).isEqualTo(302);
    assertThat(redirect.getHeader("location")).contains("object_id=" + order.getString("qr_object_id"));
  }
}
