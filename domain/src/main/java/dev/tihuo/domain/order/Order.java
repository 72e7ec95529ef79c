package dev.tihuo.domain.order;

import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.OrderEvent.CodesIssued;
import dev.tihuo.domain.order.OrderEvent.IssueFailed;
import dev.tihuo.domain.order.OrderEvent.IssuedVoucher;
import dev.tihuo.domain.order.OrderEvent.IssuingStarted;
import dev.tihuo.domain.order.OrderEvent.OrderCancelled;
import dev.tihuo.domain.order.OrderEvent.OrderPaid;
import dev.tihuo.domain.order.OrderEvent.OrderPlaced;
import dev.tihuo.domain.order.OrderEvent.PickupStoreChanged;
import dev.tihuo.domain.order.OrderEvent.RedemptionCancelled;
import dev.tihuo.domain.order.OrderEvent.StoreChangeFlagged;
import dev.tihuo.domain.order.OrderEvent.VoucherRedeemed;
import dev.tihuo.domain.order.OrderEvent.VouchersRefunded;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Transition;
import dev.tihuo.domain.stock.StockMovement;
import dev.tihuo.domain.stock.StockMovement.Kind;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.StoreId;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/**
 * A pickup-voucher order as the merchant sees it (flows.md §4.1), with one {@link Voucher} per purchased unit (D4).
 *
 * <p>Every command checks the current state and throws a {@link DomainException} naming it when the transition is
 * not allowed; it answers the event that says what happened and which stock moves. Time is always passed in.
 */
@AggregateRoot
public final class Order {
    private static final Set<OrderState> REDEEMABLE = EnumSet.of(
            OrderState.ISSUED, OrderState.PARTIALLY_REDEEMED, OrderState.REDEEMED, OrderState.PARTIALLY_REFUNDED);

    private final MerchantId merchant;
    @Identity
    private final DouyinOrderId id;
    private final OrderOutId outId;
    private StoreId store;
    private PoiId poi;
    private final List<OrderLine> lines;
    private final OrderAmount amount;
    private final List<Voucher> vouchers;
    private OrderState state;
    private final Instant createdAt;
    private Instant issueRequestedAt;
    private IssueFailure issueFailure;
    private String attention;
    private final List<Transition> history;
    private final long version;

    private Order(MerchantId merchant, DouyinOrderId id, OrderOutId outId, StoreId store, PoiId poi,
                  List<OrderLine> lines, OrderAmount amount, List<Voucher> vouchers, OrderState state,
                  Instant createdAt, List<Transition> history, long version) {
        this.merchant = Objects.requireNonNull(merchant, "merchant");
        this.id = Objects.requireNonNull(id, "order id");
        this.outId = Objects.requireNonNull(outId, "order out id");
        this.store = Objects.requireNonNull(store, "store");
        this.poi = Objects.requireNonNull(poi, "poi");
        if (lines == null || lines.isEmpty()) {
            throw new DomainException(Reason.INVALID_VALUE, "an order has at least one SKU line");
        }
        this.lines = List.copyOf(lines);
        this.amount = Objects.requireNonNull(amount, "amount");
        this.vouchers = new ArrayList<>(vouchers);
        this.state = Objects.requireNonNull(state, "state");
        this.createdAt = Objects.requireNonNull(createdAt, "created at");
        this.history = new ArrayList<>(history);
        this.version = version;
    }

    /** S1 accepted: the order exists, unpaid in create-before-pay mode, and its units are reserved at the store. */
    public static Placement place(MerchantId merchant, DouyinOrderId id, OrderOutId outId, StoreId store, PoiId poi,
                                  List<OrderLine> lines, OrderAmount amount, Instant now) {
        Order order = new Order(merchant, id, outId, store, poi, lines, amount, List.of(), OrderState.CREATED, now, List.of(), 0);
        order.vouchers.addAll(unitsOf(order.lines, amount.pay()));
        order.history.add(new Transition(null, OrderState.CREATED.name(), "create order", now));
        OrderPlaced placed = new OrderPlaced(merchant, id, store, order.movements(Kind.RESERVE, store, v -> true), now);
        return new Placement(order, placed);
    }

    /** The new order together with the event that reserves its stock. */
    public record Placement(Order order, OrderPlaced event) {}

