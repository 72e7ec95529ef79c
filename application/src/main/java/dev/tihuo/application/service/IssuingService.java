package dev.tihuo.application.service;

import dev.tihuo.application.port.in.operations.FinishIssuing;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.Products;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.CertificateRef;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderEvent;
import dev.tihuo.domain.order.Voucher;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import dev.tihuo.domain.voucher.PickupCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * S4 发券 and the follow-up of "issuing" answers (D2-D4): codes at once for products that issue at once; for
 * products that issue by callback, "issuing" now and codes a moment later through O1, well inside 10 minutes.
 */
public final class IssuingService implements IssueCodes, FinishIssuing {
    private final Orders orders;
    private final Products products;
    private final Outbox outbox;
    private final StockKeeper stock;
    private final CodeIssuer codes;
    private final UnitOfWork unitOfWork;
    private final Idempotency idempotency;
    private final Clock clock;

    public IssuingService(Ports ports) {
        this.orders = ports.orders();
        this.products = ports.products();
        this.outbox = ports.outbox();
        this.stock = ports.stockKeeper();
        this.codes = ports.codeIssuer();
        this.unitOfWork = ports.unitOfWork();
        this.idempotency = ports.idempotency();
        this.clock = ports.clock();
    }

    @Override
    public Answer issue(IssueCodes.Command command) {
        return idempotency.once("issue-codes", command.order().value(), command, Answer.class, recorder -> {
            Order order = orders.find(command.order())
                    .orElseThrow(() -> new DomainException(Reason.UNKNOWN_ORDER, "no order " + command.order()));
            return recorder.once(order.merchant().value(), () -> {
                identify(order, command.certificates());
                Instant now = clock.instant();
                Answer answer = switch (order.state()) {
                    case CREATED, PAID -> codes.byCallback(order) ? startIssuing(order, now) : issueAtOnce(order, now);
                    case ISSUING -> new Answer(Answer.ISSUING, List.of(), List.of(), null);
                    case CANCELLED -> failed("the order was cancelled");
                    case ISSUE_FAILED -> failed("codes could not be issued for this order");
                    default -> issuedAnswer(order);
                };
                orders.save(order);
                return answer;
            });
        });
    }

    private void identify(Order order, List<Certificate> certificates) {
        if (certificates.isEmpty()) {
            return;
        }
        List<CertificateRef> refs = certificates.stream().map(c -> new CertificateRef(
                new CertificateId(c.certificateId()),
                c.orderItemId() == null || c.orderItemId().isBlank() ? null : new OrderItemId(c.orderItemId()),
                skuOf(order, c.skuId()))).toList();
        order.identifyCertificates(refs);
    }

    private SkuOutId skuOf(Order order, String douyinSkuId) {
        if (douyinSkuId == null || douyinSkuId.isBlank()) {
            return null;
        }
        return products.findByDouyinSku(order.merchant(), new DouyinSkuId(douyinSkuId))
                .flatMap(p -> p.sku(new DouyinSkuId(douyinSkuId))).map(s -> s.outId()).orElse(null);
    }

    private Answer issueAtOnce(Order order, Instant now) {
        order.issue(codes.codesFor(order), codes.validUntil(order, now), now);
        return issuedAnswer(order);
    }

    private Answer startIssuing(Order order, Instant now) {
        order.startIssuing(now);
        return new Answer(Answer.ISSUING, List.of(), List.of(), null);
    }

    private static Answer failed(String reason) {
        return new Answer(Answer.FAILED, List.of(), List.of(), reason);
    }

    static Answer issuedAnswer(Order order) {
        List<Voucher> withCodes = order.vouchers().stream().filter(v -> v.code().isPresent()).toList();
        return new Answer(Answer.ISSUED,
                withCodes.stream().map(v -> v.code().get().value()).toList(),
                withCodes.stream().filter(v -> v.certificateId().isPresent())
                        .map(v -> new CertificateCode(v.certificateId().get().value(), v.code().get().value())).toList(),
                null);
    }

    @Override
    public int issuePending(int limit) {
        Instant now = clock.instant();
        // every order still issuing: its deadline is at most one window ahead of now
        List<Order> waiting = orders.issuingWithDeadlineBefore(now.plus(dev.tihuo.domain.order.IssueWindow.LENGTH).plusMillis(1), limit);
        int issued = 0;
        for (Order candidate : waiting) {
            if (candidate.issueDeadline().orElseThrow().isAfter(now) && issueByCallback(candidate.id())) {
                issued++;
            }
        }
        return issued;
    }

    private boolean issueByCallback(DouyinOrderId id) {
        return idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            Order order = orders.find(id).orElseThrow();
            Instant now = clock.instant();
            if (order.state() != dev.tihuo.domain.order.OrderState.ISSUING || !now.isBefore(order.issueDeadline().orElseThrow())) {
                return false;
            }
            OrderEvent.CodesIssued issued = order.issue(codes.codesFor(order), codes.validUntil(order, now), now);
            orders.save(order);
            List<DouyinCall.IssuedCode> list = issued.vouchers().stream()
                    .map(v -> new DouyinCall.IssuedCode(v.certificateId(), v.code().value())).toList();
            outbox.append(OutboxMessage.of(order.merchant().value(),
                    new DouyinCall.IssueCallback(order.id().value(), true, list, null),
                    "o1:" + order.id(), null, now, order.issueDeadline().orElseThrow()));
            return true;
        }));
    }

    @Override
    public int lapseExpired(int limit) {
        Instant now = clock.instant();
        int lapsed = 0;
        // "deadline <= now": a bound of now + 1 ns is lost in a database keeping microseconds (H2, PostgreSQL), so an
        // order whose window ends exactly now was never lapsed until the clock moved on; lapseIssueWindow re-checks.
        for (Order candidate : orders.issuingWithDeadlineBefore(now.plusMillis(1), limit)) {
            boolean done = idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
                Order order = orders.find(candidate.id()).orElseThrow();
                var failed = order.lapseIssueWindow(clock.instant());
                failed.ifPresent(f -> {
                    stock.apply(order.merchant(), f.movements(), f.at());
                    orders.save(order);
                });
                return failed.isPresent();
            }));
            lapsed += done ? 1 : 0;
        }
        return lapsed;
    }

    /** Codes of an order as strings, in voucher order (for 补码 answers). */
    static List<String> codesOf(List<PickupCode> codes) {
        return codes.stream().map(PickupCode::value).toList();
    }
}
