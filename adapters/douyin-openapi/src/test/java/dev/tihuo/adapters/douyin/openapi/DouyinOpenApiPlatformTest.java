package dev.tihuo.adapters.douyin.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import dev.tihuo.application.port.out.DouyinPlatform.DouyinRefused;
import dev.tihuo.application.port.out.DouyinPlatform.DouyinUnavailable;
import dev.tihuo.simulator.DouyinPlatformClient;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.FaultKind;
import dev.tihuo.simulator.PlatformState;
import dev.tihuo.simulator.Purchase;
import dev.tihuo.simulator.RecordedCall;
import dev.tihuo.simulator.SimClock;
import dev.tihuo.simulator.SimulatorOptions;
import dev.tihuo.simulator.BuyerJourney;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link DouyinOpenApiPlatform} against the platform simulator: what each port method sends (as the simulator recorded
 * it), what it makes of the answer, and how failures reach the application. A tiny stand-in for tihuo's SPI answers
 * the simulator's buyer journey where a test needs an order in a given state (issuing, issued, refund pending).
 */
class DouyinOpenApiPlatformTest {
    static final String KEY = "awPLATFORM";
    static final String SECRET = "platform-secret";
    static final String ACCOUNT = "7000000000000000001";
    static final String POI = "6600000000000000001";
    static final String O1 = "/goodlife/v1/compre_retail/fulfilment/create/callback/";
    static final String O2 = "/goodlife/v1/compre_retail/order/refund/audit/";
    static final String O3 = "/goodlife/v1/compre_retail/fulfilment/certificate/verify/";
    static final String O4 = "/goodlife/v1/compre_retail/fulfilment/certificate/cancel/";
    static final String O5 = "/goodlife/v1/compre_retail/fulfilment/certificate/query/";
    static final String O6 = "/goodlife/v1/compre_retail/fulfilment/certificate/prepare/";
    static final String O7 = "/goodlife/v1/goods/pickupcoupon/poistock/save/";
    static final String O9 = "/oauth/client_token/";
    static final String G3 = "/goodlife/v1/goods/product/save/";
    static final String G4 = "/goodlife/v1/goods/sku/batch_save/";

