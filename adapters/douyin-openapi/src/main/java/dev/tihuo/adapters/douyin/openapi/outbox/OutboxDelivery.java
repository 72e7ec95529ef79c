package dev.tihuo.adapters.douyin.openapi.outbox;

import dev.tihuo.adapters.douyin.openapi.Answer;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure;
import dev.tihuo.adapters.douyin.openapi.OpenApiClient;
import dev.tihuo.adapters.douyin.openapi.dto.PoiStock;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox to Douyin, at least once. Each round claims due messages (earliest deadline first), sends them
 * through the {@link OpenApiClient} by kind, and records each attempt with its logid:
 * <ul>
 * <li>success → delivered;</li>
 * <li>{@link DouyinFailure.Transient} (and a {@link DouyinFailure.TokenExpired} that survived the client's one renewal
 * and retry) → tried again after exponential back-off with jitter, never more than {@code deadlineMaxRetry} apart for
 * messages with a deadline;</li>
 * <li>{@link DouyinFailure.Permanent} → parked with its reason for an operator.</li>
 * </ul>
 * Stock pushes of one account go out together; only the entries Douyin lists as failed are tried again. Messages with a
 * deadline (O1: Douyin refunds 10 minutes after the S4) are watched: a gauge counts those at risk, a warning is logged for
 * each failed attempt at risk, and a counter counts deadlines missed.
 */
