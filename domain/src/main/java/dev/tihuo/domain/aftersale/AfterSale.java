package dev.tihuo.domain.aftersale;

import static dev.tihuo.domain.aftersale.AfterSaleState.*;

import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/**
 * A refund (S5/S6) or return (S7/S8) of some units of one order, keyed by Douyin's `biz_uniq_key`. It refers to the
 * order by id only; the order's vouchers change in the same unit of work through the order aggregate.
 */
@AggregateRoot
public final class AfterSale {
    private final MerchantId merchant;
    @Identity
    private final AfterSaleId id;
    private final AfterSaleKind kind;
    private final DouyinOrderId order;
    private final List<RefundItem> items;
    private final Money amount;
    private final String reason;
    private AfterSaleState state;
    private RefundDecision decision;
    private final Instant appliedAt;
    private final List<Transition> history;
    private final long version;

    private AfterSale(MerchantId merchant, AfterSaleId id, AfterSaleKind kind, DouyinOrderId order, List<RefundItem> items,
                      Money amount, String reason, AfterSaleState state, RefundDecision decision, Instant appliedAt,
                      List<Transition> history, long version) {
        this.merchant = Objects.requireNonNull(merchant, "merchant");
        this.id = Objects.requireNonNull(id, "after-sale id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.order = Objects.requireNonNull(order, "order");
        this.items = List.copyOf(items);
        this.amount = Objects.requireNonNull(amount, "amount");
        this.reason = reason == null ? "" : reason;
        this.state = Objects.requireNonNull(state, "state");
        this.decision = decision;
        this.appliedAt = Objects.requireNonNull(appliedAt, "applied at");
        this.history = new ArrayList<>(history);
        this.version = version;
        if (this.items.stream().map(RefundItem::voucher).distinct().count() != this.items.size()) {
            throw new DomainException(Reason.INVALID_VALUE, "an after-sale names each unit once");
        }
    }

    /** S5 or S7 received: Douyin asks the merchant to decide. */
    public static AfterSale apply(MerchantId merchant, AfterSaleId id, AfterSaleKind kind, DouyinOrderId order,
                                  List<RefundItem> items, Money amount, String reason, Instant now) {
        if (items.isEmpty()) {
            throw new DomainException(Reason.INVALID_VALUE, "an after-sale names at least one unit");
        }
        AfterSale sale = new AfterSale(merchant, id, kind, order, items, amount, reason, APPLIED, null, now, List.of(), 0);
        sale.history.add(new Transition(null, APPLIED.name(), kind == AfterSaleKind.REFUND ? "refund applied" : "return applied", now));
        return sale;
    }

    /** S6 for a refund Douyin made without asking (customer service, issue failure): it exists only as done. */
    public static AfterSale refundedWithoutAudit(MerchantId merchant, AfterSaleId id, AfterSaleKind kind, DouyinOrderId order,
                                                 List<RefundItem> items, Money amount, String reason, Instant now) {
        AfterSaleState done = kind == AfterSaleKind.REFUND ? SUCCEEDED : REFUNDED;
        AfterSale sale = new AfterSale(merchant, id, kind, order, items, amount, reason, done, null, now, List.of(), 0);
        sale.history.add(new Transition(null, done.name(), "refunded by Douyin without audit", now));
        return sale;
    }

    /** Everything a stored after-sale holds; used by persistence adapters only. */
    public record Snapshot(MerchantId merchant, AfterSaleId id, AfterSaleKind kind, DouyinOrderId order,
                           List<RefundItem> items, Money amount, String reason, AfterSaleState state,
                           RefundDecision decision, Instant appliedAt, List<Transition> history, long version) {}

    public static AfterSale reconstitute(Snapshot s) {
        return new AfterSale(s.merchant(), s.id(), s.kind(), s.order(), s.items(), s.amount(), s.reason(), s.state(),
                s.decision(), s.appliedAt(), s.history(), s.version());
    }

    public Snapshot snapshot() {
        return new Snapshot(merchant, id, kind, order, items, amount, reason, state, decision, appliedAt, List.copyOf(history), version);
    }

    /** The merchant's first answer, given in the reply to S5/S7. */
    public void decide(RefundDecision answer, Instant now) {
        require("be decided", APPLIED);
        decision = Objects.requireNonNull(answer, "decision");
        if (answer instanceof RefundDecision.Reject r) {
            moveTo(REJECTED, "rejected: " + r.reason(), now);
        } else if (answer instanceof RefundDecision.Pending p) {
            moveTo(PENDING, "pending: " + p.reason(), now);
        } else {
            moveTo(approvedState(), "approved", now);
        }
    }

    /** A person decided a pending after-sale; Douyin learns it through O2. */
    public void review(RefundDecision answer, Instant now) {
        require("be reviewed", PENDING);
        if (answer instanceof RefundDecision.Pending) {
            throw new DomainException(Reason.INVALID_VALUE, "a review approves or rejects");
        }
        if (answer instanceof RefundDecision.Reject r) {
            moveTo(REJECTED, "rejected on review: " + r.reason(), now);
        } else {
            moveTo(approvedState(), "approved on review", now);
        }
        decision = answer;
    }

    /** Douyin approved it because nobody answered in time (72 h), or S8 超时退货通知 for a return (D9). */
    public void approveByTimeout(Instant now) {
        require("be approved by timeout", APPLIED, PENDING);
        moveTo(kind == AfterSaleKind.REFUND ? AUTO_APPROVED : AWAITING_GOODS, "approved by Douyin after timeout", now);
    }

    /** Returned goods arrived back at the store (D9). */
    public void receiveGoods(Instant now) {
        requireKind(AfterSaleKind.RETURN, "receive goods");
        require("receive goods", AWAITING_GOODS);
        moveTo(GOODS_RECEIVED, GOODS_BACK, now);
    }

    /**
     * Douyin may refund a return before its goods are back (S6 moves it to {@code REFUNDED}, which is final); the goods
     * still arrive at the store later, once. Recorded in the history; the after-sale stays refunded.
     */
    public void receiveGoodsAfterRefund(Instant now) {
        requireKind(AfterSaleKind.RETURN, "receive goods");
        require("receive goods after the refund", REFUNDED);
        if (goodsBack()) {
            throw new DomainException(Reason.ILLEGAL_TRANSITION, "the goods of after-sale " + id + " were already received");
        }
        history.add(new Transition(REFUNDED.name(), REFUNDED.name(), GOODS_BACK + " after the refund", now));
    }

    private static final String GOODS_BACK = "goods received back at the store";

    /** Whether the returned goods already came back (before or after the refund). */
    private boolean goodsBack() {
        return history.stream().anyMatch(t -> GOODS_RECEIVED.name().equals(t.to()) || t.cause().startsWith(GOODS_BACK));
    }

    /** S6: the money went back to the buyer. */
    public void settle(Instant now) {
        if (kind == AfterSaleKind.REFUND) {
            if (state.isOpen()) {
                approveByTimeout(now);
            }
            require("be settled", APPROVED, AUTO_APPROVED);
            moveTo(SUCCEEDED, "refund notice: money returned", now);
        } else {
            if (state.isOpen()) {
                approveByTimeout(now);
            }
            require("be settled", AWAITING_GOODS, GOODS_RECEIVED);
            moveTo(REFUNDED, "refund notice: money returned", now);
        }
    }

    /** Whether the units are (or will be) refunded rather than kept by the buyer. */
    public boolean isApproved() {
        return switch (state) {
            case APPROVED, AUTO_APPROVED, SUCCEEDED, AWAITING_GOODS, GOODS_RECEIVED, REFUNDED -> true;
            default -> false;
        };
    }

    private AfterSaleState approvedState() {
        return kind == AfterSaleKind.REFUND ? APPROVED : AWAITING_GOODS;
    }

    private void requireKind(AfterSaleKind expected, String command) {
        if (kind != expected) {
            throw new DomainException(Reason.ILLEGAL_TRANSITION, "a " + kind + " after-sale cannot " + command);
        }
    }

    private void require(String command, AfterSaleState... allowed) {
        for (AfterSaleState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw DomainException.illegalTransition("after-sale " + id, state, command);
    }

    private void moveTo(AfterSaleState next, String cause, Instant now) {
        history.add(new Transition(state.name(), next.name(), cause, now));
        state = next;
    }

    public MerchantId merchant() { return merchant; }
    public AfterSaleId id() { return id; }
    public AfterSaleKind kind() { return kind; }
    public DouyinOrderId order() { return order; }
    public List<RefundItem> items() { return items; }
    public List<Integer> vouchers() { return items.stream().map(RefundItem::voucher).toList(); }
    public Money amount() { return amount; }
    public String reason() { return reason; }
    public AfterSaleState state() { return state; }
    public Optional<RefundDecision> decision() { return Optional.ofNullable(decision); }
    public Instant appliedAt() { return appliedAt; }
    public List<Transition> history() { return List.copyOf(history); }
    public long version() { return version; }
}
