package dev.tihuo.domain.order;

/** flows.md §4.1. After codes are issued, the state summarises the vouchers' states. */
public enum OrderState {
    CREATED,
    PAID,
    CANCELLED,
    ISSUING,
    ISSUED,
    ISSUE_FAILED,
    PARTIALLY_REDEEMED,
    REDEEMED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    public boolean isFinal() {
        return this == CANCELLED || this == REFUNDED;
    }

    /** Whether codes were handed to the buyer, so the vouchers' states decide the order's. */
    boolean summarisesVouchers() {
        return switch (this) {
            case ISSUED, PARTIALLY_REDEEMED, REDEEMED, PARTIALLY_REFUNDED -> true;
            default -> false;
        };
    }
}
