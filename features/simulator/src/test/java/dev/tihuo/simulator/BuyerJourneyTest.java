package dev.tihuo.simulator;

import static dev.tihuo.simulator.SimulatorFixture.await;
import static dev.tihuo.simulator.SimulatorFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.DouyinPlatformClient.Spi;
import dev.tihuo.simulator.FakeTihuo.Received;
import dev.tihuo.simulator.FakeTihuo.Reply;
import dev.tihuo.simulator.PlatformState.AfterSale;
import dev.tihuo.simulator.PlatformState.AfterSaleStatus;
import dev.tihuo.simulator.PlatformState.CertStatus;
import dev.tihuo.simulator.PlatformState.Mode;
import dev.tihuo.simulator.PlatformState.Order;
import dev.tihuo.simulator.PlatformState.OrderStatus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BuyerJourneyTest {

  static final String CREATE = "/spi/orders/create";
  static final String PAY = "/spi/orders/pay-notify";
  static final String ISSUE = "/spi/codes/issue";
  static final String REFUND_APPLY = "/spi/refunds/apply";
  static final String REFUND_NOTIFY = "/spi/refunds/notify";

  SimulatorFixture f;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    f = new SimulatorFixture(vertx);
    f.tihuo.on(CREATE, Reply.data(ok().put("order_out_id", "M-1")));
  }

  @AfterEach
  void stop() throws Exception {
    f.close();
  }

  private static Reply issued(String... codes) {
    return Reply.data(ok().put("result", 1).put("codes", new JsonArray(List.of((Object[]) codes))));
  }

  /** Gaps between the S4 attempts, read from the signed 13-digit timestamps Douyin sent. */
  private List<Duration> gapsBetween(List<Received> attempts) {
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < attempts.size(); i++) {
      gaps.add(Duration.ofMillis(Long.parseLong(attempts.get(i).query().get("timestamp"))
          - Long.parseLong(attempts.get(i - 1).query().get("timestamp"))));
    }
    return gaps;
  }

  @Test
  void every_spi_request_is_signed_as_spi_md_says() {
    f.tihuo.on(ISSUE, issued("PK1"));

    await(f.sim.journey().buy(f.purchase(1)));

    Received create = f.tihuo.received(CREATE).get(0);
    assertThat(create.signatureValid()).isTrue();
    assertThat(create.query().get("client_key")).isEqualTo(SimulatorFixture.KEY);
    assertThat(create.query().get("timestamp")).hasSize(13);
    assertThat(create.headers()).containsEntry("x-life-clientkey", SimulatorFixture.KEY)
        .containsKey("x-bytedance-logid").containsEntry("content-type", "application/json");
    assertThat(f.tihuo.all()).allMatch(Received::signatureValid);
  }

  @Test
  void a_tampered_request_fails_the_signature_check() {
    SpiReply reply = await(f.sim.client().sendTampered(Spi.S2_PAY_NOTIFY,
        new JsonObject().put("order_id", "1").put("order_out_id", "M-1")));

    assertThat(reply.httpStatus()).isEqualTo(401);
    assertThat(f.tihuo.received(PAY).get(0).signatureValid()).isFalse();
    assertThat(reply.asksForRetry()).as("a bad signature is not retried").isFalse();
  }

  @Test
  void after_pay_sends_create_then_issue_and_shows_the_codes() {
    f.tihuo.on(ISSUE, issued("PK-A", "PK-B"));

    Order o = await(f.sim.journey().buy(f.purchase(2)));

    assertThat(o.status()).isEqualTo(OrderStatus.ISSUED);
    assertThat(o.orderOutId()).isEqualTo("M-1");
    assertThat(o.certificates()).extracting(PlatformState.Certificate::code).containsExactly("PK-A", "PK-B");
    JsonObject s1 = f.tihuo.received(CREATE).get(0).json();
    assertThat(s1.getJsonObject("amount").getLong("pay_amount")).isEqualTo(13600);
    assertThat(s1.getJsonArray("sku_list").getJsonObject(0).getString("sku_out_id")).isEqualTo("SKU-1");
    JsonObject s4 = f.tihuo.received(ISSUE).get(0).json();
    assertThat(s4.getJsonArray("certificates")).hasSize(2);
    assertThat(f.tihuo.received(PAY)).as("after-pay: no pay notice").isEmpty();
  }

  @Test
  void before_pay_waits_for_payment_then_notifies_and_issues() {
    f.tihuo.on(ISSUE, issued("PK-1"));

    Order o = await(f.sim.journey().createOrder(f.purchase(1).withMode(Mode.BEFORE_PAY)));
    assertThat(o.status()).isEqualTo(OrderStatus.CREATED);
    assertThat(f.tihuo.received(ISSUE)).isEmpty();

    await(f.sim.journey().pay(o.orderId()));

    assertThat(f.tihuo.received(PAY)).hasSize(1);
    assertThat(f.tihuo.received(PAY).get(0).json().getString("order_out_id")).isEqualTo("M-1");
    assertThat(o.status()).isEqualTo(OrderStatus.ISSUED);
  }

  @Test
  void a_refused_create_rejects_the_order_and_no_code_is_asked_for() {
    f.tihuo.on(CREATE, Reply.data(new JsonObject().put("error_code", 40005).put("description", "out of stock")));

    Order o = await(f.sim.journey().buy(f.purchase(1)));

    assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(f.tihuo.received(CREATE)).as("a business error is not retried").hasSize(1);
    assertThat(f.tihuo.received(ISSUE)).isEmpty();
  }

  @Test
  void issue_is_resent_on_error_100_with_douyins_schedule() {
    f.tihuo.on(ISSUE, Reply.retry(), Reply.retry(), Reply.retry(), issued("PK-LATE"));

    Order o = await(f.sim.journey().buy(f.purchase(1)));

    List<Received> attempts = f.tihuo.received(ISSUE);
    assertThat(attempts).hasSize(4);
    assertThat(gapsBetween(attempts))
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
    assertThat(attempts).extracting(Received::body).containsOnly(attempts.get(0).body());
    assertThat(o.status()).isEqualTo(OrderStatus.ISSUED);
  }

  @Test
  void issue_is_resent_when_tihuo_does_not_answer_in_time() {
    f.tihuo.on(ISSUE, Reply.slow(2_000), issued("PK-2"));

    Order o = await(f.sim.journey().buy(f.purchase(1)));

    assertThat(f.tihuo.received(ISSUE)).hasSize(2);
    assertThat(o.status()).isEqualTo(OrderStatus.ISSUED);
  }

  @Test
  void after_six_retries_douyin_gives_up_and_starts_the_refund_audit() {
    f.tihuo.on(ISSUE, Reply.retry());
    f.tihuo.on(REFUND_APPLY, Reply.data(ok().put("result", 1)));
    var start = f.sim.clock().instant();

    Order o = await(f.sim.journey().buy(f.purchase(1)));

    List<Received> attempts = f.tihuo.received(ISSUE);
    assertThat(attempts).hasSize(7);
    assertThat(gapsBetween(attempts)).containsExactlyElementsOf(RetrySchedule.ISSUE_CODE.gaps());
    assertThat(Duration.between(start, f.sim.clock().instant())).isEqualTo(Duration.ofSeconds(580));
    assertThat(f.tihuo.received(REFUND_APPLY)).hasSize(1);
    assertThat(f.tihuo.received(REFUND_NOTIFY)).hasSize(1);
    assertThat(o.status()).isEqualTo(OrderStatus.REFUNDED);
  }

  @Test
  void result_0_waits_for_the_callback_and_the_lapse_starts_the_refund_path() {
    f.tihuo.on(ISSUE, Reply.data(ok().put("result", 0)));
    f.tihuo.on(REFUND_APPLY, Reply.data(ok().put("result", 0)));

    Order o = await(f.sim.journey().buy(f.purchase(1)));
    assertThat(o.status()).isEqualTo(OrderStatus.ISSUING);
    assertThat(o.awaitsCallback()).isTrue();

    f.advance(Duration.ofMinutes(9));
    assertThat(f.tihuo.received(REFUND_APPLY)).isEmpty();
    f.advance(Duration.ofMinutes(1));

    assertThat(o.status()).isEqualTo(OrderStatus.ISSUE_FAILED);
    assertThat(f.tihuo.received(REFUND_APPLY)).hasSize(1);
    AfterSale as = f.sim.state().afterSalesOf(o.orderId()).get(0);
    assertThat(as.kind()).isEqualTo(PlatformState.AfterSaleKind.ISSUE_TIMEOUT_REFUND);
    assertThat(as.status()).isEqualTo(AfterSaleStatus.PENDING);
  }

  @Test
  void result_2_refunds_directly_without_audit() {
    f.tihuo.on(ISSUE, Reply.data(ok().put("result", 2).put("fail_reason", "no stock")));

    Order o = await(f.sim.journey().buy(f.purchase(1)));

    assertThat(o.status()).isEqualTo(OrderStatus.REFUNDED);
    assertThat(f.tihuo.received(REFUND_APPLY)).isEmpty();
    JsonObject s6 = f.tihuo.received(REFUND_NOTIFY).get(0).json();
    assertThat(s6.getInteger("notice_type")).isZero();
    assertThat(s6.getInteger("after_sale_type")).isEqualTo(3);
    assertThat(s6.getLong("refund_amount")).isEqualTo(6800);
  }

  @Test
  void a_refund_is_approved_rejected_or_left_pending_as_tihuo_answers() {
    f.tihuo.on(ISSUE, issued("R-1", "R-2", "R-3"));
    Order o = await(f.sim.journey().buy(f.purchase(3)));

    f.tihuo.on(REFUND_APPLY, Reply.data(ok().put("result", 1)));
    AfterSale approved = await(f.sim.journey().applyRefund(o.orderId(), 1));
    f.tihuo.on(REFUND_APPLY, Reply.data(ok().put("result", 2).put("reason", "picked up")));
    AfterSale rejected = await(f.sim.journey().applyRefund(o.orderId(), 1));
    f.tihuo.on(REFUND_APPLY, Reply.data(ok().put("result", 0)));
    AfterSale pending = await(f.sim.journey().applyRefund(o.orderId(), 1));

    assertThat(approved.status()).isEqualTo(AfterSaleStatus.SUCCEEDED);
    assertThat(rejected.status()).isEqualTo(AfterSaleStatus.REJECTED);
    assertThat(pending.status()).isEqualTo(AfterSaleStatus.PENDING);
    assertThat(f.tihuo.received(REFUND_NOTIFY)).hasSize(1);
    assertThat(o.certificates()).extracting(PlatformState.Certificate::status)
        .containsExactlyInAnyOrder(CertStatus.REFUNDED, CertStatus.UNUSED, CertStatus.REFUND_REQUESTED);
    JsonObject s5 = f.tihuo.received(REFUND_APPLY).get(0).json();
    assertThat(s5.getString("biz_uniq_key")).isEqualTo(approved.afterSaleId());
    assertThat(s5.getLong("handle_time")).isEqualTo(f.sim.clock().millis());
  }

  @Test
  void an_unanswered_refund_apply_is_resent_hourly_and_approved_after_72_hours() {
    f.tihuo.on(ISSUE, issued("H-1"));
    Order o = await(f.sim.journey().buy(f.purchase(1)));
    f.tihuo.on(REFUND_APPLY, Reply.retry());

    AfterSale as = await(f.sim.journey().applyRefund(o.orderId(), 1));
    f.advance(Duration.ofHours(1));
    assertThat(f.tihuo.received(REFUND_APPLY)).hasSize(2);
    assertThat(f.tihuo.received(REFUND_APPLY)).extracting(r -> r.json().getString("biz_uniq_key"))
        .containsOnly(as.afterSaleId());

    f.advance(Duration.ofHours(71));
    assertThat(as.status()).isEqualTo(AfterSaleStatus.SUCCEEDED);
    assertThat(f.tihuo.received(REFUND_NOTIFY)).hasSize(1);
  }

  @Test
  void a_return_of_picked_up_goods_is_sent_as_s7_and_a_timed_out_one_as_s8() {
    f.tihuo.on(ISSUE, issued("RT-1"));
    Order o = await(f.sim.journey().buy(f.purchase(1)));
    o.certificates().get(0).status = CertStatus.USED; // picked up at the store
    f.tihuo.on("/spi/returns/apply", Reply.data(ok().put("result", 0)));

    AfterSale ret = await(f.sim.journey().applyReturn(o.orderId(), 1));
    await(f.sim.journey().timeoutReturn(ret.afterSaleId()));

    assertThat(f.tihuo.received("/spi/returns/apply").get(0).json().getInteger("after_sale_type")).isEqualTo(1);
    assertThat(f.tihuo.received("/spi/returns/timeout-notify")).hasSize(1);
    assertThat(f.tihuo.received(REFUND_NOTIFY).get(0).json().getInteger("after_sale_type")).isEqualTo(1);
    assertThat(ret.status()).isEqualTo(AfterSaleStatus.SUCCEEDED);
  }

  @Test
  void cancel_and_store_change_reach_tihuo_signed() {
    Order o = await(f.sim.journey().createOrder(f.purchase(1).withMode(Mode.BEFORE_PAY)));
    SpiReply webhook = await(f.sim.journey().changeStore(o.orderId(), "6600000000000000002"));
    await(f.sim.journey().cancel(o.orderId()));

    Received w1 = f.tihuo.received("/webhooks/douyin").get(0);
    assertThat(webhook.httpStatus()).isEqualTo(200);
    assertThat(w1.signatureValid()).isTrue();
    assertThat(w1.headers()).containsKey("msg-id");
    JsonObject content = new JsonObject(w1.json().getString("content"));
    assertThat(w1.json().getString("event")).isEqualTo("life_retail_comp_poi_change");
    assertThat(content.getString("old_poi_id")).isEqualTo(SimulatorFixture.POI);
    assertThat(content.getString("new_poi_id")).isEqualTo("6600000000000000002");
    Received s3 = f.tihuo.received("/spi/orders/cancel-notify").get(0);
    assertThat(s3.json().getInteger("cancel_type")).isEqualTo(1);
    assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
  }
}
