package dev.tihuo.adapters.douyin.openapi.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.adapters.douyin.openapi.Answer;
import dev.tihuo.adapters.douyin.openapi.DouyinDouble;
import dev.tihuo.adapters.douyin.openapi.DouyinDouble.Fault;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure;
import dev.tihuo.adapters.douyin.openapi.InMemoryTokenStore;
import dev.tihuo.adapters.douyin.openapi.MutableClock;
import dev.tihuo.adapters.douyin.openapi.OpenApiClient;
import dev.tihuo.adapters.douyin.openapi.OpenApiSettings;
import dev.tihuo.adapters.douyin.openapi.dto.Certificates;
import dev.tihuo.adapters.douyin.openapi.dto.Goods;
import dev.tihuo.adapters.douyin.openapi.dto.PoiStock;
import dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode;
import dev.tihuo.adapters.douyin.openapi.outbox.InMemoryOutboxStore.Status;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox worker against the Douyin double, with a clock the test moves. */
class OutboxDeliveryTest {
    static final String O1 = "/goodlife/v1/compre_retail/fulfilment/create/callback/";
    static final String O2 = "/goodlife/v1/compre_retail/order/refund/audit/";
    static final String O3 = "/goodlife/v1/compre_retail/fulfilment/certificate/verify/";
    static final String O4 = "/goodlife/v1/compre_retail/fulfilment/certificate/cancel/";
    static final String O7 = "/goodlife/v1/goods/pickupcoupon/poistock/save/";
    static final String G3 = "/goodlife/v1/goods/product/save/";
    static final String G4 = "/goodlife/v1/goods/sku/batch_save/";
    static final String ACCOUNT = "7012345678901234567";
    static final String ROOT = "7012345678901234000";