    /** Everything a stored order holds; used by persistence adapters only. */
    public record Snapshot(MerchantId merchant, DouyinOrderId id, OrderOutId outId, StoreId store, PoiId poi,
                           List<OrderLine> lines, OrderAmount amount, List<Voucher.Snapshot> vouchers, OrderState state,
                           Instant createdAt, Instant issueRequestedAt, IssueFailure issueFailure, String attention,
                           List<Transition> history, long version) {}

    public static Order reconstitute(Snapshot s) {
        Order order = new Order(s.merchant(), s.id(), s.outId(), s.store(), s.poi(), s.lines(), s.amount(),
                s.vouchers().stream().map(Voucher::reconstitute).toList(), s.state(), s.createdAt(), s.history(), s.version());
        order.issueRequestedAt = s.issueRequestedAt();
        order.issueFailure = s.issueFailure();
        order.attention = s.attention();
        return order;
    }

    public Snapshot snapshot() {
        return new Snapshot(merchant, id, outId, store, poi, lines, amount,
                vouchers.stream().map(Voucher::snapshot).toList(), state, createdAt, issueRequestedAt, issueFailure,
                attention, List.copyOf(history), version);
    }

    // ---- payment and cancellation -------------------------------------------------------------------------------

    /** S2 in create-before-pay mode (D2). */
    public OrderPaid pay(Instant now) {
        requireState("be paid", OrderState.CREATED);
        moveTo(OrderState.PAID, "payment notice", now);
        return new OrderPaid(merchant, id, now);
    }

    /** S3: Douyin cancelled the order before codes were issued; the reservation is released. */
    public OrderCancelled cancel(String cause, Instant now) {
        requireState("be cancelled", OrderState.CREATED, OrderState.PAID);
        List<StockMovement> released = movements(Kind.RELEASE, store, v -> v.state().holdsReservation());
        vouchers.forEach(Voucher::cancel);
        moveTo(OrderState.CANCELLED, cause, now);
        return new OrderCancelled(merchant, id, released, now);
    }

    // ---- issuing codes (S4, O1, D2-D4) -----------------------------------------------------------------------------

    /** Douyin named the certificates (S4) or told us through a later message; matched in voucher order per SKU. */
    public void identifyCertificates(List<CertificateRef> refs) {
        for (CertificateRef ref : refs) {
            if (voucherByCertificate(ref.certificate()).isPresent()) {
                continue;
            }
            Voucher unnamed = vouchers.stream()
                    .filter(v -> v.certificateId().isEmpty())
                    .filter(v -> ref.sku() == null || v.sku().equals(ref.sku()))
                    .findFirst()
                    .orElseThrow(() -> new DomainException(Reason.UNKNOWN_VOUCHER,
                            "order " + id + " has no unit left for certificate " + ref.certificate()));
            unnamed.identify(ref.certificate(), ref.item());
        }
    }

    /** S4 answered "issuing" (发码中): the codes follow through O1 before the deadline (D3). */
    public IssuingStarted startIssuing(Instant now) {
        payImplicitly(now);
        requireState("start issuing", OrderState.PAID);
        issueRequestedAt = now;
        vouchers.forEach(Voucher::startIssuing);
        moveTo(OrderState.ISSUING, "issue request answered 'issuing'", now);
        return new IssuingStarted(merchant, id, issueDeadline().orElseThrow(), now);
    }

    /** Codes for every unit: in the S4 reply (from PAID or CREATED, D2) or, from ISSUING, for the O1 callback. */
    public CodesIssued issue(List<PickupCode> codes, Instant validUntil, Instant now) {
        requireOneCodePerUnit(codes); // before the implied payment: a refused command changes nothing
        payImplicitly(now);
        requireState("issue codes", OrderState.PAID, OrderState.ISSUING);
        boolean byCallback = state == OrderState.ISSUING;
        if (byCallback && !now.isBefore(issueDeadline().orElseThrow())) {
            throw new DomainException(Reason.ISSUE_WINDOW_CLOSED,
                    "order " + id + " was to be issued by " + issueDeadline().orElseThrow() + "; Douyin has given up on it");
        }
        if (issueRequestedAt == null) {
            issueRequestedAt = now;
        }
        List<IssuedVoucher> issued = hand(codes, validUntil, Voucher::issue);
        moveTo(OrderState.ISSUED, byCallback ? "codes issued for the callback" : "codes issued", now);
        return new CodesIssued(merchant, id, issued, byCallback, false, List.of(), now);
    }

