package dev.tihuo.application.service;

import dev.tihuo.application.port.in.operations.DeliverOutbox;
import dev.tihuo.application.port.in.operations.OperateOutbox;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import dev.tihuo.application.port.out.DouyinPlatform.DouyinRefused;
import dev.tihuo.application.port.out.DouyinPlatform.DouyinUnavailable;
import dev.tihuo.application.port.out.MessageKind;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.Products;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.CertificateRef;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.voucher.CertificateId;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers the outbox to Douyin at least once. The retry schedule is persisted with each message (a process can die
 * between attempts), so it is computed here rather than by an in-process retry library: exponential from 2 s,
 * capped at 5 minutes, with full jitter; an O1 is never scheduled past its deadline while the deadline is ahead.
 */
public final class OutboxService implements DeliverOutbox, OperateOutbox {
    private static final System.Logger LOG = System.getLogger(OutboxService.class.getName());
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final DouyinPlatform douyin;
    private final Orders orders;
    private final Products products;
    private final StockKeeper stock;
    private final UnitOfWork unitOfWork;
    private final Idempotency idempotency;
    private final Clock clock;

    public OutboxService(Ports ports) {
        this.outbox = ports.outbox();
        this.douyin = ports.douyin();
        this.orders = ports.orders();
        this.products = ports.products();
        this.stock = ports.stockKeeper();
        this.unitOfWork = ports.unitOfWork();
        this.idempotency = ports.idempotency();
        this.clock = ports.clock();
    }

    @Override
    public int deliverDue(String owner, int limit) {
        List<OutboxMessage> due = outbox.claimDue(clock.instant(), limit, owner, LEASE);
        for (OutboxMessage message : due) {
            deliver(message);
        }
        return due.size();
    }

