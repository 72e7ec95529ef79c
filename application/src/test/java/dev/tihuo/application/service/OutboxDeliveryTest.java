package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static dev.tihuo.application.service.Shop.DOUYIN_SKU_C;
import static dev.tihuo.application.service.Shop.issueRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.application.port.in.counter.Counter;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import dev.tihuo.application.port.out.DouyinPlatform.Delivery;
import dev.tihuo.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Delivery of the outbox to Douyin (openapi.md §6, D3, D12, D15): at least once, each message once when Douyin
 * answers, persisted back-off while it does not, an issue-code callback inside its 10 minutes, permanent refusals
 * parked for an operator.
 */
class OutboxDeliveryTest {
    private static final Counter.At AT_STORE_A = new Counter.At(Shop.MERCHANT, new StoreId(Shop.STORE_A));

    private final Shop shop = new Shop();
    private final OutboxService outbox = new OutboxService(shop.app.ports());
    private final CounterService counter = new CounterService(shop.app.ports());
    private final IssuingService issuing = shop.app.issuingService();

    @Test
    void an_issue_callback_queued_at_minute_0_reaches_douyin_before_minute_10_although_five_attempts_fail() {
        Instant minuteZero = shop.app.clock().instant();
        shop.create("1090000000000000001", DOUYIN_SKU_C, 1);
        issuing.issue(issueRequest("1090000000000000001"));
        outbox.deliverDue("worker", 100); // the stock push of the reservation
        assertThat(issuing.issuePending(10)).isEqualTo(1);
        shop.app.douyin().unavailable(5);

        runWorkersUntil(() -> !shop.app.douyin().delivered(DouyinCall.IssueCallback.class).isEmpty(), Duration.ofMinutes(10));

        assertThat(shop.app.douyin().calls()).filteredOn(DouyinCall.IssueCallback.class::isInstance).hasSize(6);
        assertThat(shop.app.douyin().delivered(DouyinCall.IssueCallback.class)).singleElement()
                .satisfies(o1 -> assertThat(o1.codes()).hasSize(1));
        assertThat(shop.app.clock().instant()).isBefore(minuteZero.plus(Duration.ofMinutes(10)));
    }

    @Test
    void while_douyin_is_down_messages_wait_and_afterwards_each_is_delivered_exactly_once() {
        for (int i = 1; i <= 8; i++) {
            String orderId = "10900000000000000" + (10 + i);
            shop.createAndIssue(orderId, DOUYIN_SKU_A, 1);
            counter.redeem(AT_STORE_A, shop.order(orderId).voucher(1).code().orElseThrow().value());
        }
        shop.app.douyin().unavailable(40);

        runWorkersUntil(() -> shop.app.outbox().backlog().pending() == 0, Duration.ofHours(1));

        List<DouyinCall.Verify> verified = shop.app.douyin().delivered(DouyinCall.Verify.class);
        assertThat(verified).hasSize(8).extracting(DouyinCall.Verify::verifyToken).doesNotHaveDuplicates();
        assertThat(shop.app.douyin().delivered(DouyinCall.StockPush.class)).isNotEmpty();
        assertThat(shop.app.outbox().backlog().parked()).isZero();
    }

