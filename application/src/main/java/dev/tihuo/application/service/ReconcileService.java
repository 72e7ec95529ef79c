package dev.tihuo.application.service;

import dev.tihuo.application.port.in.operations.Reconcile;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.Voucher;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reconciliation through O5 (openapi.md §5.4). Douyin's certificate status numbers (third-party SDK comment, flows.md
 * §4.2): 1 unused, 2 used, 3 refund requested, 4 refunded, 6 refunding. Two repairs are safe: a redemption recorded
 * here but not on Douyin is reported again (O3 with its original verify token, so a late original is harmless), and
 * a unit Douyin has refunded is refunded here too (its refund notice was lost). Anything else is listed.
 */
public final class ReconcileService implements Reconcile {
    private static final int UNUSED = 1;
    private static final int USED = 2;
    private static final int REFUNDED = 4;

    private final Orders orders;
    private final DouyinPlatform douyin;
    private final Outbox outbox;
    private final UnitOfWork unitOfWork;
    private final StockKeeper stock;
    private final Clock clock;

    public ReconcileService(Ports ports) {
        this.orders = ports.orders();
        this.douyin = ports.douyin();
        this.outbox = ports.outbox();
        this.unitOfWork = ports.unitOfWork();
        this.stock = ports.stockKeeper();
        this.clock = ports.clock();
    }

    @Override
    public Report reconcile(MerchantId merchant, String orderId) {
        Order order = orders.find(merchant, new DouyinOrderId(orderId))
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_ORDER, "no order " + orderId));
        Map<String, DouyinPlatform.CertificateStatus> theirs = douyin.certificates(orderId).stream()
                .collect(Collectors.toMap(DouyinPlatform.CertificateStatus::certificateId, Function.identity(), (a, b) -> b));
        List<Difference> differences = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        Map<Integer, Money> refundable = new java.util.LinkedHashMap<>();
        Instant now = clock.instant();
        for (Voucher v : order.vouchers()) {
            String certificate = v.certificateId().map(Object::toString).orElse(null);
            DouyinPlatform.CertificateStatus status = certificate == null ? null : theirs.get(certificate);
            if (status == null) {
                continue;
            }
            String ours = v.state().name();
            boolean agree = switch (v.state()) {
                case VALID -> status.status() == UNUSED;
                case REDEEMED, RETURN_REQUESTED -> status.status() == USED;
                case REFUNDED -> status.status() == REFUNDED;
                default -> true;
            };
            if (agree) {
                continue;
            }
            differences.add(new Difference(certificate, ours, String.valueOf(status.status())));
            if (v.state() == VoucherState.REDEEMED && status.status() == UNUSED && v.verifyToken().isPresent()) {
                unitOfWork.run(() -> outbox.append(OutboxMessage.of(merchant.value(),
                        new DouyinCall.Verify(orderId, order.poi().value(), v.verifyToken().get(), v.code().orElseThrow().value(),
                                certificate, v.redeemedAt().orElse(now)),
                        "o3:" + v.verifyToken().get() + ":reconcile:" + now.toEpochMilli(), null, now, null)));
                repaired.add("redemption of " + certificate + " reported to Douyin again");
            } else if (status.status() == REFUNDED && v.state() != VoucherState.REFUNDED) {
                refundable.put(v.number(), v.paid());
            }
        }
        if (!refundable.isEmpty()) {
            // Douyin is the authority on money (flows.md §2.5): a refund notice we never received is applied here.
            unitOfWork.run(() -> {
                Order fresh = orders.find(merchant, order.id()).orElseThrow();
                var refunded = fresh.refund(refundable, now);
                stock.apply(merchant, refunded.movements(), now);
                orders.save(fresh);
            });
            refundable.keySet().forEach(n -> repaired.add("unit " + n + " marked refunded as Douyin holds it"));
        }
        return new Report(orderId, differences, repaired);
    }

}