    Vertx vertx;
    DouyinDouble douyin;
    MutableClock clock;
    SimpleMeterRegistry registry;
    InMemoryOutboxStore outbox;
    OpenApiClient client;
    OutboxDelivery worker;
    final List<Answer<?>> receipts = new ArrayList<>();
    final List<DouyinFailure> parkedFailures = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        douyin = new DouyinDouble(vertx).start();
        clock = MutableClock.at("2026-01-01T12:00:00Z");
        registry = new SimpleMeterRegistry();
        InMemoryTokenStore tokens = new InMemoryTokenStore(clock);
        tokens.store("awTEST", "clt.live", clock.instant().plus(Duration.ofHours(2)));
        douyin.accept("clt.live");
        // a cold JVM's first exchange is slower than the short read timeout used below
        await(OpenApiClient.create(vertx, OpenApiSettings.defaults(douyin.baseUrl(), "awTEST", "secret"), tokens, clock, registry, "warm-up")
                .queryCertificates(Certificates.Query.byOrder("warm-up")));
        client = OpenApiClient.create(vertx, OpenApiSettings.defaults(douyin.baseUrl(), "awTEST", "secret")
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)), tokens, clock, registry, "worker-1");
        outbox = new InMemoryOutboxStore(clock);
        worker = new OutboxDelivery(vertx, outbox, client, clock, DeliveryPolicy.defaults(), registry, "worker-1", new DeliveryReceipts() {
            public synchronized void delivered(OutboxMessage m, Answer<?> a) { receipts.add(a); }
            public synchronized void parked(OutboxMessage m, DouyinFailure f) { parkedFailures.add(f); }
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        douyin.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    static <T> T await(Future<T> f) throws Exception { return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS); }

    static Delivery.IssueCodes issue(String orderId) {
        return new Delivery.IssueCodes(ThirdPartyCode.IssueCodeCallbackRequest.issued(orderId, "PO-" + orderId, List.of("PV" + orderId)));
    }

    static Delivery.PushStoreStock stock(String sku, String store, long qty) {
        return new Delivery.PushStoreStock(ACCOUNT, ROOT, new PoiStock.Entry("1780000000000000001", sku, PoiStock.StockPoi.ours(store), qty));
    }

    /** Runs rounds, moving the clock by {@code step} between them, until nothing is waiting or {@code limit} passed. */
    Instant runUntilSettled(Duration step, Duration limit) throws Exception {
        Instant end = clock.instant().plus(limit);
        while (outbox.count(Status.WAITING) > 0 && clock.instant().isBefore(end)) {
            await(worker.runOnce());
            if (outbox.count(Status.WAITING) > 0) clock.advance(step);
        }
        return clock.instant();
    }

    double count(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void every_kind_is_delivered_exactly_once_after_douyin_recovers_from_errors_timeouts_busy_and_drops() throws Exception {
        outbox.enqueue(issue("1088812345678901234"), clock.instant().plus(Duration.ofMinutes(10)));
        outbox.enqueue(new Delivery.AuditRefund(new ThirdPartyCode.RefundAuditRequest("1088812345678900001", "AS-1", "R-1", ThirdPartyCode.APPROVE, null, null)));
        outbox.enqueue(new Delivery.ReportVerification(Certificates.VerifyRequest.thirdPartyCodes("vt-uuid-1", "6601136930455291912", "1088812345678900002",
                List.of(new Certificates.CodeWithTime("PV1", 1767240000L)))));
        outbox.enqueue(new Delivery.ReportCancellation(new Certificates.CancelRequest("7300000000000000010", "7200000000000000010", "ct-1", null)));
        outbox.enqueue(stock("1780000000000000101", "STORE-001", 40));
        outbox.enqueue(new Delivery.PublishProduct(new Goods.ProductSaveRequest(ACCOUNT, new Goods.Product(null, "PV-1", "咖啡豆", 1, "4009001",
                null, 1, null, null, null, null, List.of(new Goods.ProductPoi(null, "STORE-001")), null, null, null, null, null, null), null),
                new Goods.SkuBatchSaveRequest(ACCOUNT, null, "PV-1", List.of(new Goods.Sku(null, "S1", "250g", 6800L, null, 1, Goods.SkuStock.unlimited(), null, null)))));
        for (Fault f : List.of(Fault.HTTP_500, Fault.HANG, Fault.BUSY_2100004, Fault.DROP, Fault.HTTP_503, Fault.TRUNCATED, Fault.MALFORMED, Fault.CUT_JSON)) {
            douyin.failNext(3, f);
        }

        runUntilSettled(Duration.ofSeconds(20), Duration.ofHours(2));

        assertThat(douyin.pendingFaults()).isZero();
        assertThat(outbox.count(Status.DELIVERED)).isEqualTo(6);
        assertThat(douyin.processedKeys(O1)).containsExactly("1088812345678901234");
        assertThat(douyin.processedKeys(O2)).containsExactly("AS-1");
        assertThat(douyin.processedKeys(O3)).containsExactly("vt-uuid-1");
        assertThat(douyin.processedKeys(O4)).containsExactly("ct-1");
        assertThat(douyin.processedKeys(O7)).containsExactly("1780000000000000101@STORE-001=40");
        assertThat(douyin.processedKeys(G3)).containsExactly("PV-1");
        assertThat(douyin.processedKeys(G4)).containsExactly("1780000000000000001");
        assertThat(douyin.requestsTo(O3)).extracting(r -> r.json().path("verify_token").asText()).containsOnly("vt-uuid-1");
        for (var e : outbox.all()) {
            assertThat(e.history).last().satisfies(a -> {
                assertThat(a.outcome()).isEqualTo("delivered");
                assertThat(a.logid()).startsWith("LOG-");
            });
            assertThat(e.history.size()).isEqualTo(e.attempts);
        }
        assertThat(count("tihuo.outbox.deliveries", "kind", "O1_ISSUE_CODES", "outcome", "delivered")).isEqualTo(1);
        assertThat(count("tihuo.outbox.attempts", "kind", "O1_ISSUE_CODES")).isEqualTo(outbox.all().get(0).attempts);
    }

    @Test
    void an_issue_code_callback_enqueued_at_minute_zero_is_delivered_before_minute_ten_though_five_attempts_fail() throws Exception {
        Instant s4 = clock.instant();
        String id = outbox.enqueue(issue("1088812345678901234"), s4.plus(Duration.ofMinutes(10)));
        douyin.failNext(2, Fault.HTTP_500).failNext(1, Fault.HANG).failNext(2, Fault.BUSY_2100004);

        Instant done = runUntilSettled(Duration.ofSeconds(1), Duration.ofMinutes(30));

        var e = outbox.get(id);
        assertThat(e.status).isEqualTo(Status.DELIVERED);
        assertThat(e.attempts).isEqualTo(6);
        assertThat(done).isBefore(s4.plus(Duration.ofMinutes(10)));
        assertThat(e.history).extracting(InMemoryOutboxStore.Attempt::outcome).containsExactly("retry", "retry", "retry", "retry", "retry", "delivered");
        assertThat(e.history.get(4).logid()).startsWith("LOG-");
        assertThat(douyin.processedKeys(O1)).containsExactly("1088812345678901234");
        assertThat(receipts).singleElement().satisfies(a ->
                assertThat(((ThirdPartyCode.IssueCodeCallbackData) a.data()).certificateInfoList()).hasSize(1));
        assertThat(count("tihuo.outbox.deadline.missed", "kind", "O1_ISSUE_CODES")).isZero();
    }

    @Test
    void messages_with_the_nearest_deadline_go_first() throws Exception {
        outbox.enqueue(new Delivery.AuditRefund(new ThirdPartyCode.RefundAuditRequest("1", "AS-1", null, ThirdPartyCode.APPROVE, null, null)));
        clock.advance(Duration.ofSeconds(1));
        outbox.enqueue(issue("2"), clock.instant().plus(Duration.ofMinutes(9)));
        outbox.enqueue(issue("3"), clock.instant().plus(Duration.ofMinutes(3)));
        var claimed = outbox.claimDue(clock.instant(), 3, "x", Duration.ofSeconds(30));
        assertThat(claimed).extracting(m -> m.delivery().idempotencyKey()).containsExactly("order:3", "order:2", "after-sale:AS-1");
        assertThat(outbox.claimDue(clock.instant(), 3, "y", Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void a_permanent_error_parks_the_message_with_its_reason_and_the_rest_goes_on() throws Exception {
        douyin.scriptNext(O2, "{\"data\":{\"error_code\":2100005,\"description\":\"after_sale_id not found\"},\"extra\":{\"error_code\":0,\"logid\":\"LP-1\"}}");
        String bad = outbox.enqueue(new Delivery.AuditRefund(new ThirdPartyCode.RefundAuditRequest("1", "AS-404", null, ThirdPartyCode.REJECT, 1L, "used")));
        String good = outbox.enqueue(issue("1088812345678901234"), clock.instant().plus(Duration.ofMinutes(10)));

        var round = await(worker.runOnce());

        assertThat(round).isEqualTo(new OutboxDelivery.Round(2, 1, 0, 1));
        var parked = outbox.get(bad);
        assertThat(parked.status).isEqualTo(Status.PARKED);
        assertThat(parked.parkReason).contains("2100005").contains("after_sale_id not found").contains("LP-1").contains(O2);
        assertThat(parked.history).singleElement().extracting(InMemoryOutboxStore.Attempt::logid).isEqualTo("LP-1");
        assertThat(parkedFailures).singleElement().isInstanceOf(DouyinFailure.Permanent.class);
        assertThat(outbox.get(good).status).isEqualTo(Status.DELIVERED);
        assertThat(count("tihuo.outbox.deliveries", "kind", "O2_REFUND_AUDIT", "outcome", "parked")).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(await(worker.runOnce()).claimed()).isZero();
    }

    @Test
    void many_changes_to_one_store_and_sku_become_one_push_of_the_latest_value() throws Exception {
        for (long qty = 10; qty >= 5; qty--) outbox.enqueue(stock("1780000000000000101", "STORE-001", qty));
        outbox.enqueue(stock("1780000000000000102", "STORE-001", 7));

        await(worker.runOnce());

        assertThat(douyin.requestsTo(O7)).hasSize(1);
        assertThat(douyin.processedKeys(O7)).containsExactlyInAnyOrder("1780000000000000101@STORE-001=5", "1780000000000000102@STORE-001=7");
        assertThat(outbox.count(Status.DELIVERED)).isEqualTo(2);
    }

    @Test
    void a_change_arriving_while_the_previous_value_is_in_flight_is_pushed_after_it() throws Exception {
        outbox.enqueue(stock("1780000000000000101", "STORE-001", 10));
        outbox.claimDue(clock.instant(), 10, "other-worker", Duration.ofSeconds(30)); // in flight elsewhere
        outbox.enqueue(stock("1780000000000000101", "STORE-001", 9));
        assertThat(outbox.all()).hasSize(2);
    }

    @Test
    void only_the_entries_douyin_lists_as_failed_are_pushed_again() throws Exception {
        douyin.failingStockEntries().add("1780000000000000102@STORE-002");
        outbox.enqueue(stock("1780000000000000101", "STORE-001", 40));
        String failing = outbox.enqueue(stock("1780000000000000102", "STORE-002", 3));

        var first = await(worker.runOnce());
        assertThat(first).isEqualTo(new OutboxDelivery.Round(2, 1, 1, 0));
        assertThat(outbox.get(failing).lastError).contains("store busy");

        douyin.failingStockEntries().clear();
        runUntilSettled(Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(douyin.requestsTo(O7)).hasSize(2);
        assertThat(douyin.requestsTo(O7).get(1).json().path("poi_stock_list")).hasSize(1);
        assertThat(douyin.processedKeys(O7)).containsExactly("1780000000000000101@STORE-001=40", "1780000000000000102@STORE-002=3");
    }

    @Test
    void a_lost_answer_leads_to_a_second_send_with_the_same_verify_token_which_douyin_deduplicates() throws Exception {
        outbox.enqueue(new Delivery.ReportVerification(Certificates.VerifyRequest.thirdPartyCodes("vt-uuid-9", "6601136930455291912", "1",
                List.of(new Certificates.CodeWithTime("PV9", 1767240000L)))));
        douyin.failNext(1, Fault.LOST_ANSWER);
        runUntilSettled(Duration.ofSeconds(5), Duration.ofMinutes(5));
        assertThat(douyin.requestsTo(O3)).hasSize(2).extracting(r -> r.body()).containsOnly(douyin.requestsTo(O3).get(0).body());
        assertThat(douyin.processedKeys(O3).stream().distinct()).containsExactly("vt-uuid-9");
    }

    @Test
    void a_refused_token_is_renewed_and_the_delivery_succeeds_in_the_same_attempt() throws Exception {
        douyin.revokeTokens(2190008);
        String id = outbox.enqueue(issue("1088812345678901234"), clock.instant().plus(Duration.ofMinutes(10)));
        await(worker.runOnce());
        assertThat(outbox.get(id).status).isEqualTo(Status.DELIVERED);
        assertThat(outbox.get(id).attempts).isEqualTo(1);
        assertThat(douyin.tokenFetches.get()).isEqualTo(1);
    }

    @Test
    void an_issue_code_callback_close_to_its_deadline_is_reported_at_risk_and_a_late_one_as_missed() throws Exception {
        String id = outbox.enqueue(issue("1088812345678901234"), clock.instant().plus(Duration.ofSeconds(90)));
        douyin.failNext(100, Fault.HTTP_503);
        await(worker.runOnce());
        assertThat(registry.find("tihuo.outbox.deadline.at_risk").gauge().value()).isEqualTo(1.0);

        clock.advance(Duration.ofMinutes(2));
        await(worker.runOnce());
        assertThat(count("tihuo.outbox.deadline.missed", "kind", "O1_ISSUE_CODES")).isEqualTo(1);
        assertThat(outbox.get(id).status).isEqualTo(Status.WAITING);
    }

    @Test
    void back_off_grows_with_jitter_and_stays_short_for_deadline_messages() throws Exception {
        String plain = outbox.enqueue(new Delivery.AuditRefund(new ThirdPartyCode.RefundAuditRequest("1", "AS-1", null, ThirdPartyCode.APPROVE, null, null)));
        String urgent = outbox.enqueue(issue("2"), clock.instant().plus(Duration.ofMinutes(10)));
        List<Duration> plainWaits = new ArrayList<>();
        List<Duration> urgentWaits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            douyin.failNext(2, Fault.HTTP_500);
            // the circuit would open after many failures; keep it out of this test's way
            client.http().breaker().reset();
            Instant now = clock.instant();
            outbox.get(plain).nextAttemptAt = now;
            outbox.get(urgent).nextAttemptAt = now;
            await(worker.runOnce());
            plainWaits.add(Duration.between(now, outbox.get(plain).nextAttemptAt));
            urgentWaits.add(Duration.between(now, outbox.get(urgent).nextAttemptAt));
        }
        assertThat(plainWaits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500));
        assertThat(plainWaits.get(7)).isGreaterThan(Duration.ofSeconds(30)).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(urgentWaits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(15)));
    }
}