    /** tihuo cannot issue (S4 "failed" or O1 failure); Douyin refunds without asking (spi.md §5.4). */
    public IssueFailed failIssue(Instant now) {
        payImplicitly(now);
        requireState("fail to issue", OrderState.PAID, OrderState.ISSUING);
        return fail(IssueFailure.REFUSED, "codes could not be issued", now);
    }

    /** The 10 minutes after "issuing" passed without a callback: Douyin counts the issue as failed. */
    public Optional<IssueFailed> lapseIssueWindow(Instant now) {
        if (state != OrderState.ISSUING || now.isBefore(issueDeadline().orElseThrow())) {
            return Optional.empty();
        }
        return Optional.of(fail(IssueFailure.LAPSED, "no callback within " + IssueWindow.LENGTH.toMinutes() + " minutes", now));
    }

    /** 补码 (D7): after a lapsed window the merchant rejects Douyin's refund and supplies the codes; stock is reserved again. */
    public CodesIssued supplyLateCodes(List<PickupCode> codes, Instant validUntil, Instant now) {
        requireState("receive late codes", OrderState.ISSUE_FAILED);
        if (issueFailure != IssueFailure.LAPSED) {
            throw new DomainException(Reason.LATE_CODE_NOT_ALLOWED,
                    "order " + id + " failed to issue on purpose; Douyin refunds it without a late code");
        }
        if (vouchers.stream().anyMatch(v -> v.state() != VoucherState.ISSUE_FAILED)) {
            throw new DomainException(Reason.LATE_CODE_NOT_ALLOWED, "order " + id + " is already being refunded in part");
        }
        List<IssuedVoucher> issued = hand(codes, validUntil, Voucher::supplyLateCode);
        issueFailure = null;
        moveTo(OrderState.ISSUED, "late codes supplied (补码)", now);
        List<StockMovement> reserved = movements(Kind.RESERVE, store, v -> true);
        return new CodesIssued(merchant, id, issued, false, true, reserved, now);
    }

    public Optional<Instant> issueDeadline() {
        return Optional.ofNullable(issueRequestedAt).map(t -> t.plus(IssueWindow.LENGTH));
    }

    // ---- redemption at the counter (D15) ---------------------------------------------------------------------------

    /** A clerk of {@code atStore} redeems one code; the goods leave that store's reservation. */
    public VoucherRedeemed redeem(PickupCode code, StoreId atStore, String verifyToken, Instant now) {
        Voucher voucher = voucherByCode(code);
        if (!atStore.equals(store)) {
            throw new DomainException(Reason.WRONG_STORE,
                    "this voucher is to be picked up at store " + store + ", not at " + atStore);
        }
        if (!REDEEMABLE.contains(state) && voucher.state() == VoucherState.VALID) {
            throw DomainException.illegalTransition("order " + id, state, "have a voucher redeemed");
        }
        voucher.redeem(atStore, now, verifyToken);
        summarise("voucher " + voucher.number() + " picked up", now);
        return new VoucherRedeemed(merchant, id, voucher.number(), code, atStore, poi, verifyToken,
                List.of(new StockMovement(Kind.CONSUME, atStore, voucher.sku(), 1)), now);
    }

    /** 撤销核销 within one hour; the goods are back on the shelf and reserved for the voucher again. */
    public RedemptionCancelled cancelRedemption(PickupCode code, Instant now) {
        Voucher voucher = voucherByCode(code);
        StoreId pickedUpAt = voucher.redeemedAtStore().orElse(store);
        String token = voucher.verifyToken().orElse(null);
        String verifyId = voucher.verifyId().orElse(null);
        voucher.cancelRedemption(now);
        summarise("redemption of voucher " + voucher.number() + " cancelled", now);
        List<StockMovement> moves = new ArrayList<>(List.of(new StockMovement(Kind.RESTORE, pickedUpAt, voucher.sku(), 1)));
        if (!pickedUpAt.equals(store)) {
            // the buyer moved the pickup since (D13): the goods are back where they left, the unit is reserved where it will be picked up
            moves.add(new StockMovement(Kind.RELEASE, pickedUpAt, voucher.sku(), 1));
            moves.add(new StockMovement(Kind.RESERVE, store, voucher.sku(), 1));
        }
        return new RedemptionCancelled(merchant, id, voucher.number(), code, token, verifyId, List.copyOf(moves), now);
    }

