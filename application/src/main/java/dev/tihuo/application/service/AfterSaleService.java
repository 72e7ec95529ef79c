package dev.tihuo.application.service;

import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.application.port.in.merchant.ReviewAfterSales;
import dev.tihuo.application.port.in.spi.ApplyRefund;
import dev.tihuo.application.port.in.spi.ApplyReturn;
import dev.tihuo.application.port.in.spi.AuditAnswer;
import dev.tihuo.application.port.in.spi.IssueCodes.CertificateCode;
import dev.tihuo.application.port.in.spi.NotifyRefund;
import dev.tihuo.application.port.in.spi.NotifyReturnTimeout;
import dev.tihuo.application.port.in.spi.RefundLine;
import dev.tihuo.application.port.out.AfterSales;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.MerchantPolicies;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.StoreStocks;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.aftersale.AfterSale;
import dev.tihuo.domain.aftersale.AfterSaleKind;
import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.aftersale.RefundDecision;
import dev.tihuo.domain.aftersale.RefundItem;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.IssueFailure;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.order.Voucher;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** S5 refund apply, S6 refund notice, S7 return apply, S8 timeout-return notice, and their manual review. */
public final class AfterSaleService implements ApplyRefund, ApplyReturn, NotifyRefund, NotifyReturnTimeout, ReviewAfterSales {
    private static final System.Logger LOG = System.getLogger(AfterSaleService.class.getName());
    private static final Set<VoucherState> REFUNDABLE = EnumSet.of(VoucherState.VALID, VoucherState.REFUNDING,
            VoucherState.EXPIRED, VoucherState.ISSUE_FAILED, VoucherState.PENDING_ISSUE, VoucherState.ISSUING);

    private final Orders orders;
    private final AfterSales afterSales;
    private final StoreStocks stocks;
    private final MerchantPolicies policies;
    private final Outbox outbox;
    private final StockKeeper stock;
    private final CodeIssuer codes;
    private final UnitOfWork unitOfWork;
    private final Idempotency idempotency;
    private final Clock clock;

    public AfterSaleService(Ports ports) {
        this.orders = ports.orders();
        this.afterSales = ports.afterSales();
        this.stocks = ports.stocks();
        this.policies = ports.policies();
        this.outbox = ports.outbox();
        this.stock = ports.stockKeeper();
        this.codes = ports.codeIssuer();
        this.unitOfWork = ports.unitOfWork();
        this.idempotency = ports.idempotency();
        this.clock = ports.clock();
    }

    // ---- S5 ---------------------------------------------------------------------------------------------------------