    private void deliver(OutboxMessage message) {
        DouyinCall call = completed(message.call());
        if (call == null) {
            outbox.reschedule(message.id(), clock.instant().plus(FIRST_BACKOFF), "waiting for the verification record (O3)", null);
            // The O3 that brings the verify id wakes this cancel; if it did so while the cancel was in flight here,
            // the wake-up found nothing pending and was lost. Looking again after the reschedule closes that gap.
            if (completed(message.call()) != null) {
                outbox.wake(message.kind(), message.dedupeKey(), clock.instant());
            }
            return;
        }
        try {
            DouyinPlatform.Delivery delivery = douyin.deliver(call);
            idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
                learn(message, delivery);
                outbox.markDelivered(message.id(), delivery.logid(), clock.instant());
                return null;
            }));
        } catch (DouyinUnavailable e) {
            Instant next = nextAttempt(message);
            warnIfDeadlineAtRisk(message, next);
            outbox.reschedule(message.id(), next, e.getMessage(), e.logid());
        } catch (DouyinRefused e) {
            if (message.deadline() != null && clock.instant().isBefore(message.deadline())) {
                // An O1 can overtake Douyin's receipt of the S4 "issuing" answer (a late reply, a restart) and be
                // refused; it is idempotent on the order, so it is tried again until its 10 minutes are up.
                Instant next = nextAttempt(message);
                warnIfDeadlineAtRisk(message, next);
                outbox.reschedule(message.id(), next, e.code() + ": " + e.getMessage(), e.logid());
                return;
            }
            LOG.log(Level.WARNING, "Douyin refused {0} {1} for good ({2}: {3}); parked for an operator",
                    message.kind(), message.dedupeKey(), e.code(), e.getMessage());
            outbox.park(message.id(), e.code() + ": " + e.getMessage(), e.logid());
        } catch (RuntimeException e) {
            // A bug or an unreadable answer must not stop the worker nor lose the message.
            LOG.log(Level.ERROR, "delivering " + message.kind() + " " + message.dedupeKey() + " failed", e);
            outbox.reschedule(message.id(), nextAttempt(message), e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    /** O4 needs the verify id O3 answered; until it is known the cancel waits. */
    private DouyinCall completed(DouyinCall call) {
        if (call instanceof DouyinCall.CancelVerify cancel && cancel.verifyId() == null) {
            String verifyId = orders.find(new DouyinOrderId(cancel.orderId())).flatMap(o -> o.vouchers().stream()
                    .filter(v -> v.verifyToken().map(cancel.verifyToken()::equals).orElse(false)).findFirst())
                    .flatMap(v -> v.verifyId()).orElse(null);
            return verifyId == null ? null
                    : new DouyinCall.CancelVerify(cancel.orderId(), cancel.verifyToken(), verifyId, cancel.certificateId(), cancel.code());
        }
        return call;
    }

    /** Remembers what Douyin answered that later calls need. */
    private void learn(OutboxMessage message, DouyinPlatform.Delivery delivery) {
        if (message.call() instanceof DouyinCall.IssueCallback callback && !delivery.certificates().isEmpty()) {
            orders.find(new DouyinOrderId(callback.orderId())).ifPresent(order -> {
                for (DouyinPlatform.IssuedCode c : delivery.certificates()) {
                    if (c.certificateId() == null || order.voucherByCertificate(new CertificateId(c.certificateId())).isPresent()) {
                        continue;
                    }
                    order.vouchers().stream().filter(v -> v.code().map(code -> code.value().equals(c.code())).orElse(false))
                            .findFirst().ifPresent(v -> v.identify(new CertificateId(c.certificateId()), null));
                }
                orders.save(order);
            });
        } else if (message.call() instanceof DouyinCall.Verify verify && !delivery.verified().isEmpty()) {
            orders.find(new DouyinOrderId(verify.orderId())).ifPresent(order -> {
                DouyinPlatform.Verified v = delivery.verified().get(0);
                Order o = order;
                o.vouchers().stream().filter(x -> x.verifyToken().map(verify.verifyToken()::equals).orElse(false)).findFirst()
                        .ifPresent(x -> {
                            if (v.certificateId() != null) {
                                o.identifyCertificates(List.of(new CertificateRef(new CertificateId(v.certificateId()), null, x.sku())));
                            }
                            o.recordVerification(x.number(), verify.verifyToken(), v.verifyId());
                        });
                orders.save(o);
                // A cancel of this redemption may already wait for the verify id: it need not wait any longer.
                outbox.wake(MessageKind.CANCEL_VERIFY, DouyinCall.CancelVerify.dedupeKey(verify.verifyToken()), clock.instant());
            });
        } else if (message.call() instanceof DouyinCall.ProductSave save && delivery.productId() != null) {
            products.find(new MerchantId(message.merchant()), new ProductOutId(save.productOutId())).ifPresent(product -> {
                Map<SkuOutId, DouyinSkuId> links = new LinkedHashMap<>();
                delivery.skus().forEach(s -> links.put(new SkuOutId(s.skuOutId()), new DouyinSkuId(s.skuId())));
                product.linkToDouyin(new DouyinProductId(delivery.productId()), links);
                products.save(product);
                stock.pushAll(product, clock.instant());
            });
        }
    }

    Instant nextAttempt(OutboxMessage message) {
        Instant now = clock.instant();
        long cap = Math.min(MAX_BACKOFF.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(message.attempts(), 20));
        Instant next = now.plusMillis(ThreadLocalRandom.current().nextLong(FIRST_BACKOFF.toMillis() / 2, Math.max(cap, FIRST_BACKOFF.toMillis()) + 1));
        if (message.deadline() != null && now.isBefore(message.deadline())) {
            // Keep trying often enough that a recovering Douyin still hears the callback before Douyin gives up.
            Duration left = Duration.between(now, message.deadline());
            Instant latest = now.plus(left.dividedBy(4).compareTo(FIRST_BACKOFF) < 0 ? FIRST_BACKOFF : left.dividedBy(4));
            if (next.isAfter(latest)) {
                next = latest;
            }
        }
        return next;
    }

    private void warnIfDeadlineAtRisk(OutboxMessage message, Instant next) {
        if (message.deadline() != null && !next.isBefore(message.deadline().minus(Duration.ofMinutes(2)))) {
            LOG.log(Level.WARNING, "{0} {1} risks missing its deadline {2}", message.kind(), message.dedupeKey(), message.deadline());
        }
    }

    @Override
    public List<StuckMessage> stuck(String merchant, int limit) {
        return outbox.stuck(3, limit).stream().filter(m -> merchant == null || m.merchant().equals(merchant))
                .map(m -> new StuckMessage(m.id(), m.kind().name(), m.dedupeKey(), m.attempts(), m.lastError(), m.lastLogid(),
                        m.status().name(), m.createdAt(), m.nextAttemptAt(), m.deadline())).toList();
    }

    @Override
    public boolean retry(String merchant, long id) {
        return outbox.find(id).filter(m -> merchant == null || m.merchant().equals(merchant))
                .map(m -> outbox.retryNow(id, clock.instant())).orElse(false);
    }

    @Override
    public Outbox.Backlog backlog() {
        return outbox.backlog();
    }
}