    /** Douyin's verify reply (O3) named the verification record, needed for a later cancel (O4). */
    public void recordVerification(int voucherNumber, String verifyToken, String verifyId) {
        voucher(voucherNumber).recordVerification(verifyToken, verifyId);
    }

    // ---- refunds and returns ----------------------------------------------------------------------------------------

    /** The refund was approved or is pending (S5): the units wait for Douyin's refund notice. */
    public void putUpForRefund(Collection<Integer> numbers) {
        allOrNothing(numbers, Voucher::requestRefund);
    }

    /** The refund was rejected (at once or through O2): the units stay valid. */
    public void keepAfterRefundRejected(Collection<Integer> numbers, Instant now) {
        allOrNothing(numbers, v -> v.keepAfterRefundRejected(now));
    }

    /** S6: Douyin has paid the money back for these units; their reservation is released. */
    public VouchersRefunded refund(Map<Integer, Money> amounts, Instant now) {
        if (state == OrderState.CANCELLED || state == OrderState.REFUNDED) {
            throw DomainException.illegalTransition("order " + id, state, "be refunded");
        }
        Money total = amounts.values().stream().reduce(Money.ZERO, Money::plus);
        Money already = refundedAmount();
        if (already.plus(total).isGreaterThan(amount.pay())) {
            throw new DomainException(Reason.REFUND_EXCEEDS_PAID,
                    "order " + id + " was paid " + amount.pay() + "; " + already + " refunded already, " + total + " more asked");
        }
        amounts.forEach((number, money) -> Voucher.reconstitute(voucher(number).snapshot()).refund(money));
        List<StockMovement> released = new ArrayList<>();
        amounts.forEach((number, money) -> {
            Voucher v = voucher(number);
            if (v.state().holdsReservation()) {
                released.add(new StockMovement(Kind.RELEASE, store, v.sku(), 1));
            }
            v.refund(money);
        });
        summarise("refund of " + total, now);
        return new VouchersRefunded(merchant, id, List.copyOf(amounts.keySet()), total, merge(released), now);
    }

    /** S7 申请退货 for picked-up units (D9). */
    public void requestReturn(Collection<Integer> numbers) {
        allOrNothing(numbers, Voucher::requestReturn);
    }

    public void keepAfterReturnRejected(Collection<Integer> numbers) {
        allOrNothing(numbers, Voucher::keepAfterReturnRejected);
    }

    /** Vouchers past their validity become expired; Douyin then asks for the expiry refund. */
    public List<Integer> expireVouchers(Instant now) {
        List<Integer> expired = new ArrayList<>();
        for (Voucher v : vouchers) {
            if (v.state() == VoucherState.VALID && v.validUntil().map(u -> !now.isBefore(u)).orElse(false)) {
                v.expire(now);
                expired.add(v.number());
            }
        }
        return expired;
    }

    // ---- store change (W1, D13) --------------------------------------------------------------------------------------

    /** Units per SKU still reserved for this order at its store. */
    public Map<SkuOutId, Integer> reservedUnits() {
        Map<SkuOutId, Integer> units = new LinkedHashMap<>();
        vouchers.stream().filter(v -> v.state().holdsReservation() && !state.isFinal() && state != OrderState.ISSUE_FAILED)
                .forEach(v -> units.merge(v.sku(), 1, Integer::sum));
        return units;
    }

    /** The new store has stock: the reservation moves with the buyer. */
    public PickupStoreChanged moveTo(StoreId newStore, PoiId newPoi, Instant now) {
        if (state.isFinal()) {
            throw DomainException.illegalTransition("order " + id, state, "change its pickup store");
        }
        StoreId old = store;
        List<StockMovement> moves = new ArrayList<>(movements(Kind.RELEASE, old, this::holds));
        moves.addAll(movements(Kind.RESERVE, newStore, this::holds));
        store = newStore;
        poi = newPoi;
        attention = null;
        history.add(new Transition(state.name(), state.name(), "pickup store changed from " + old + " to " + newStore, now));
        return new PickupStoreChanged(merchant, id, old, newStore, old.equals(newStore) ? List.of() : moves, now);
    }