    @Override
    public AuditAnswer apply(ApplyRefund.Application application) {
        Order found = orders.find(application.order())
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_ORDER, "no order " + application.order()));
        return idempotency.once(found.merchant().value(), "refund-apply", application.afterSale().value(), application,
                AuditAnswer.class, () -> decideRefund(application));
    }

    private AuditAnswer decideRefund(ApplyRefund.Application application) {
        Order order = orders.find(application.order()).orElseThrow();
        Instant now = clock.instant();
        List<RefundItem> items = match(order, application.lines(), REFUNDABLE_OR_PICKED_UP);
        List<Integer> numbers = items.stream().map(RefundItem::voucher).toList();
        RefundDecision decision = lateCodeCase(order, application.lines(), numbers)
                .orElseGet(() -> policies.refundPolicy(order.merchant()).decideRefund(order, numbers, lateCodes(order, now)));
        AfterSale sale = AfterSale.apply(order.merchant(), application.afterSale(), AfterSaleKind.REFUND, order.id(), items,
                application.refundAmount(), application.reason(), now);
        sale.decide(decision, now);
        if (decision instanceof RefundDecision.Reject reject && !reject.lateCodes().isEmpty()
                && order.state() == OrderState.ISSUE_FAILED) {
            var supplied = order.supplyLateCodes(reject.lateCodes(), codes.validUntil(order, now), now);
            stock.apply(order.merchant(), supplied.movements(), now);
        } else if (!(decision instanceof RefundDecision.Reject)) {
            order.putUpForRefund(numbers.stream().filter(n -> canBePutUp(order.voucher(n))).toList());
        }
        orders.save(order);
        afterSales.save(sale);
        return answer(decision, order);
    }

    private static final Set<VoucherState> REFUNDABLE_OR_PICKED_UP = union(REFUNDABLE, EnumSet.of(VoucherState.REDEEMED));

    private static boolean canBePutUp(Voucher v) {
        return v.state() == VoucherState.VALID || v.state() == VoucherState.EXPIRED;
    }

    /**
     * The 补码 case of D7 when tihuo did issue by callback but the O1 never reached Douyin in time: Douyin asks to
     * refund units whose code it does not know (empty `code`) while they are valid here. Rejecting with the codes we
     * already issued is what supplies them late.
     */
    private Optional<RefundDecision> lateCodeCase(Order order, List<RefundLine> lines, List<Integer> numbers) {
        boolean douyinLacksCodes = lines.stream().allMatch(l -> l.code() == null || l.code().isBlank());
        boolean allValidHere = numbers.stream().map(order::voucher).allMatch(v -> v.state() == VoucherState.VALID);
        if (douyinLacksCodes && allValidHere && order.issuedByCallback()) {
            List<PickupCode> existing = numbers.stream().map(n -> order.voucher(n).code().orElseThrow()).toList();
            return Optional.of(new RefundDecision.Reject("code supplied late (补码)", existing));
        }
        return Optional.empty();
    }

    /** D7: codes can be issued late only if the store can still reserve every unit again. */
    private Optional<List<PickupCode>> lateCodes(Order order, Instant now) {
        if (order.state() != OrderState.ISSUE_FAILED || order.issueFailure().orElse(null) != IssueFailure.LAPSED) {
            return Optional.empty();
        }
        Map<SkuOutId, Integer> needed = new LinkedHashMap<>();
        order.vouchers().forEach(v -> needed.merge(v.sku(), 1, Integer::sum));
        for (var e : needed.entrySet()) {
            int available = stocks.find(new StockKey(order.merchant(), order.store(), e.getKey()))
                    .map(StoreStock::available).orElse(0);
            if (available < e.getValue()) {
                return Optional.empty();
            }
        }
        return Optional.of(codes.codesFor(order));
    }

    private static AuditAnswer answer(RefundDecision decision, Order order) {
        if (decision instanceof RefundDecision.Reject reject) {
            List<String> late = reject.lateCodes().stream().map(PickupCode::value).toList();
            List<CertificateCode> certs = new ArrayList<>();
            for (PickupCode code : reject.lateCodes()) {
                order.vouchers().stream().filter(v -> v.code().map(code::equals).orElse(false)).findFirst()
                        .flatMap(Voucher::certificateId)
                        .ifPresent(c -> certs.add(new CertificateCode(c.value(), code.value())));
            }
            return new AuditAnswer(decision.result(), reject.reason(), late, certs);
        }
        String reason = decision instanceof RefundDecision.Pending p ? p.reason() : null;
        return new AuditAnswer(decision.result(), reason, List.of(), List.of());
    }

    // ---- S7 ---------------------------------------------------------------------------------------------------------

    @Override
    public AuditAnswer applyReturn(ApplyRefund.Application application) {
        Order found = orders.find(application.order())
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_ORDER, "no order " + application.order()));
        return idempotency.once(found.merchant().value(), "return-apply", application.afterSale().value(), application,
                AuditAnswer.class, () -> {
                    Order order = orders.find(application.order()).orElseThrow();
                    Instant now = clock.instant();
                    List<RefundItem> items = match(order, application.lines(), EnumSet.of(VoucherState.REDEEMED));
                    List<Integer> numbers = items.stream().map(RefundItem::voucher).toList();
                    RefundDecision decision = policies.refundPolicy(order.merchant()).decideReturn(order, numbers);
                    AfterSale sale = AfterSale.apply(order.merchant(), application.afterSale(), AfterSaleKind.RETURN,
                            order.id(), items, application.refundAmount(), application.reason(), now);
                    sale.decide(decision, now);
                    if (!(decision instanceof RefundDecision.Reject)) {
                        order.requestReturn(numbers);
                    }
                    orders.save(order);
                    afterSales.save(sale);
                    return answer(decision, order);
                });
    }

    // ---- S8 ---------------------------------------------------------------------------------------------------------

    @Override
    public void timedOut(NotifyReturnTimeout.Notice notice) {
        idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            Order order = orders.find(notice.order())
                    .orElseThrow(() -> new TryAgainLater("timeout-return notice for unknown order " + notice.order()));
            Instant now = clock.instant();
            AfterSale sale = afterSales.find(notice.afterSale()).orElse(null);
            if (sale == null) {
                List<RefundItem> items = match(order, notice.lines(), EnumSet.of(VoucherState.REDEEMED));
                sale = AfterSale.apply(order.merchant(), notice.afterSale(), AfterSaleKind.RETURN, order.id(), items,
                        notice.refundAmount(), "return not handled in time", now);
                order.requestReturn(sale.vouchers());
            } else if (!sale.state().isOpen()) {
                return null; // already decided or a repeated notice
            } else if (sale.state() == AfterSaleState.APPLIED) {
                order.requestReturn(sale.vouchers().stream()
                        .filter(n -> order.voucher(n).state() == VoucherState.REDEEMED).toList());
            }
            sale.approveByTimeout(now);
            orders.save(order);
            afterSales.save(sale);
            return null;
        }));
    }

    // ---- S6 ---------------------------------------------------------------------------------------------------------

    @Override
    public void refunded(NotifyRefund.Notice notice) {
        idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            Order order = orders.find(notice.order())
                    .orElseThrow(() -> new TryAgainLater("refund notice for unknown order " + notice.order()));
            Instant now = clock.instant();
            AfterSale sale = afterSales.find(notice.afterSale()).orElse(null);
            if (sale != null && sale.state().isFinal()) {
                if (sale.state() == AfterSaleState.REJECTED) {
                    LOG.log(Level.WARNING, "refund notice {0} for an after-sale tihuo rejected; Douyin's word stands but "
                            + "the units stay as they are for an operator to check", notice.afterSale());
                }
                return null;
            }
            Set<VoucherState> refundable = notice.kind() == AfterSaleKind.RETURN
                    ? EnumSet.of(VoucherState.RETURN_REQUESTED, VoucherState.REDEEMED) : REFUNDABLE;
            if (sale == null) {
                List<RefundItem> items = match(order, notice.lines(), refundable);
                sale = AfterSale.refundedWithoutAudit(order.merchant(), notice.afterSale(), notice.kind(), order.id(),
                        items, notice.refundAmount(), notice.reason(), now);
                if (notice.kind() == AfterSaleKind.RETURN) {
                    order.requestReturn(items.stream().map(RefundItem::voucher)
                            .filter(n -> order.voucher(n).state() == VoucherState.REDEEMED).toList());
                }
            } else {
                sale.settle(now);
            }
            Map<Integer, Money> amounts = new LinkedHashMap<>();
            for (RefundItem item : sale.items()) {
                Money amount = notice.lines().stream()
                        .filter(l -> item.item() != null && item.item().value().equals(l.orderItemId()))
                        .map(RefundLine::amount).findFirst().orElse(item.amount());
                if (order.voucher(item.voucher()).state() != VoucherState.REFUNDED) {
                    amounts.put(item.voucher(), amount.isGreaterThan(order.voucher(item.voucher()).paid())
                            ? order.voucher(item.voucher()).paid() : amount);
                }
            }
            if (!amounts.isEmpty()) {
                var refunded = order.refund(amounts, now);
                stock.apply(order.merchant(), refunded.movements(), now);
            }
            orders.save(order);
            afterSales.save(sale);
            return null;
        }));
    }

    // ---- manual review (D7) and returned goods (D9) -------------------------------------------------------------------

    @Override
    public void approve(ReviewAfterSales.Decision decision) {
        review(decision, RefundDecision.approve());
    }

    @Override
    public void reject(ReviewAfterSales.Decision decision) {
        String reason = decision.reason() == null || decision.reason().isBlank() ? "rejected by the merchant" : decision.reason();
        review(decision, new RefundDecision.Reject(reason));
    }

    private void review(ReviewAfterSales.Decision decision, RefundDecision answer) {
        idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            AfterSale sale = ownSale(decision.merchant(), decision.afterSale());
            Order order = orders.find(sale.order()).orElseThrow();
            Instant now = clock.instant();
            sale.review(answer, now);
            boolean approved = answer instanceof RefundDecision.Approve;
            if (sale.kind() == AfterSaleKind.REFUND) {
                List<Integer> waiting = sale.vouchers().stream()
                        .filter(n -> order.voucher(n).state() == VoucherState.REFUNDING).toList();
                if (approved) {
                    order.putUpForRefund(sale.vouchers().stream().filter(n -> canBePutUp(order.voucher(n))).toList());
                } else {
                    order.keepAfterRefundRejected(waiting, now);
                }
            } else if (!approved) {
                order.keepAfterReturnRejected(sale.vouchers().stream()
                        .filter(n -> order.voucher(n).state() == VoucherState.RETURN_REQUESTED).toList());
            }
            String reason = answer instanceof RefundDecision.Reject r ? r.reason() : "approved";
            outbox.append(OutboxMessage.of(order.merchant().value(),
                    new DouyinCall.RefundAudit(order.id().value(), sale.id().value(), sale.id().value(), approved,
                            approved ? 0 : 1, reason, List.of()),
                    "o2:" + sale.id(), null, now, null));
            orders.save(order);
            afterSales.save(sale);
            return null;
        }));
    }

    @Override
    public void receiveReturnedGoods(dev.tihuo.domain.shared.MerchantId merchant, dev.tihuo.domain.aftersale.AfterSaleId id) {
        idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            AfterSale sale = ownSale(merchant, id);
            Order order = orders.find(sale.order()).orElseThrow();
            Instant now = clock.instant();
            if (sale.state() == AfterSaleState.REFUNDED) {
                sale.receiveGoodsAfterRefund(now); // Douyin refunded before the goods came back (D9)
            } else {
                sale.receiveGoods(now);
            }
            Map<SkuOutId, Integer> units = new LinkedHashMap<>();
            sale.vouchers().forEach(n -> units.merge(order.voucher(n).sku(), 1, Integer::sum));
            units.forEach((sku, count) -> stock.change(new StockKey(merchant,
                    order.voucher(sale.vouchers().get(0)).redeemedAtStore().orElse(order.store()), sku),
                    s -> s.restock(count, now), now));
            afterSales.save(sale);
            return null;
        }));
    }

    private AfterSale ownSale(dev.tihuo.domain.shared.MerchantId merchant, dev.tihuo.domain.aftersale.AfterSaleId id) {
        return afterSales.find(id).filter(s -> s.merchant().equals(merchant))
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_AFTER_SALE, "no after-sale " + id));
    }

    // ---- matching Douyin's refund lines to our units -------------------------------------------------------------------

    /**
     * Finds the voucher of each line: by certificate id, then by code, then by item id; a line naming a unit we have
     * not identified yet takes the first unnamed unit in an allowed state, and the unit learns its ids (D4).
     * With no lines at all (a notice without detail), every unit in an allowed state is meant.
     */
    private static List<RefundItem> match(Order order, List<RefundLine> lines, Set<VoucherState> allowed) {
        List<RefundItem> items = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        if (lines.isEmpty()) {
            order.vouchers().stream().filter(v -> allowed.contains(v.state()))
                    .forEach(v -> items.add(new RefundItem(v.number(), v.orderItemId().orElse(null),
                            v.certificateId().orElse(null), v.paid())));
            return items;
        }
        for (RefundLine line : lines) {
            CertificateId certificate = blankToNull(line.certificateId(), CertificateId::new);
            OrderItemId item = blankToNull(line.orderItemId(), OrderItemId::new);
            Voucher voucher = Optional.ofNullable(certificate).flatMap(order::voucherByCertificate)
                    .or(() -> codeOf(line).flatMap(c -> order.vouchers().stream().filter(v -> v.code().map(c::equals).orElse(false)).findFirst()))
                    .or(() -> Optional.ofNullable(item).flatMap(order::voucherByItem))
                    .or(() -> order.vouchers().stream()
                            .filter(v -> !taken.contains(v.number()) && allowed.contains(v.state()))
                            .filter(v -> v.certificateId().isEmpty() || certificate == null)
                            .findFirst())
                    .orElseThrow(() -> new DomainException(Reason.UNKNOWN_VOUCHER,
                            "order " + order.id() + " has no unit matching " + line));
            if (!taken.add(voucher.number())) {
                throw new DomainException(Reason.INVALID_VALUE, "two refund lines name the same unit of order " + order.id());
            }
            voucher.identify(certificate, item);
            items.add(new RefundItem(voucher.number(), item, certificate, line.amount()));
        }
        return items;
    }

    private static Optional<PickupCode> codeOf(RefundLine line) {
        if (line.code() == null || !PickupCode.looksLikeOurs(line.code())) {
            return Optional.empty();
        }
        try {
            return Optional.of(PickupCode.parse(line.code()));
        } catch (DomainException notOurs) {
            return Optional.empty();
        }
    }

    private static <T> T blankToNull(String value, java.util.function.Function<String, T> make) {
        return value == null || value.isBlank() ? null : make.apply(value);
    }

    private static Set<VoucherState> union(Set<VoucherState> a, Set<VoucherState> b) {
        Set<VoucherState> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }
}
