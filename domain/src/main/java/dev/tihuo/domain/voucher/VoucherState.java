package dev.tihuo.domain.voucher;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of one voucher (certificate), flows.md §4.2, plus {@code CANCELLED} for units of an order Douyin
 * cancelled before any code was issued (S3), which flows.md leaves implicit.
 */
public enum VoucherState {
    PENDING_ISSUE,
    ISSUING,
    VALID,
    REDEEMED,
    REFUNDING,
    REFUNDED,
    ISSUE_FAILED,
    EXPIRED,
    RETURN_REQUESTED,
    CANCELLED;

    private static final Set<VoucherState> FINAL = EnumSet.of(REFUNDED, CANCELLED);
    private static final Set<VoucherState> HOLDING_RESERVATION = EnumSet.of(PENDING_ISSUE, ISSUING, VALID, REFUNDING, EXPIRED);

    public boolean isFinal() {
        return FINAL.contains(this);
    }

    /** Whether the unit still has goods reserved for it at the order's store (D12). */
    public boolean holdsReservation() {
        return HOLDING_RESERVATION.contains(this);
    }
}