public final class OutboxDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final Vertx vertx;
    private final OutboxStore store;
    private final OpenApiClient client;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final IntervalFunction backoff;
    private final MeterRegistry registry;
    private final String owner;
    private final DeliveryReceipts receipts;
    private final Map<String, Instant> openDeadlines = new ConcurrentHashMap<>();
    private final Map<String, Boolean> missed = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private long timerId = -1;

    public OutboxDelivery(Vertx vertx, OutboxStore store, OpenApiClient client, Clock clock, DeliveryPolicy policy,
                          MeterRegistry registry, String owner, DeliveryReceipts receipts) {
        this.vertx = vertx;
        this.store = store;
        this.client = client;
        this.clock = clock;
        this.policy = policy;
        this.backoff = policy.backoff();
        this.registry = registry;
        this.owner = owner;
        this.receipts = receipts;
        Gauge.builder("tihuo.outbox.deadline.at_risk", this, OutboxDelivery::atRisk)
                .description("Messages with a deadline (O1) not delivered and less than the at-risk window left")
                .register(registry);
    }

    /** What one round did. */
    public record Round(int claimed, int delivered, int retried, int parked) {
        static final Round EMPTY = new Round(0, 0, 0, 0);
    }

    /** Polls every {@code pollEvery}; a round never overlaps the previous one. */
    public void start() {
        timerId = vertx.setPeriodic(policy.pollEvery().toMillis(), id -> runOnce());
    }

    public void stop() {
        if (timerId >= 0) vertx.cancelTimer(timerId);
    }

    /** One round: claim, deliver, record. Completes when every outcome is recorded. */
    public Future<Round> runOnce() {
        if (!running.compareAndSet(false, true)) return Future.succeededFuture(Round.EMPTY);
        Instant now = clock.instant();
        return vertx.executeBlocking(() -> store.claimDue(now, policy.batchSize(), owner, policy.lease()))
                .compose(this::deliverAll)
                .onComplete(ar -> {
                    running.set(false);
                    if (ar.failed()) LOG.error("outbox round failed", ar.cause());
                });
    }

    private Future<Round> deliverAll(List<OutboxMessage> claimed) {
        List<Future<String>> outcomes = new ArrayList<>();
        Map<String, List<OutboxMessage>> stockByAccount = new LinkedHashMap<>();
        for (OutboxMessage m : claimed) {
            m.deadlineIfAny().ifPresent(d -> openDeadlines.put(m.id(), d));
            if (m.delivery() instanceof Delivery.PushStoreStock s) {
                stockByAccount.computeIfAbsent(s.accountId() + "/" + s.rootLifeAccountId(), k -> new ArrayList<>()).add(m);
            } else {
                outcomes.add(deliverOne(m));
            }
        }
        for (List<OutboxMessage> account : stockByAccount.values()) {
            for (int i = 0; i < account.size(); i += policy.stockBatchSize()) {
                outcomes.addAll(pushStock(account.subList(i, Math.min(account.size(), i + policy.stockBatchSize()))));
            }
        }
        return Future.join(outcomes).transform(ar -> {
            int delivered = 0, retried = 0, parked = 0;
            for (Future<String> f : outcomes) {
                String o = f.succeeded() ? f.result() : "retry";
                if (o.equals("delivered")) delivered++;
                else if (o.equals("parked")) parked++;
                else retried++;
            }
            return Future.succeededFuture(new Round(claimed.size(), delivered, retried, parked));
        });
    }

    private Future<String> deliverOne(OutboxMessage m) {
        return send(m.delivery()).transform(ar -> ar.succeeded() ? delivered(m, ar.result()) : failed(m, ar.cause()));
    }

    private Future<? extends Answer<?>> send(Delivery d) {
        if (d instanceof Delivery.IssueCodes x) return client.issueCodeCallback(x.request());
        if (d instanceof Delivery.AuditRefund x) return client.auditRefund(x.request());
        if (d instanceof Delivery.ReportVerification x) return client.verify(x.request());
        if (d instanceof Delivery.ReportCancellation x) return client.cancelVerification(x.request());
        if (d instanceof Delivery.PublishProduct x) {
            return client.saveProduct(x.product()).compose(saved -> x.skus() == null
                    ? Future.succeededFuture(saved)
                    : client.saveSkus(x.skus().withProductId(saved.data().productId()))
                            .map(skus -> new Answer<>(saved.data(), saved.logid() + "," + skus.logid())));
        }
        if (d instanceof Delivery.PushStoreStock x) {
            return client.saveStoreStock(new PoiStock.SaveRequest(x.accountId(), x.rootLifeAccountId(), List.of(x.entry())));
        }
        return Future.failedFuture(new IllegalStateException("no delivery for " + d.kind()));
    }

    /** One poistock/save for several (SKU, store) messages; each message's outcome follows its own entry. */
    private List<Future<String>> pushStock(List<OutboxMessage> batch) {
        Delivery.PushStoreStock first = (Delivery.PushStoreStock) batch.get(0).delivery();
        List<PoiStock.Entry> entries = batch.stream().map(m -> ((Delivery.PushStoreStock) m.delivery()).entry()).toList();
        Future<Answer<PoiStock.SaveData>> call = client.saveStoreStock(new PoiStock.SaveRequest(first.accountId(), first.rootLifeAccountId(), entries));
        List<Future<String>> outcomes = new ArrayList<>();
        for (OutboxMessage m : batch) {
            PoiStock.Entry entry = ((Delivery.PushStoreStock) m.delivery()).entry();
            outcomes.add(call.transform(ar -> {
                if (ar.succeeded()) return delivered(m, ar.result());
                if (ar.cause() instanceof DouyinFailure f && !f.itemFailures().isEmpty() && !entryFailed(entry, f)) {
                    return delivered(m, new Answer<>(null, f.logid()));
                }
                return failed(m, ar.cause());
            }));
        }
        return outcomes;
    }

    private static boolean entryFailed(PoiStock.Entry entry, DouyinFailure f) {
        String key = "sku:" + entry.skuId() + "@" + entry.poi();
        return f.itemFailures().stream().anyMatch(i -> i.key().equals(key)
                || (entry.poi().poiId() != null && i.key().equals("sku:" + entry.skuId() + "@poi:" + entry.poi().poiId()))
                || (entry.poi().extId() != null && i.key().equals("sku:" + entry.skuId() + "@ext:" + entry.poi().extId())));
    }

    private Future<String> delivered(OutboxMessage m, Answer<?> answer) {
        Instant now = clock.instant();
        return vertx.executeBlocking(() -> {
            store.markDelivered(m.id(), answer.logid());
            return "delivered";
        }).onSuccess(x -> {
            count(m, "delivered");
            Timer.builder("tihuo.outbox.delivery.lag").description("From enqueue to delivery").tag("kind", m.delivery().kind().name())
                    .register(registry).record(Duration.between(m.createdAt(), now));
            closeDeadline(m, now, true);
            LOG.info("outbox delivered id={} kind={} key={} attempt={} logid={}", m.id(), m.delivery().kind(), m.delivery().idempotencyKey(),
                    m.attempts() + 1, answer.logid());
            notifyReceipts(() -> receipts.delivered(m, answer));
        });
    }

    private Future<String> failed(OutboxMessage m, Throwable cause) {
        Instant now = clock.instant();
        DouyinFailure f = cause instanceof DouyinFailure d ? d
                : DouyinFailure.Transient.of("-", "-", "unexpected: " + cause, cause);
        int attempts = m.attempts() + 1;
        if (f instanceof DouyinFailure.Permanent) {
            return vertx.executeBlocking(() -> {
                store.park(m.id(), f.summary(), f.logid());
                return "parked";
            }).onSuccess(x -> {
                count(m, "parked");
                closeDeadline(m, now, false);
                LOG.error("outbox parked id={} kind={} key={} attempt={} logid={} reason={}", m.id(), m.delivery().kind(),
                        m.delivery().idempotencyKey(), attempts, f.logid(), f.summary());
                notifyReceipts(() -> receipts.parked(m, f));
            });
        }
        Duration wait = Duration.ofMillis(backoff.apply(attempts));
        if (m.deadline() != null && wait.compareTo(policy.deadlineMaxRetry()) > 0) wait = policy.deadlineMaxRetry();
        Instant next = now.plus(wait);
        return vertx.executeBlocking(() -> {
            store.reschedule(m.id(), attempts, next, f.summary(), f.logid());
            return "retry";
        }).onSuccess(x -> {
            count(m, "retry");
            warnIfAtRisk(m, now, attempts, f);
            LOG.warn("outbox retry id={} kind={} key={} attempt={} next={} logid={} error={}", m.id(), m.delivery().kind(),
                    m.delivery().idempotencyKey(), attempts, next, f.logid(), f.summary());
        });
    }

    private void count(OutboxMessage m, String outcome) {
        String kind = m.delivery().kind().name();
        Counter.builder("tihuo.outbox.deliveries").description("Outbox messages by kind and outcome of their latest attempt")
                .tag("kind", kind).tag("outcome", outcome).register(registry).increment();
        Counter.builder("tihuo.outbox.attempts").description("Delivery attempts").tag("kind", kind).register(registry).increment();
    }

    private void warnIfAtRisk(OutboxMessage m, Instant now, int attempts, DouyinFailure f) {
        if (m.deadline() == null) return;
        Duration left = Duration.between(now, m.deadline());
        if (left.isNegative()) {
            markMissed(m);
        } else if (left.compareTo(policy.atRisk()) < 0) {
            LOG.warn("outbox deadline at risk id={} kind={} key={} left={}s attempts={} last={}", m.id(), m.delivery().kind(),
                    m.delivery().idempotencyKey(), left.toSeconds(), attempts, f.summary());
        }
    }

    private void closeDeadline(OutboxMessage m, Instant now, boolean delivered) {
        if (m.deadline() == null) return;
        if (now.isAfter(m.deadline()) || !delivered) markMissed(m);
        openDeadlines.remove(m.id());
        missed.remove(m.id());
    }

    private void markMissed(OutboxMessage m) {
        if (missed.putIfAbsent(m.id(), Boolean.TRUE) == null) {
            Counter.builder("tihuo.outbox.deadline.missed").description("Messages that missed their deadline (O1: Douyin refunds)")
                    .tag("kind", m.delivery().kind().name()).register(registry).increment();
            LOG.error("outbox deadline missed id={} kind={} key={} deadline={}", m.id(), m.delivery().kind(), m.delivery().idempotencyKey(), m.deadline());
        }
    }

    private double atRisk() {
        Instant limit = clock.instant().plus(policy.atRisk());
        return openDeadlines.values().stream().filter(d -> d.isBefore(limit)).count();
    }

    private static void notifyReceipts(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("delivery receipt handler failed", e);
        }
    }

    @Override
    public String toString() {
        return "OutboxDelivery[owner=" + owner + ", open deadlines=" + openDeadlines.keySet().stream().collect(Collectors.joining(",")) + "]";
    }
}