    /** The new store lacks stock: keep the old store and flag the order for the merchant (D13). */
    public StoreChangeFlagged flagStoreChange(PoiId requested, String reason, Instant now) {
        attention = "buyer asked to pick up at POI " + requested + ": " + reason;
        history.add(new Transition(state.name(), state.name(), attention, now));
        return new StoreChangeFlagged(merchant, id, requested, reason, now);
    }

    // ---- queries ---------------------------------------------------------------------------------------------------

    public Voucher voucher(int number) {
        return vouchers.stream().filter(v -> v.number() == number).findFirst()
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_VOUCHER, "order " + id + " has no voucher " + number));
    }

    public Voucher voucherByCode(PickupCode code) {
        return vouchers.stream().filter(v -> v.code().map(code::equals).orElse(false)).findFirst()
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_VOUCHER, "order " + id + " has no voucher with this code"));
    }

    public Optional<Voucher> voucherByCertificate(CertificateId certificate) {
        return vouchers.stream().filter(v -> v.certificateId().map(certificate::equals).orElse(false)).findFirst();
    }

    public Optional<Voucher> voucherByItem(OrderItemId item) {
        return vouchers.stream().filter(v -> v.orderItemId().map(item::equals).orElse(false)).findFirst();
    }

    /** Whether the codes went to Douyin through the issue-code callback (O1) rather than in the S4 reply. */
    public boolean issuedByCallback() {
        return history.stream().anyMatch(t -> OrderState.ISSUING.name().equals(t.to()));
    }

    public Money refundedAmount() {
        return vouchers.stream().map(Voucher::refunded).reduce(Money.ZERO, Money::plus);
    }

    public MerchantId merchant() { return merchant; }
    public DouyinOrderId id() { return id; }
    public OrderOutId outId() { return outId; }
    public StoreId store() { return store; }
    public PoiId poi() { return poi; }
    public List<OrderLine> lines() { return lines; }
    public OrderAmount amount() { return amount; }
    public List<Voucher> vouchers() { return List.copyOf(vouchers); }
    public OrderState state() { return state; }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> issueRequestedAt() { return Optional.ofNullable(issueRequestedAt); }
    public Optional<IssueFailure> issueFailure() { return Optional.ofNullable(issueFailure); }
    public Optional<String> attention() { return Optional.ofNullable(attention); }
    public List<Transition> history() { return List.copyOf(history); }
    public long version() { return version; }

    // ---- internals -------------------------------------------------------------------------------------------------

    private boolean holds(Voucher v) {
        return v.state().holdsReservation() && state != OrderState.ISSUE_FAILED;
    }

    /** D2: an issue request for an order that never got the payment notice counts as payment. */
    private void payImplicitly(Instant now) {
        if (state == OrderState.CREATED) {
            moveTo(OrderState.PAID, "issue request implies payment (D2)", now);
        }
    }

    /** Tries the change on copies of the units first, so a command refused for one unit changes none of them. */
    private void allOrNothing(Collection<Integer> numbers, Consumer<Voucher> change) {
        Map<Integer, Voucher> trial = new LinkedHashMap<>();
        for (Integer number : numbers) {
            change.accept(trial.computeIfAbsent(number, n -> Voucher.reconstitute(voucher(n).snapshot())));
        }
        numbers.stream().map(this::voucher).forEach(change);
    }

    private IssueFailed fail(IssueFailure failure, String cause, Instant now) {
        boolean byCallback = state == OrderState.ISSUING;
        List<StockMovement> released = movements(Kind.RELEASE, store, v -> v.state().holdsReservation());
        vouchers.forEach(Voucher::failIssue);
        issueFailure = failure;
        moveTo(OrderState.ISSUE_FAILED, cause, now);
        return new IssueFailed(merchant, id, failure, byCallback, released, now);
    }

    private void requireOneCodePerUnit(List<PickupCode> codes) {
        if (codes.size() != vouchers.size() || codes.stream().distinct().count() != codes.size()) {
            throw new DomainException(Reason.INVALID_VALUE,
                    "order " + id + " needs " + vouchers.size() + " distinct codes, got " + codes.size());
        }
    }

    private List<IssuedVoucher> hand(List<PickupCode> codes, Instant validUntil, CodeHandOut handOut) {
        requireOneCodePerUnit(codes);
        List<IssuedVoucher> issued = new ArrayList<>();
        for (int i = 0; i < vouchers.size(); i++) {
            Voucher v = vouchers.get(i);
            handOut.apply(v, codes.get(i), validUntil);
            issued.add(new IssuedVoucher(v.number(), codes.get(i), v.certificateId().map(CertificateId::value).orElse(null)));
        }
        return issued;
    }

    /** After codes were issued the order's state is the summary of its vouchers' states. */
    private void summarise(String cause, Instant now) {
        if (!state.summarisesVouchers() && state != OrderState.ISSUE_FAILED && state != OrderState.PAID
                && state != OrderState.CREATED && state != OrderState.ISSUING) {
            return;
        }
        long refunded = count(VoucherState.REFUNDED);
        long pickedUp = count(VoucherState.REDEEMED) + count(VoucherState.RETURN_REQUESTED);
        OrderState next;
        if (refunded == vouchers.size()) {
            next = OrderState.REFUNDED;
        } else if (refunded > 0) {
            next = OrderState.PARTIALLY_REFUNDED;
        } else if (!state.summarisesVouchers()) {
            return; // nothing refunded before issue: the order keeps its pre-issue state
        } else if (pickedUp == vouchers.size()) {
            next = OrderState.REDEEMED;
        } else if (pickedUp > 0) {
            next = OrderState.PARTIALLY_REDEEMED;
        } else {
            next = OrderState.ISSUED;
        }
        if (next != state) {
            moveTo(next, cause, now);
        }
    }

    private long count(VoucherState s) {
        return vouchers.stream().filter(v -> v.state() == s).count();
    }

    private void moveTo(OrderState next, String cause, Instant now) {
        history.add(new Transition(state == null ? null : state.name(), next.name(), cause, now));
        state = next;
    }

    private void requireState(String command, OrderState... allowed) {
        for (OrderState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw DomainException.illegalTransition("order " + id, state, command);
    }

    private List<StockMovement> movements(Kind kind, StoreId at, Predicate<Voucher> which) {
        List<StockMovement> moves = new ArrayList<>();
        vouchers.stream().filter(which).forEach(v -> moves.add(new StockMovement(kind, at, v.sku(), 1)));
        return merge(moves);
    }

    /** One movement per (kind, store, SKU) with the units added up. */
    private static List<StockMovement> merge(List<StockMovement> moves) {
        Map<List<Object>, StockMovement> merged = new LinkedHashMap<>();
        for (StockMovement m : moves) {
            merged.merge(List.of(m.kind(), m.store(), m.sku()), m,
                    (a, b) -> new StockMovement(a.kind(), a.store(), a.sku(), a.quantity() + b.quantity()));
        }
        return List.copyOf(merged.values());
    }

    /** One voucher per unit; the paid amount is split over the units in proportion to their unit prices. */
    private static List<Voucher> unitsOf(List<OrderLine> lines, Money pay) {
        List<SkuOutId> skus = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (OrderLine line : lines) {
            for (int i = 0; i < line.count(); i++) {
                skus.add(line.sku());
                weights.add(line.unitAmount().fen());
            }
        }
        long totalWeight = weights.stream().mapToLong(Long::longValue).sum();
        List<Money> shares = new ArrayList<>();
        if (totalWeight == 0) {
            shares.addAll(pay.split(skus.size()));
        } else {
            long given = 0;
            for (long w : weights) {
                long share = BigInteger.valueOf(pay.fen()).multiply(BigInteger.valueOf(w))
                        .divide(BigInteger.valueOf(totalWeight)).longValueExact();
                shares.add(Money.fen(share));
                given += share;
            }
            for (int i = 0; given < pay.fen(); i = (i + 1) % shares.size(), given++) {
                shares.set(i, shares.get(i).plus(Money.fen(1)));
            }
        }
        List<Voucher> units = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            units.add(Voucher.pending(i + 1, skus.get(i), shares.get(i)));
        }
        return units;
    }

    @FunctionalInterface
    private interface CodeHandOut {
        void apply(Voucher voucher, PickupCode code, Instant validUntil);
    }
}
