package dev.tihuo.simulator;

import static dev.tihuo.simulator.SimulatorFixture.ACCOUNT;
import static dev.tihuo.simulator.SimulatorFixture.POI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.PlatformState.AfterSaleStatus;
import dev.tihuo.simulator.PlatformState.Order;
import dev.tihuo.simulator.PlatformState.OrderStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OpenApiTest {

  static final String VERIFY = OpenApi.O3;
  static final String CANCEL = OpenApi.O4;

  SimulatorFixture f;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    f = new SimulatorFixture(vertx);
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private JsonObject queryOrders(String token) {
    return f.get(OpenApi.O10, token, Map.of("account_id", ACCOUNT, "page_num", "1", "page_size", "10"));
  }

  private static int dataCode(JsonObject reply) {
    return reply.getJsonObject("data").getInteger("error_code");
  }

  @Nested
  class Tokens {

    @Test
    void a_token_is_issued_for_two_hours_without_an_extra_layer() {
      JsonObject r = f.postJson(OpenApi.O9, null, new JsonObject().put("client_key", SimulatorFixture.KEY)
          .put("client_secret", SimulatorFixture.SECRET).put("grant_type", "client_credential"));

      assertThat(r.getJsonObject("data").getString("access_token")).startsWith("clt.");
      assertThat(r.getJsonObject("data").getLong("expires_in")).isEqualTo(7200);
      assertThat(r.getString("message")).isEqualTo("success");
      assertThat(r.containsKey("extra")).isFalse();
    }

    @Test
    void a_token_expires_after_two_hours() {
      String token = f.fetchToken();
      f.advance(Duration.ofHours(2).minusSeconds(1));
      assertThat(dataCode(queryOrders(token))).isZero();

      f.advance(Duration.ofSeconds(1));
      JsonObject r = queryOrders(token);
      assertThat(dataCode(r)).isEqualTo(SimErrors.TOKEN_EXPIRED);
      assertThat(r.getJsonObject("extra").getInteger("error_code")).isEqualTo(SimErrors.TOKEN_EXPIRED);
    }

    @Test
    void the_previous_token_stays_valid_five_minutes_after_a_new_fetch() {
      String first = f.fetchToken();
      f.advance(Duration.ofMinutes(10));
      String second = f.fetchToken();
      f.advance(Duration.ofMinutes(4));
      assertThat(dataCode(queryOrders(first))).isZero();

      f.advance(Duration.ofMinutes(1));
      assertThat(dataCode(queryOrders(first))).isEqualTo(SimErrors.TOKEN_INVALID);
      assertThat(dataCode(queryOrders(second))).isZero();
    }

    @Test
    void only_the_two_newest_tokens_are_ever_valid() {
      String first = f.fetchToken();
      f.fetchToken();
      f.fetchToken();

      assertThat(dataCode(queryOrders(first))).isEqualTo(SimErrors.TOKEN_INVALID);
    }

    @Test
    void more_than_500_fetches_in_five_minutes_answer_10020() {
      for (int i = 0; i < 500; i++) {
        f.fetchToken();
      }
      JsonObject body = new JsonObject().put("client_key", SimulatorFixture.KEY)
          .put("client_secret", SimulatorFixture.SECRET).put("grant_type", "client_credential");
      assertThat(dataCode(f.postJson(OpenApi.O9, null, body))).isEqualTo(SimErrors.OAUTH_TOO_OFTEN);

      f.advance(Duration.ofMinutes(5));
      assertThat(dataCode(f.postJson(OpenApi.O9, null, body))).isZero();
    }

    @Test
    void wrong_secret_and_unknown_key_are_refused() {
      assertThat(dataCode(f.postJson(OpenApi.O9, null, new JsonObject().put("client_key", SimulatorFixture.KEY)
          .put("client_secret", "nope").put("grant_type", "client_credential")))).isEqualTo(10013);
      assertThat(dataCode(f.postJson(OpenApi.O9, null, new JsonObject().put("client_key", "other")
          .put("client_secret", "x").put("grant_type", "client_credential")))).isEqualTo(10003);
    }

    @Test
    void a_call_without_token_is_refused() {
      assertThat(dataCode(queryOrders(""))).isEqualTo(SimErrors.TOKEN_INVALID);
    }
  }

  @Nested
  class Envelope {

    @Test
    void success_carries_logid_and_server_time_in_extra() {
      JsonObject r = queryOrders(f.fetchToken());

      JsonObject extra = r.getJsonObject("extra");
      assertThat(extra.getString("logid")).startsWith("20260101").hasSizeGreaterThan(20);
      assertThat(extra.getLong("now")).isEqualTo(f.sim.clock().epochSeconds());
      assertThat(extra.getInteger("error_code")).isZero();
      assertThat(extra.getInteger("sub_error_code")).isZero();
      assertThat(dataCode(r)).isZero();
    }

    @Test
    void a_business_error_is_reported_in_data_and_in_extra() {
      JsonObject r = f.get(OpenApi.O5, f.fetchToken(), Map.of());

      assertThat(dataCode(r)).isEqualTo(SimErrors.INVALID_PARAMETER);
      assertThat(r.getJsonObject("extra").getInteger("error_code")).isEqualTo(SimErrors.INVALID_PARAMETER);
      assertThat(r.getJsonObject("data").getString("description")).isNotBlank();
    }
  }

  @Nested
  class VerifyAndCancel {

    private JsonObject verify(String token, Order o, String code) {
      return f.postJson(VERIFY, token, new JsonObject().put("verify_token", UUID.randomUUID().toString())
          .put("poi_id", POI).put("order_id", o.orderId()).put("codes", new JsonArray().add(code)));
    }

    @Test
    void a_certificate_is_verified_only_once() {
      Order o = f.issuedOrder(1, "PK1111");
      String token = f.fetchToken();

      JsonObject first = verify(token, o, "PK1111").getJsonObject("data").getJsonArray("verify_results")
          .getJsonObject(0);
      JsonObject second = verify(token, o, "PK1111").getJsonObject("data").getJsonArray("verify_results")
          .getJsonObject(0);

      assertThat(first.getInteger("result")).isZero();
      assertThat(first.getString("verify_id")).isNotBlank();
      assertThat(first.getString("certificate_id")).isEqualTo(o.certificates().get(0).certificateId());
      assertThat(second.getInteger("result")).isEqualTo(SimErrors.ALREADY_VERIFIED);
    }

    @Test
    void a_retry_with_the_same_verify_token_and_body_gets_the_same_answer() {
      Order o = f.issuedOrder(1, "PK2222");
      String token = f.fetchToken();
      JsonObject body = new JsonObject().put("verify_token", "t-1").put("poi_id", POI)
          .put("order_id", o.orderId()).put("codes", new JsonArray().add("PK2222"));

      JsonObject first = f.postJson(VERIFY, token, body);
      JsonObject retry = f.postJson(VERIFY, token, body);

      assertThat(retry.getJsonObject("data")).isEqualTo(first.getJsonObject("data"));
      assertThat(o.certificates().get(0).verifications()).hasSize(1);
    }

    @Test
    void a_verification_can_be_cancelled_within_one_hour_only() {
      Order o = f.issuedOrder(2, "PK-A", "PK-B");
      String token = f.fetchToken();
      JsonObject a = verify(token, o, "PK-A").getJsonObject("data").getJsonArray("verify_results").getJsonObject(0);
      JsonObject b = verify(token, o, "PK-B").getJsonObject("data").getJsonArray("verify_results").getJsonObject(0);
      f.advance(Duration.ofMinutes(59));

      JsonObject inTime = f.postJson(CANCEL, token, new JsonObject().put("verify_id", a.getString("verify_id"))
          .put("certificate_id", a.getString("certificate_id")));
      f.advance(Duration.ofMinutes(1));
      token = f.fetchToken();
      JsonObject late = f.postJson(CANCEL, token, new JsonObject().put("verify_id", b.getString("verify_id"))
          .put("certificate_id", b.getString("certificate_id")));

      assertThat(dataCode(inTime)).isZero();
      assertThat(o.certificates().get(0).status()).isEqualTo(PlatformState.CertStatus.UNUSED);
      assertThat(dataCode(late)).isEqualTo(SimErrors.CANCEL_WINDOW_CLOSED);
      assertThat(o.certificates().get(1).status()).isEqualTo(PlatformState.CertStatus.USED);
    }

    @Test
    void a_douyin_code_goes_through_prepare_then_verify_and_the_token_serves_once() {
      Order o = f.sim.journey().douyinCodeOrder(f.purchase(2).withMode(PlatformState.Mode.DOUYIN_CODE));
      String token = f.fetchToken();
      String code = o.certificates().get(0).code();

      JsonObject prepared = f.get(OpenApi.O6, token, Map.of("code", code, "poi_id", POI)).getJsonObject("data");
      JsonObject cert = prepared.getJsonArray("certificates").getJsonObject(0);
      JsonObject body = new JsonObject().put("verify_token", prepared.getString("verify_token")).put("poi_id", POI)
          .put("encrypted_codes", new JsonArray().add(cert.getString("encrypted_code")))
          .put("order_id", o.orderId());
      JsonObject verified = f.postJson(VERIFY, token, body);
      JsonObject reused = f.postJson(VERIFY, token, body.copy().put("encrypted_codes",
          new JsonArray().add(o.certificates().get(1).encryptedCode())));

      assertThat(prepared.getString("order_id")).isEqualTo(o.orderId());
      assertThat(cert.getString("encrypted_code")).contains("+").contains("/");
      assertThat(verified.getJsonObject("data").getJsonArray("verify_results").getJsonObject(0)
          .getString("origin_code")).isEqualTo(code);
      assertThat(dataCode(reused)).isEqualTo(SimErrors.VERIFY_TOKEN_UNUSABLE);
    }

    @Test
    void the_qr_payload_prepares_the_whole_order_and_the_status_query_finds_it() {
      Order o = f.sim.journey().douyinCodeOrder(f.purchase(2).withMode(PlatformState.Mode.DOUYIN_CODE));
      String token = f.fetchToken();

      JsonObject prepared = f.get(OpenApi.O6, token, Map.of("encrypted_data", o.qrObjectId(), "poi_id", POI));
      String encrypted = o.certificates().get(1).encryptedCode();
      JsonObject status = f.get(OpenApi.O5, token, Map.of("encrypted_code", encrypted));

      assertThat(prepared.getJsonObject("data").getJsonArray("certificates")).hasSize(2);
      assertThat(status.getJsonObject("data").getJsonArray("certificates").getJsonObject(0)
          .getString("certificate_id")).isEqualTo(o.certificates().get(1).certificateId());
    }
  }

  @Nested
  class IssueCallback {

    private Order issuingOrder() {
      f.tihuo.on("/spi/orders/create", FakeTihuo.Reply.data(SimulatorFixture.ok().put("order_out_id", "M-9")));
      f.tihuo.on("/spi/codes/issue", FakeTihuo.Reply.data(SimulatorFixture.ok().put("result", 0)));
      return SimulatorFixture.await(f.sim.journey().buy(f.purchase(1)));
    }

    private JsonObject callback(String token, Order o, String code) {
      return f.postJson(OpenApi.O1, token, new JsonObject().put("order_id", o.orderId()).put("result", 1)
          .put("codes", new JsonArray().add(code)).put("third_order_id", "M-9"));
    }

    @Test
    void an_order_that_answered_issuing_accepts_the_callback_within_ten_minutes() {
      Order o = issuingOrder();
      f.advance(Duration.ofMinutes(9));

      JsonObject r = callback(f.fetchToken(), o, "LATE-OK");

      assertThat(dataCode(r)).isZero();
      assertThat(r.getJsonObject("data").getJsonArray("certificate_info_list").getJsonObject(0)
          .getString("certificate_id")).isEqualTo(o.certificates().get(0).certificateId());
      assertThat(o.status()).isEqualTo(OrderStatus.ISSUED);
      assertThat(o.codes()).containsExactly("LATE-OK");
    }

    @Test
    void an_order_that_did_not_ask_for_a_callback_refuses_it() {
      Order o = f.issuedOrder(1, "SYNC-CODE");

      assertThat(dataCode(callback(f.fetchToken(), o, "OTHER"))).isEqualTo(SimErrors.CALLBACK_NOT_EXPECTED);
      assertThat(o.codes()).containsExactly("SYNC-CODE");
    }

    @Test
    void after_ten_minutes_the_callback_is_refused_and_the_refund_path_starts_where_a_late_code_can_be_supplied() {
      Order o = issuingOrder();
      f.tihuo.on("/spi/refunds/apply", FakeTihuo.Reply.data(SimulatorFixture.ok().put("result", 2)
          .put("codes", new JsonArray().add("BU-MA"))));
      String token = f.fetchToken();
      f.advance(Duration.ofMinutes(10));

      JsonObject late = callback(token, o, "TOO-LATE");

      assertThat(dataCode(late)).isEqualTo(SimErrors.CALLBACK_WINDOW_CLOSED);
      List<FakeTihuo.Received> applies = f.tihuo.received("/spi/refunds/apply");
      assertThat(applies).hasSize(1);
      JsonObject item = applies.get(0).json().getJsonArray("refund_info_list").getJsonObject(0);
      assertThat(item.getJsonObject("certificate").getString("code")).isEmpty();
      assertThat(o.status()).as("补码: the rejected refund carried the code").isEqualTo(OrderStatus.ISSUED);
      assertThat(o.codes()).containsExactly("BU-MA");
    }
  }

  @Nested
  class RefundAudit {

    @Test
    void only_an_open_after_sale_can_be_decided() {
      Order o = f.issuedOrder(1, "RF-1");
      f.tihuo.on("/spi/refunds/apply", FakeTihuo.Reply.data(SimulatorFixture.ok().put("result", 0)));
      var as = SimulatorFixture.await(f.sim.journey().applyRefund(o.orderId(), 1));
      assertThat(as.status()).isEqualTo(AfterSaleStatus.PENDING);
      String token = f.fetchToken();
      JsonObject audit = new JsonObject().put("order_id", o.orderId()).put("after_sale_id", as.afterSaleId())
          .put("out_after_sale_id", "R-1").put("audit_result", 1).put("reason_code", 0).put("reason_msg", "");

      JsonObject first = f.postJson(OpenApi.O2, token, audit);
      JsonObject again = f.postJson(OpenApi.O2, token, audit.copy().put("audit_result", 2));

      assertThat(dataCode(first)).isZero();
      assertThat(dataCode(again)).isEqualTo(SimErrors.AFTER_SALE_NOT_OPEN);
      assertThat(as.outAfterSaleId()).isEqualTo("R-1");
      assertThat(o.certificates().get(0).status()).isEqualTo(PlatformState.CertStatus.REFUNDED);
    }
  }

  @Nested
  class StoreStock {

    @Test
    void saved_stock_reads_back_with_numeric_ids_and_pascal_case_keys() {
      String token = f.fetchToken();
      long sku = Long.parseLong(f.skuId);
      long product = Long.parseLong(f.product.productId());
      JsonObject save = f.postJson(OpenApi.O7, token, new JsonObject().put("account_id", Long.parseLong(ACCOUNT))
          .put("root_life_account_id", 7000000000000000000L)
          .put("poi_stock_list", new JsonArray()
              .add(new JsonObject().put("product_id", product).put("sku_id", sku)
                  .put("poi", new JsonObject().put("poi_id", Long.parseLong(POI))).put("stock_qty", 40))
              .add(new JsonObject().put("product_id", product).put("sku_id", 1L)
                  .put("poi", new JsonObject().put("poi_id", Long.parseLong(POI))).put("stock_qty", 3))));
      f.issuedOrder(2, "S-1", "S-2"); // two units sold at that store, not yet picked up

      JsonObject detail = f.postJson(OpenApi.O8, token, new JsonObject().put("account_id", Long.parseLong(ACCOUNT))
          .put("root_life_account_id", 7000000000000000000L)
          .put("sku_poi_list", new JsonArray().add(new JsonObject().put("product_id", product).put("sku_id", sku)
              .put("poi_list", new JsonArray().add(new JsonObject().put("poi_id", Long.parseLong(POI)))))));

      JsonArray failed = save.getJsonObject("data").getJsonArray("fail_poi_list");
      assertThat(failed).hasSize(1);
      assertThat(failed.getJsonObject(0).getString("reason")).contains("sku not found");
      assertThat(save.getJsonObject("BaseResp").getInteger("StatusCode")).isZero();
      JsonObject entry = detail.getJsonObject("data").getJsonObject("sku_id_poi_stock_list_map")
          .getJsonArray(f.skuId).getJsonObject(0);
      assertThat(entry.getJsonObject("Poi").getValue("poi_id")).isEqualTo(Long.parseLong(POI));
      assertThat(entry.getLong("StockQty")).isEqualTo(40);
      assertThat(entry.getLong("AvailQty")).isEqualTo(38);
    }

    @Test
    void a_second_save_overwrites_the_quantity() {
      String token = f.fetchToken();
      for (int qty : new int[] {40, 7}) {
        f.postJson(OpenApi.O7, token, new JsonObject().put("account_id", 1).put("root_life_account_id", 1)
            .put("poi_stock_list", new JsonArray().add(new JsonObject().put("sku_id", Long.parseLong(f.skuId))
                .put("poi", new JsonObject().put("poi_id", Long.parseLong(POI))).put("stock_qty", qty))));
      }
      assertThat(f.sim.state().stockOf(f.skuId, POI)).contains(7L);
    }
  }

  @Nested
  class FaultsAndRecording {

    @Test
    void the_next_n_calls_fail_then_the_path_recovers() {
      String token = f.fetchToken();
      f.sim.faults().failNext(OpenApi.O10, 2, FaultKind.BUSY_2100004);

      assertThat(dataCode(queryOrders(token))).isEqualTo(SimErrors.SYSTEM_BUSY);
      assertThat(queryOrders(token).getJsonObject("extra").getInteger("error_code")).isEqualTo(SimErrors.SYSTEM_BUSY);
      assertThat(dataCode(queryOrders(token))).isZero();
    }

    @Test
    void a_path_fails_for_a_while_of_simulator_time() {
      String token = f.fetchToken();
      f.sim.faults().failPathFor(OpenApi.O10, Duration.ofMinutes(1), FaultKind.HTTP_5XX);

      int during = f.rawPost(OpenApi.O10, token, new JsonObject()).statusCode();
      int otherPath = f.get(OpenApi.O5, token, Map.of("order_id", "1")).getJsonObject("data")
          .getInteger("error_code");
      f.advance(Duration.ofMinutes(1));

      assertThat(during).isEqualTo(503);
      assertThat(otherPath).isEqualTo(SimErrors.NOT_FOUND);
      assertThat(dataCode(queryOrders(token))).isZero();
    }

    @Test
    void token_expired_fault_answers_2190008_even_with_a_good_token() {
      String token = f.fetchToken();
      f.sim.faults().failNext(Faults.ANY_PATH, 1, FaultKind.TOKEN_EXPIRED);

      assertThat(dataCode(queryOrders(token))).isEqualTo(SimErrors.TOKEN_EXPIRED);
      assertThat(dataCode(queryOrders(token))).isZero();
    }

    @Test
    void a_timeout_fault_leaves_the_caller_without_an_answer() {
      String token = f.fetchToken();
      f.sim.faults().failNext(OpenApi.O10, 1, FaultKind.TIMEOUT);

      Throwable failure = null;
      try {
        f.http.getAbs(f.sim.baseUrl() + OpenApi.O10).putHeader("access-token", token).timeout(300).send()
            .await(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Throwable t) {
        failure = t;
      }
      assertThat(failure).isNotNull();
    }

    @Test
    void every_call_is_recorded_with_method_headers_query_and_body() {
      String token = f.fetchToken();
      f.get(OpenApi.O5, token, Map.of("order_id", "42"));

      RecordedCall call = f.sim.calls().last(OpenApi.O5).orElseThrow();
      assertThat(call.method()).isEqualTo("GET");
      assertThat(call.header("access-token")).isEqualTo(token);
      assertThat(call.queryParam("order_id")).isEqualTo("42");
      RecordedCall tokenCall = f.sim.calls().last(OpenApi.O9).orElseThrow();
      assertThat(tokenCall.json().getString("client_key")).isEqualTo(SimulatorFixture.KEY);
      assertThat(f.sim.calls().all()).extracting(RecordedCall::path).containsExactly(OpenApi.O9, OpenApi.O5);
    }
  }
}
