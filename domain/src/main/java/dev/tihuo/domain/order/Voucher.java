package dev.tihuo.domain.order;

import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.store.StoreId;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.ddd.annotation.Entity;
import org.jmolecules.ddd.annotation.Identity;

/**
 * One purchased unit of an order and its voucher (D4: one code per certificate / unit). An entity inside the
 * {@link Order} aggregate: the order's state summarises its vouchers, and redeeming or
 * refunding one must see the others, so they change under one lock.
 */
@Entity
public final class Voucher {
    /** D15 and openapi.md §5.3: a redemption can be cancelled (撤销核销) within one hour only. */
    public static final Duration REDEMPTION_CANCEL_WINDOW = Duration.ofHours(1);

    @Identity
    private final int number;
    private final SkuOutId sku;
    private final Money paid;
    private CertificateId certificateId;
    private OrderItemId orderItemId;
    private PickupCode code;
    private VoucherState state;
    private Instant validUntil;
    private Instant redeemedAt;
    private StoreId redeemedAtStore;
    private String verifyToken;
    private String verifyId;
    private Money refunded;

    private Voucher(int number, SkuOutId sku, Money paid) {
        if (number < 1) {
            throw new DomainException(Reason.INVALID_VALUE, "voucher numbers start at 1");
        }
        this.number = number;
        this.sku = Objects.requireNonNull(sku, "sku");
        this.paid = Objects.requireNonNull(paid, "paid");
        this.state = VoucherState.PENDING_ISSUE;
        this.refunded = Money.ZERO;
    }

    public static Voucher pending(int number, SkuOutId sku, Money paid) {
        return new Voucher(number, sku, paid);
    }

    /** Everything a stored voucher holds; used by persistence adapters only. */
    public record Snapshot(int number, SkuOutId sku, Money paid, CertificateId certificateId, OrderItemId orderItemId,
                           PickupCode code, VoucherState state, Instant validUntil, Instant redeemedAt,
                           StoreId redeemedAtStore, String verifyToken, String verifyId, Money refunded) {}

    public static Voucher reconstitute(Snapshot s) {
        Voucher v = new Voucher(s.number(), s.sku(), s.paid());
        v.certificateId = s.certificateId();
        v.orderItemId = s.orderItemId();
        v.code = s.code();
        v.state = Objects.requireNonNull(s.state(), "state");
        v.validUntil = s.validUntil();
        v.redeemedAt = s.redeemedAt();
        v.redeemedAtStore = s.redeemedAtStore();
        v.verifyToken = s.verifyToken();
        v.verifyId = s.verifyId();
        v.refunded = s.refunded() == null ? Money.ZERO : s.refunded();
        return v;
    }

    public Snapshot snapshot() {
        return new Snapshot(number, sku, paid, certificateId, orderItemId, code, state, validUntil, redeemedAt,
                redeemedAtStore, verifyToken, verifyId, refunded);
    }

    /** Douyin named the certificate (S4, S5 or the O1 reply); it never changes once known. */
    public void identify(CertificateId certificate, OrderItemId item) {
        if (certificate != null) {
            if (certificateId != null && !certificateId.equals(certificate)) {
                throw new DomainException(Reason.INVALID_VALUE,
                        "voucher " + number + " is certificate " + certificateId + ", not " + certificate);
            }
            certificateId = certificate;
        }
        if (item != null && orderItemId == null) {
            orderItemId = item;
        }
    }

    void startIssuing() {
        require(VoucherState.PENDING_ISSUE, "start issuing");
        state = VoucherState.ISSUING;
    }

    void issue(PickupCode newCode, Instant validUntilInstant) {
        if (state != VoucherState.PENDING_ISSUE && state != VoucherState.ISSUING) {
            throw DomainException.illegalTransition("voucher " + number, state, "be issued");
        }
        code = Objects.requireNonNull(newCode, "code");
        validUntil = Objects.requireNonNull(validUntilInstant, "valid until");
        state = VoucherState.VALID;
    }

    void failIssue() {
        if (state != VoucherState.PENDING_ISSUE && state != VoucherState.ISSUING) {
            throw DomainException.illegalTransition("voucher " + number, state, "fail to issue");
        }
        state = VoucherState.ISSUE_FAILED;
    }

    /** 补码: the issue window lapsed, Douyin asked for a refund, the merchant rejects it with a code (D7). */
    void supplyLateCode(PickupCode newCode, Instant validUntilInstant) {
        require(VoucherState.ISSUE_FAILED, "receive a late code");
        code = Objects.requireNonNull(newCode, "code");
        validUntil = Objects.requireNonNull(validUntilInstant, "valid until");
        state = VoucherState.VALID;
    }

    void cancel() {
        require(VoucherState.PENDING_ISSUE, "be cancelled");
        state = VoucherState.CANCELLED;
    }