    Vertx vertx;
    HttpServer spi;
    volatile JsonObject issueReply;
    DouyinSimulator sim;
    SimClock clock;
    InMemoryTokenStore tokens;
    SimpleMeterRegistry registry;
    DouyinOpenApiPlatform platform;
    String productId;
    String skuId;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        spi = vertx.createHttpServer().requestHandler(req -> req.body().onComplete(b -> {
            String path = req.path();
            JsonObject data = new JsonObject().put("error_code", 0).put("description", "");
            if (path.endsWith("/orders/create")) data.put("order_out_id", "M-" + UUID.randomUUID());
            if (path.endsWith("/codes/issue")) data = issueReply.copy();
            if (path.endsWith("/refunds/apply")) data.put("result", 0); // pending: decided later through O2
            req.response().putHeader("content-type", "application/json").end(new JsonObject().put("data", data).encode());
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        issueReply = ok().put("result", 1).put("codes", new JsonArray().add("PV-0001"));
        sim = DouyinSimulator.start(vertx, SimulatorOptions.defaults().app(KEY, SECRET)
                .tihuo(DouyinPlatformClient.Target.of("http://127.0.0.1:" + spi.actualPort(), KEY, SECRET))
                .pacing(BuyerJourney.Pacing.compressed(0))
                .timeoutHold(Duration.ofSeconds(5))).await(10, TimeUnit.SECONDS);
        clock = sim.clock();
        tokens = new InMemoryTokenStore();
        registry = new SimpleMeterRegistry();
        platform = DouyinOpenApiPlatform.create(vertx, config(), tokens, clock, registry);
        PlatformState.Product p = sim.state().seedProduct(ACCOUNT, "P-1", "咖啡豆 到店自提", List.of(POI),
                List.of(new JsonObject().put("out_sku_id", "SKU-1").put("sku_name", "250g").put("actual_amount", 6800)));
        productId = p.productId();
        skuId = p.skuIds().get(0);
    }

    DouyinOpenApiConfig config() {
        return DouyinOpenApiConfig.defaults(sim.baseUrl(), KEY, SECRET, "test-instance")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws Exception {
        sim.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    static JsonObject ok() {
        return new JsonObject().put("error_code", 0).put("description", "");
    }

    static <T> T await(Future<T> f) {
        try {
            return f.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    PlatformState.Order buy(int count) {
        return await(sim.journey().buy(Purchase.afterPay(ACCOUNT, POI, productId, skuId, count, 6800).withOutIds("P-1", "SKU-1")));
    }

    PlatformState.Order douyinCodeOrder(int count) {
        return sim.journey().douyinCodeOrder(Purchase.afterPay(ACCOUNT, POI, productId, skuId, count, 6800));
    }

    RecordedCall last(String path) {
        return sim.calls().last(path).orElseThrow();
    }

    long timerCount(String api, String outcome) {
        var t = registry.find("tihuo.douyin.calls").tags("api", api, "outcome", outcome).timer();
        return t == null ? 0 : t.count();
    }

    @Nested
    class Outbox_messages {

        @Test
        void O1_reports_issued_codes_and_brings_back_the_certificate_ids() {
            issueReply = ok().put("result", 0); // "issuing": Douyin waits for O1
            PlatformState.Order order = buy(2);

            DouyinPlatform.Delivery d = platform.deliver(new DouyinCall.IssueCallback(order.orderId(), true,
                    List.of(new DouyinCall.IssuedCode(null, "PV-A"), new DouyinCall.IssuedCode(null, "PV-B")), null));

            RecordedCall call = last(O1);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.header("access-token")).startsWith("clt.");
            assertThat(call.header("content-type")).isEqualTo("application/json");
            assertThat(call.json()).isEqualTo(new JsonObject().put("order_id", order.orderId()).put("result", 1)
                    .put("codes", new JsonArray().add("PV-A").add("PV-B")));
            List<String> certificateIds = sim.state().order(order.orderId()).orElseThrow().certificates().stream()
                    .map(PlatformState.Certificate::certificateId).toList();
            assertThat(d.certificates()).extracting(DouyinPlatform.IssuedCode::certificateId).containsExactlyElementsOf(certificateIds);
            assertThat(d.certificates()).extracting(DouyinPlatform.IssuedCode::code).containsExactly("PV-A", "PV-B");
            assertThat(d.logid()).isNotBlank().isNotEqualTo("-");
            assertThat(sim.state().order(order.orderId()).orElseThrow().status()).isEqualTo(PlatformState.OrderStatus.ISSUED);
        }

        @Test
        void O1_reports_a_failed_issue_with_its_reason() {
            issueReply = ok().put("result", 0);
            PlatformState.Order order = buy(1);

            platform.deliver(new DouyinCall.IssueCallback(order.orderId(), false, List.of(), "out of stock"));

            assertThat(last(O1).json()).isEqualTo(new JsonObject().put("order_id", order.orderId()).put("result", 2)
                    .put("fail_reason", "out of stock"));
            assertThat(sim.state().order(order.orderId()).orElseThrow().status()) // then Douyin refunds at once
                    .isIn(PlatformState.OrderStatus.ISSUE_FAILED, PlatformState.OrderStatus.REFUNDED);
        }

        @Test
        void a_business_refusal_is_DouyinRefused_with_code_message_and_logid() {
            PlatformState.Order order = buy(1); // issued synchronously: Douyin expects no O1

            assertThatThrownBy(() -> platform.deliver(new DouyinCall.IssueCallback(order.orderId(), true,
                    List.of(new DouyinCall.IssuedCode(null, "PV-0001")), null)))
                    .isInstanceOfSatisfying(DouyinRefused.class, e -> {
                        assertThat(e.code()).isEqualTo(2119003);
                        assertThat(e.logid()).isNotBlank().isNotEqualTo("-");
                        assertThat(e.getMessage()).contains(O1).contains("2119003");
                    });
            assertThat(timerCount("O1", "permanent")).isEqualTo(1);
        }

        @Test
        void O2_sends_shape_B_and_settles_the_pending_refund() {
            PlatformState.Order order = buy(1);
            PlatformState.AfterSale as = await(sim.journey().applyRefund(order.orderId(), 1));

            DouyinPlatform.Delivery d = platform.deliver(new DouyinCall.RefundAudit(order.orderId(), as.afterSaleId(),
                    "R-1", true, 0, "", List.of()));

            assertThat(last(O2).json()).isEqualTo(new JsonObject().put("order_id", order.orderId())
                    .put("after_sale_id", as.afterSaleId()).put("out_after_sale_id", "R-1").put("audit_result", 1)
                    .put("reason_code", 0).put("reason_msg", ""));
            assertThat(d.logid()).isNotBlank();
            assertThat(sim.state().afterSale(as.afterSaleId()).orElseThrow().status()) // then refunded (S6)
                    .isIn(PlatformState.AfterSaleStatus.APPROVED, PlatformState.AfterSaleStatus.SUCCEEDED);
        }

        @Test
        void O3_reports_our_code_with_its_redemption_time_and_brings_back_verify_and_certificate_ids() {
            PlatformState.Order order = buy(1);
            String token = UUID.randomUUID().toString();
            Instant verifiedAt = clock.instant().minusSeconds(30);

            DouyinPlatform.Delivery d = platform.deliver(new DouyinCall.Verify(order.orderId(), POI, token, "PV-0001", null, verifiedAt));

            assertThat(last(O3).json()).isEqualTo(new JsonObject().put("verify_token", token).put("poi_id", POI)
                    .put("code_with_time_list", new JsonArray().add(new JsonObject().put("code", "PV-0001")
                            .put("verify_time", verifiedAt.getEpochSecond())))
                    .put("order_id", order.orderId()));
            PlatformState.Certificate cert = sim.state().order(order.orderId()).orElseThrow().certificates().get(0);
            assertThat(d.verified()).singleElement().satisfies(v -> {
                assertThat(v.certificateId()).isEqualTo(cert.certificateId());
                assertThat(v.verifyId()).isEqualTo(cert.verifications().get(0).verifyId());
                assertThat(v.code()).isEqualTo("PV-0001");
            });
        }

        @Test
        void O3_whose_answer_was_lost_is_retried_with_the_same_token_and_gets_the_same_verify_id() {
            PlatformState.Order order = buy(1);
            DouyinCall.Verify verify = new DouyinCall.Verify(order.orderId(), POI, UUID.randomUUID().toString(), "PV-0001",
                    null, clock.instant());
            sim.faults().failNext(O3, 1, FaultKind.LOST_REPLY);

            assertThatThrownBy(() -> platform.deliver(verify)).isInstanceOf(DouyinUnavailable.class);
            DouyinPlatform.Delivery retried = platform.deliver(verify);

            assertThat(sim.calls().forPath(O3)).hasSize(2).extracting(RecordedCall::body).containsOnly(sim.calls().forPath(O3).get(0).body());
            assertThat(retried.verified().get(0).verifyId())
                    .isEqualTo(sim.state().order(order.orderId()).orElseThrow().certificates().get(0).verifications().get(0).verifyId());
        }

        @Test
        void O4_cancels_the_verification_with_a_stable_cancel_token() {
            PlatformState.Order order = buy(1);
            String token = UUID.randomUUID().toString();
            DouyinPlatform.Verified v = platform.deliver(new DouyinCall.Verify(order.orderId(), POI, token, "PV-0001", null,
                    clock.instant())).verified().get(0);

            platform.deliver(new DouyinCall.CancelVerify(order.orderId(), token, v.verifyId(), v.certificateId(), "PV-0001"));

            JsonObject body = last(O4).json();
            assertThat(body.getString("verify_id")).isEqualTo(v.verifyId());
            assertThat(body.getString("certificate_id")).isEqualTo(v.certificateId());
            assertThat(body.getString("cancel_token")).isNotBlank()
                    .isEqualTo(DouyinWireMapper.INSTANCE.cancelToken(v.verifyId(), v.certificateId()));
            assertThat(sim.state().order(order.orderId()).orElseThrow().certificates().get(0).status())
                    .isEqualTo(PlatformState.CertStatus.UNUSED);
        }

        @Test
        void O7_sets_the_absolute_stock_of_one_sku_at_one_store_with_int64_ids() {
            platform.deliver(new DouyinCall.StockPush(ACCOUNT, productId, skuId, "SKU-1", POI, 40));
            platform.deliver(new DouyinCall.StockPush(ACCOUNT, productId, skuId, "SKU-1", POI, 7));

            assertThat(sim.state().stockOf(skuId, POI)).contains(7L);
            assertThat(last(O7).body()).isEqualTo("{\"account_id\":" + ACCOUNT + ",\"root_life_account_id\":" + ACCOUNT
                    + ",\"poi_stock_list\":[{\"product_id\":" + productId + ",\"sku_id\":" + skuId
                    + ",\"poi\":{\"poi_id\":" + POI + "},\"stock_qty\":7}]}");
        }

        @Test
        void an_O7_entry_in_fail_poi_list_is_unavailable_so_the_application_retries_it() {
            assertThatThrownBy(() -> platform.deliver(new DouyinCall.StockPush(ACCOUNT, productId, "1799999999999999999", "SKU-X", POI, 3)))
                    .isInstanceOf(DouyinUnavailable.class).hasMessageContaining("sku not found");
        }

        @Test
        void G3_then_G4_publish_a_product_and_bring_back_product_and_sku_ids() {
            DouyinPlatform.Delivery d = platform.deliver(new DouyinCall.ProductSave(ACCOUNT, "P-NEW", null, "精品咖啡豆", 30,
                    List.of(new DouyinCall.SkuSave("P-NEW-250", null, "250g", 6800, 100),
                            new DouyinCall.SkuSave("P-NEW-500", null, "500g", 12800, 50)),
                    List.of(POI)));

            JsonObject product = last(G3).json().getJsonObject("product");
            assertThat(last(G3).json().getString("account_id")).isEqualTo(ACCOUNT);
            assertThat(last(G3).json().containsKey("sku")).isFalse();
            assertThat(product.getString("out_id")).isEqualTo("P-NEW");
            assertThat(product.getString("product_name")).isEqualTo("精品咖啡豆");
            assertThat(product.getInteger("product_type")).isEqualTo(1);
            assertThat(product.getInteger("biz_line")).isEqualTo(1);
            assertThat(product.getJsonArray("pois")).isEqualTo(new JsonArray().add(new JsonObject().put("poi_id", POI)));
            assertThat(product.getJsonObject("attr_key_value_map").getString("use_date")).isEqualTo("{\"use_date_type\":2,\"day_duration\":30}");
            assertThat(product.getJsonObject("product_ext").getBoolean("auto_online")).isTrue();
            JsonObject g4 = last(G4).json();
            assertThat(g4.getString("product_id")).isEqualTo(d.productId());
            assertThat(g4.getString("out_id")).isEqualTo("P-NEW");
            assertThat(g4.getJsonArray("sku_list").getJsonObject(0)).isEqualTo(new JsonObject().put("out_sku_id", "P-NEW-250")
                    .put("sku_name", "250g").put("actual_amount", 6800).put("status", 1)
                    .put("stock", new JsonObject().put("limit_type", 1).put("stock_qty", 100)));
            assertThat(sim.calls().all()).extracting(RecordedCall::path).filteredOn(p -> p.equals(G3) || p.equals(G4)).containsExactly(G3, G4);

            PlatformState.Product saved = sim.state().product(d.productId()).orElseThrow();
            assertThat(d.skus()).extracting(DouyinPlatform.SkuLink::skuOutId).containsExactly("P-NEW-250", "P-NEW-500");
            assertThat(d.skus()).extracting(DouyinPlatform.SkuLink::skuId).containsExactlyElementsOf(saved.skuIds());
            assertThat(d.logid()).contains(",");
        }
    }

    @Nested
    class Counter_calls {

        @Test
        void prepare_by_typed_code_sends_code_and_poi() {
            PlatformState.Order order = douyinCodeOrder(2);
            String code = order.codes().get(0);

            DouyinPlatform.PreparedCode prepared = platform.prepare(code, POI);

            RecordedCall call = last(O6);
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.queryParam("code")).isEqualTo(code);
            assertThat(call.queryParam("poi_id")).isEqualTo(POI);
            assertThat(call.queryParam("encrypted_data")).isNull();
            assertThat(prepared.verifyToken()).isNotBlank();
            assertThat(prepared.orderId()).isEqualTo(order.orderId());
            assertThat(prepared.certificates()).singleElement().satisfies(c -> {
                assertThat(c.certificateId()).isEqualTo(order.certificates().get(0).certificateId());
                assertThat(c.encryptedCode()).isEqualTo(order.certificates().get(0).encryptedCode());
                assertThat(c.skuId()).isEqualTo(skuId);
                assertThat(c.skuTitle()).isEqualTo("250g");
                assertThat(c.amountFen()).isEqualTo(6800);
                assertThat(c.expireAtEpochSecond()).isPositive();
            });
        }

        @Test
        void prepare_by_scanned_QR_short_link_follows_it_and_sends_only_its_object_id() {
            PlatformState.Order order = douyinCodeOrder(2);

            DouyinPlatform.PreparedCode prepared = platform.prepare(order.qrShortLink(sim.baseUrl()), POI);

            assertThat(last(O6).queryParam("encrypted_data")).isEqualTo(order.qrObjectId());
            assertThat(last(O6).queryParam("code")).isNull();
            assertThat(prepared.certificates()).hasSize(2);
        }

        @Test
        void verify_of_douyin_codes_uses_the_prepare_token_and_answers_plain_and_encrypted_codes() {
            PlatformState.Order order = douyinCodeOrder(2);
            DouyinPlatform.PreparedCode prepared = platform.prepare(order.qrShortLink(sim.baseUrl()), POI);
            List<String> encrypted = prepared.certificates().stream().map(DouyinPlatform.PreparedCertificate::encryptedCode).toList();

            List<DouyinPlatform.Verified> verified = platform.verifyDouyinCodes(prepared.verifyToken(), POI, order.orderId(), encrypted);

            assertThat(last(O3).json()).isEqualTo(new JsonObject().put("verify_token", prepared.verifyToken()).put("poi_id", POI)
                    .put("encrypted_codes", new JsonArray(new ArrayList<>(encrypted))).put("order_id", order.orderId()));
            assertThat(verified).extracting(DouyinPlatform.Verified::encryptedCode).containsExactlyElementsOf(encrypted);
            assertThat(verified).extracting(DouyinPlatform.Verified::code).containsExactlyElementsOf(order.codes());
            assertThat(verified).allSatisfy(v -> assertThat(v.verifyId()).isNotBlank());
            assertThat(timerCount("O3", "ok")).isEqualTo(1);
        }

        @Test
        void cancel_reverts_a_verification_and_a_second_cancel_is_refused() {
            PlatformState.Order order = douyinCodeOrder(1);
            DouyinPlatform.PreparedCode prepared = platform.prepare(order.codes().get(0), POI);
            DouyinPlatform.Verified v = platform.verifyDouyinCodes(prepared.verifyToken(), POI, order.orderId(),
                    List.of(prepared.certificates().get(0).encryptedCode())).get(0);

            platform.cancelDouyinVerification(v.verifyId(), v.certificateId());

            assertThat(last(O4).json().getString("verify_id")).isEqualTo(v.verifyId());
            assertThat(sim.state().order(order.orderId()).orElseThrow().certificates().get(0).status()).isEqualTo(PlatformState.CertStatus.UNUSED);
            assertThatThrownBy(() -> platform.cancelDouyinVerification(v.verifyId(), v.certificateId()))
                    .isInstanceOfSatisfying(DouyinRefused.class, e -> assertThat(e.code()).isEqualTo(2119011));
        }

        @Test
        void a_refused_verification_of_one_certificate_is_DouyinRefused_with_the_item_code() {
            PlatformState.Order order = douyinCodeOrder(1);
            DouyinPlatform.PreparedCode first = platform.prepare(order.codes().get(0), POI);
            String encrypted = first.certificates().get(0).encryptedCode();
            platform.verifyDouyinCodes(first.verifyToken(), POI, order.orderId(), List.of(encrypted));
            DouyinPlatform.PreparedCode again = new DouyinPlatform.PreparedCode(UUID.randomUUID().toString(), order.orderId(), List.of());

            assertThatThrownBy(() -> platform.verifyDouyinCodes(again.verifyToken(), POI, order.orderId(), List.of(encrypted)))
                    .isInstanceOf(DouyinRefused.class);
        }

        @Test
        void certificates_of_an_order_carry_status_and_verify_id() {
            PlatformState.Order order = douyinCodeOrder(2);
            DouyinPlatform.PreparedCode prepared = platform.prepare(order.codes().get(0), POI);
            DouyinPlatform.Verified v = platform.verifyDouyinCodes(prepared.verifyToken(), POI, order.orderId(),
                    List.of(prepared.certificates().get(0).encryptedCode())).get(0);

            List<DouyinPlatform.CertificateStatus> statuses = platform.certificates(order.orderId());

            assertThat(last(O5).queryParam("order_id")).isEqualTo(order.orderId());
            assertThat(statuses).hasSize(2);
            assertThat(statuses).filteredOn(s -> s.certificateId().equals(v.certificateId())).singleElement()
                    .satisfies(s -> {
                        assertThat(s.status()).isEqualTo(PlatformState.CertStatus.USED);
                        assertThat(s.verifyId()).isEqualTo(v.verifyId());
                        assertThat(s.code()).isEqualTo(order.codes().get(0));
                    });
            assertThat(statuses).filteredOn(s -> !s.certificateId().equals(v.certificateId())).singleElement()
                    .satisfies(s -> assertThat(s.status()).isEqualTo(PlatformState.CertStatus.UNUSED));
        }
    }

    @Nested
    class Failures {

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FaultKind.class, names = {"HTTP_5XX", "TIMEOUT", "BUSY_2100004", "LOST_REPLY"})
        void network_and_busy_faults_are_DouyinUnavailable(FaultKind fault) {
            PlatformState.Order order = douyinCodeOrder(1);
            platform.certificates(order.orderId()); // token fetched, connection warm
            sim.faults().failNext(O5, 1, fault);

            assertThatThrownBy(() -> platform.certificates(order.orderId()))
                    .isInstanceOfSatisfying(DouyinUnavailable.class, e -> {
                        assertThat(e.getMessage()).contains(O5);
                        if (fault == FaultKind.BUSY_2100004) {
                            assertThat(e.getMessage()).contains("2100004");
                            assertThat(e.logid()).isNotEqualTo("-");
                        }
                    });
            assertThat(platform.certificates(order.orderId())).hasSize(1); // and the next call works again
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = FaultKind.class, names = {"TOKEN_EXPIRED", "TOKEN_INVALID"})
        void a_refused_token_is_renewed_once_and_the_call_succeeds(FaultKind fault) {
            PlatformState.Order order = douyinCodeOrder(1);
            platform.certificates(order.orderId());
            sim.faults().failNext(O5, 1, fault);

            assertThat(platform.certificates(order.orderId())).hasSize(1);

            assertThat(sim.calls().count(O9)).isEqualTo(2);
            List<RecordedCall> o5 = sim.calls().forPath(O5);
            assertThat(o5.get(2).header("access-token")).isNotEqualTo(o5.get(1).header("access-token"));
            assertThat(registry.find("tihuo.douyin.token.refreshes").tags("outcome", "ok").counter().count()).isEqualTo(2);
        }

        @Test
        void a_token_refused_again_after_renewal_is_DouyinUnavailable() {
            PlatformState.Order order = douyinCodeOrder(1);
            platform.certificates(order.orderId());
            sim.faults().failNext(O5, 2, FaultKind.TOKEN_EXPIRED);

            assertThatThrownBy(() -> platform.certificates(order.orderId()))
                    .isInstanceOfSatisfying(DouyinUnavailable.class, e -> assertThat(e.getMessage()).contains("2190008"));
            assertThat(sim.calls().count(O5)).isEqualTo(3);
        }

        @Test
        void a_token_past_its_two_hours_is_replaced_before_the_call() {
            PlatformState.Order order = douyinCodeOrder(1);
            platform.certificates(order.orderId());
            await(sim.advance(Duration.ofHours(2)));

            assertThat(platform.certificates(order.orderId())).hasSize(1);

            assertThat(sim.calls().count(O9)).isEqualTo(2);
            assertThat(sim.calls().count(O5)).isEqualTo(2); // never sent with the dead token
        }

        @Test
        void a_hundred_concurrent_calls_with_an_expired_token_fetch_one_token() throws Exception {
            PlatformState.Order order = douyinCodeOrder(1);
            tokens.store(KEY, "clt.expired", clock.instant().minusSeconds(5), "another-instance");
            assertThat(hundredConcurrentQueries(order.orderId())).isEqualTo(100);
            assertThat(sim.calls().count(O9)).isEqualTo(1);
            assertThat(sim.calls().forPath(O5)).hasSize(100);
        }

        @Test
        void a_hundred_concurrent_calls_whose_stored_token_douyin_refuses_fetch_one_token() throws Exception {
            PlatformState.Order order = douyinCodeOrder(1);
            tokens.store(KEY, "clt.unknown-to-douyin", clock.instant().plus(Duration.ofHours(1)), "another-instance");
            assertThat(hundredConcurrentQueries(order.orderId())).isEqualTo(100);
            assertThat(sim.calls().count(O9)).isEqualTo(1);
            long refused = sim.calls().forPath(O5).stream().filter(c -> c.header("access-token").equals("clt.unknown-to-douyin")).count();
            assertThat(refused).isPositive();
            assertThat(sim.calls().forPath(O5)).hasSize(100 + (int) refused); // each refused call retried once
        }

        private int hundredConcurrentQueries(String orderId) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(100);
            try {
                List<java.util.concurrent.Future<List<DouyinPlatform.CertificateStatus>>> all = new ArrayList<>();
                for (int i = 0; i < 100; i++) all.add(pool.submit(() -> platform.certificates(orderId)));
                int ok = 0;
                for (var f : all) if (f.get(30, TimeUnit.SECONDS).size() == 1) ok++;
                return ok;
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void a_request_the_wire_cannot_carry_is_refused_without_a_call() {
            assertThatThrownBy(() -> platform.deliver(new DouyinCall.StockPush(ACCOUNT, productId, skuId, "SKU-1", POI, -1)))
                    .isInstanceOf(DouyinRefused.class).hasMessageContaining("stock_qty");
            assertThat(sim.calls().count(O7)).isZero();
        }

        @Test
        void calling_the_port_on_an_event_loop_fails_at_once() {
            Promise<Throwable> seen = Promise.promise();
            vertx.runOnContext(x -> {
                try {
                    platform.certificates("1");
                    seen.complete(null);
                } catch (Throwable t) {
                    seen.complete(t);
                }
            });
            assertThat(await(seen.future())).isInstanceOf(IllegalStateException.class).hasMessageContaining("event loop");
        }
    }
}