    @Test
    void a_permanent_refusal_parks_the_message_with_its_reason_for_an_operator_who_can_retry_it() {
        AtomicBoolean refuseVerify = new AtomicBoolean(true);
        DouyinPlatform refusingOnce = new DelegatingDouyin(shop.app.douyin()) {
            @Override
            public Delivery deliver(DouyinCall call) {
                if (call instanceof DouyinCall.Verify && refuseVerify.getAndSet(false)) {
                    throw new DouyinPlatform.DouyinRefused(2119005, "certificate already verified", "logid-refused");
                }
                return super.deliver(call);
            }
        };
        var p = shop.app.ports();
        OutboxService worker = new OutboxService(new Ports(p.orders(), p.afterSales(), p.stores(), p.products(), p.stocks(),
                p.idempotencyRecords(), p.outbox(), refusingOnce, p.codes(), p.identifiers(), p.policies(), p.unitOfWork(), p.clock()));
        shop.createAndIssue("1090000000000000001", DOUYIN_SKU_A, 1);
        counter.redeem(AT_STORE_A, shop.order("1090000000000000001").voucher(1).code().orElseThrow().value());

        worker.deliverDue("worker", 10);

        var stuck = worker.stuck(null, 10);
        assertThat(stuck).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("VERIFY");
            assertThat(m.status()).isEqualTo("PARKED");
            assertThat(m.lastError()).contains("2119005").contains("certificate already verified");
            assertThat(m.lastLogid()).isEqualTo("logid-refused");
        });
        assertThat(worker.retry(null, stuck.get(0).id())).isTrue();
        worker.deliverDue("worker", 10);
        assertThat(shop.app.douyin().delivered(DouyinCall.Verify.class)).hasSize(1);
        assertThat(worker.stuck(null, 10)).isEmpty();
    }

    @Test
    void an_issue_callback_refused_before_its_deadline_is_tried_again_rather_than_parked() {
        AtomicBoolean refuseO1 = new AtomicBoolean(true);
        DouyinPlatform refusingOnce = new DelegatingDouyin(shop.app.douyin()) {
            @Override
            public Delivery deliver(DouyinCall call) {
                if (call instanceof DouyinCall.IssueCallback && refuseO1.getAndSet(false)) {
                    throw new DouyinPlatform.DouyinRefused(2119003, "order did not answer 'issuing' yet", "logid-early");
                }
                return super.deliver(call);
            }
        };
        var p = shop.app.ports();
        OutboxService worker = new OutboxService(new Ports(p.orders(), p.afterSales(), p.stores(), p.products(), p.stocks(),
                p.idempotencyRecords(), p.outbox(), refusingOnce, p.codes(), p.identifiers(), p.policies(), p.unitOfWork(), p.clock()));
        shop.create("1090000000000000001", DOUYIN_SKU_C, 1);
        issuing.issue(issueRequest("1090000000000000001"));
        issuing.issuePending(10);

        for (int i = 0; i < 120 && shop.app.douyin().delivered(DouyinCall.IssueCallback.class).isEmpty(); i++) {
            if (worker.deliverDue("worker", 20) == 0) {
                shop.app.clock().advance(Duration.ofSeconds(1));
            }
        }

        assertThat(shop.app.douyin().delivered(DouyinCall.IssueCallback.class)).hasSize(1);
        assertThat(worker.stuck(null, 10)).isEmpty();
    }

    @Test
    void a_cancelled_redemption_is_reported_with_the_verification_record_douyin_answered() {
        shop.createAndIssue("1090000000000000001", DOUYIN_SKU_A, 1);
        String code = shop.order("1090000000000000001").voucher(1).code().orElseThrow().value();
        counter.redeem(AT_STORE_A, code);
        counter.cancelRedemption(AT_STORE_A, code);
        shop.app.douyin().answering(call -> call instanceof DouyinCall.Verify
                ? new Delivery("l", List.of(), List.of(new DouyinPlatform.Verified("7300000000000000001", "verify-77", code, null)),
                        null, List.of())
                : Delivery.of("l"));

        runWorkersUntil(() -> !shop.app.douyin().delivered(DouyinCall.CancelVerify.class).isEmpty(), Duration.ofMinutes(5));

        assertThat(shop.app.douyin().delivered(DouyinCall.CancelVerify.class)).singleElement()
                .satisfies(o4 -> assertThat(o4.verifyId()).isEqualTo("verify-77"));
        assertThat(shop.order("1090000000000000001").voucher(1).certificateId()).get()
                .hasToString("7300000000000000001");
    }

    @Test
    void a_cancel_that_had_to_wait_for_its_verification_record_goes_out_as_soon_as_douyin_answers_the_redemption() {
        shop.createAndIssue("1090000000000000001", DOUYIN_SKU_A, 1);
        String code = shop.order("1090000000000000001").voucher(1).code().orElseThrow().value();
        runWorkersUntil(() -> shop.app.outbox().backlog().pending() == 0, Duration.ofMinutes(1));
        counter.redeem(AT_STORE_A, code);
        counter.cancelRedemption(AT_STORE_A, code);
        AtomicBoolean otherWorkerRan = new AtomicBoolean();
        shop.app.douyin().answering(call -> {
            if (call instanceof DouyinCall.Verify && otherWorkerRan.compareAndSet(false, true)) {
                // While the O3 is on its way, a second worker picks up the O4: its verify id is not known yet.
                new OutboxService(shop.app.ports()).deliverDue("other-worker", 20);
            }
            return call instanceof DouyinCall.Verify
                    ? new Delivery("l", List.of(), List.of(new DouyinPlatform.Verified("7300000000000000001", "verify-78", code, null)),
                            null, List.of())
                    : Delivery.of("l");
        });
        Instant now = shop.app.clock().instant();

        for (int i = 0; i < 5 && !otherWorkerRan.get(); i++) {
            outbox.deliverDue("worker", 1); // one at a time, in delivery order: the stock push, then the O3
        }
        assertThat(otherWorkerRan).as("the O4 was looked at while the O3 was in flight").isTrue();
        assertThat(shop.app.douyin().delivered(DouyinCall.CancelVerify.class)).as("the O4 waited").isEmpty();
        outbox.deliverDue("worker", 20);

        assertThat(shop.app.clock().instant()).as("no back-off waited out").isEqualTo(now);
        assertThat(shop.app.douyin().delivered(DouyinCall.CancelVerify.class)).singleElement()
                .satisfies(o4 -> assertThat(o4.verifyId()).isEqualTo("verify-78"));
    }

    /** Runs the workers as the scheduler would, moving the clock a second at a time while nothing is due. */
    private void runWorkersUntil(BooleanSupplier done, Duration atMost) {
        Instant end = shop.app.clock().instant().plus(atMost);
        while (!done.getAsBoolean()) {
            assertThat(shop.app.clock().instant()).as("still undelivered").isBefore(end);
            if (outbox.deliverDue("worker", 20) == 0) {
                shop.app.clock().advance(Duration.ofSeconds(1));
            }
        }
    }

    /** Douyin as recorded, with one behaviour overridden by a test. */
    private static class DelegatingDouyin implements DouyinPlatform {
        private final DouyinPlatform inner;

        DelegatingDouyin(DouyinPlatform inner) {
            this.inner = inner;
        }

        @Override public Delivery deliver(DouyinCall call) { return inner.deliver(call); }
        @Override public PreparedCode prepare(String codeOrQr, String poiId) { return inner.prepare(codeOrQr, poiId); }
        @Override public List<Verified> verifyDouyinCodes(String token, String poi, String order, List<String> codes) {
            return inner.verifyDouyinCodes(token, poi, order, codes);
        }
        @Override public void cancelDouyinVerification(String verifyId, String certificateId) {
            inner.cancelDouyinVerification(verifyId, certificateId);
        }
        @Override public List<CertificateStatus> certificates(String orderId) { return inner.certificates(orderId); }
    }
}