    void redeem(StoreId store, Instant at, String newVerifyToken) {
        switch (state) {
            case VALID -> { }
            case REDEEMED, RETURN_REQUESTED -> throw new DomainException(Reason.ALREADY_REDEEMED,
                    "voucher " + number + " was already picked up at " + redeemedAtStore + " on " + redeemedAt);
            case EXPIRED -> throw new DomainException(Reason.VOUCHER_EXPIRED, "voucher " + number + " expired on " + validUntil);
            case REFUNDED, REFUNDING -> throw new DomainException(Reason.VOUCHER_REFUNDED,
                    "voucher " + number + " is refunded or being refunded");
            default -> throw new DomainException(Reason.NOT_REDEEMABLE, "voucher " + number + " is " + state + ", not redeemable");
        }
        if (!at.isBefore(validUntil)) {
            throw new DomainException(Reason.VOUCHER_EXPIRED, "voucher " + number + " expired on " + validUntil);
        }
        state = VoucherState.REDEEMED;
        redeemedAt = at;
        redeemedAtStore = store;
        verifyToken = Objects.requireNonNull(newVerifyToken, "verify token");
        verifyId = null;
    }

    void cancelRedemption(Instant at) {
        require(VoucherState.REDEEMED, "have its redemption cancelled");
        if (at.isAfter(redeemedAt.plus(REDEMPTION_CANCEL_WINDOW))) {
            throw new DomainException(Reason.REDEMPTION_CANCEL_WINDOW_CLOSED,
                    "voucher " + number + " was picked up at " + redeemedAt + "; a redemption can be cancelled within one hour only");
        }
        state = VoucherState.VALID;
        redeemedAt = null;
        redeemedAtStore = null;
    }

    /** Douyin accepted the verification (O3) and answered its record id, needed to cancel it (O4). */
    public void recordVerification(String token, String newVerifyId) {
        if (verifyToken == null || !verifyToken.equals(token)) {
            return; // a reply for an earlier, cancelled redemption: the current one has its own token
        }
        verifyId = newVerifyId;
    }

    void requestRefund() {
        if (state != VoucherState.VALID && state != VoucherState.EXPIRED) {
            throw DomainException.illegalTransition("voucher " + number, state, "be put up for refund");
        }
        state = VoucherState.REFUNDING;
    }

    void keepAfterRefundRejected(Instant at) {
        require(VoucherState.REFUNDING, "have a refund rejected");
        state = validUntil != null && !at.isBefore(validUntil) ? VoucherState.EXPIRED : VoucherState.VALID;
    }

    void refund(Money amount) {
        switch (state) {
            case VALID, REFUNDING, EXPIRED, ISSUE_FAILED, RETURN_REQUESTED, PENDING_ISSUE, ISSUING -> { }
            default -> throw DomainException.illegalTransition("voucher " + number, state, "be refunded");
        }
        if (amount.isGreaterThan(paid)) {
            throw new DomainException(Reason.REFUND_EXCEEDS_PAID,
                    "voucher " + number + " was paid " + paid + ", refund of " + amount + " asked");
        }
        refunded = amount;
        state = VoucherState.REFUNDED;
    }

    void expire(Instant at) {
        require(VoucherState.VALID, "expire");
        if (at.isBefore(validUntil)) {
            throw new DomainException(Reason.ILLEGAL_TRANSITION, "voucher " + number + " is valid until " + validUntil);
        }
        state = VoucherState.EXPIRED;
    }

    void requestReturn() {
        require(VoucherState.REDEEMED, "be returned");
        state = VoucherState.RETURN_REQUESTED;
    }

    void keepAfterReturnRejected() {
        require(VoucherState.RETURN_REQUESTED, "have a return rejected");
        state = VoucherState.REDEEMED;
    }

    private void require(VoucherState expected, String command) {
        if (state != expected) {
            throw DomainException.illegalTransition("voucher " + number, state, command);
        }
    }

    public int number() { return number; }
    public SkuOutId sku() { return sku; }
    public Money paid() { return paid; }
    public Money refunded() { return refunded; }
    public VoucherState state() { return state; }
    public Optional<CertificateId> certificateId() { return Optional.ofNullable(certificateId); }
    public Optional<OrderItemId> orderItemId() { return Optional.ofNullable(orderItemId); }
    public Optional<PickupCode> code() { return Optional.ofNullable(code); }
    public Optional<Instant> validUntil() { return Optional.ofNullable(validUntil); }
    public Optional<Instant> redeemedAt() { return Optional.ofNullable(redeemedAt); }
    public Optional<StoreId> redeemedAtStore() { return Optional.ofNullable(redeemedAtStore); }
    public Optional<String> verifyToken() { return Optional.ofNullable(verifyToken); }
    public Optional<String> verifyId() { return Optional.ofNullable(verifyId); }
}
