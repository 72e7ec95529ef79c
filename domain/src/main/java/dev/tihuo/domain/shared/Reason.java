package dev.tihuo.domain.shared;

/**
 * Why the model refused a command. The names are stable: adapters map them to their own error codes
 * (D16 for the SPI, the merchant API's codes), so renaming one is a breaking change.
 */
public enum Reason {
    INVALID_VALUE,
    ILLEGAL_TRANSITION,
    INSUFFICIENT_STOCK,
    STOCK_BELOW_RESERVED,
    UNKNOWN_SKU,
    UNKNOWN_STORE,
    UNKNOWN_ORDER,
    UNKNOWN_VOUCHER,
    UNKNOWN_AFTER_SALE,
    CODE_MALFORMED,
    CODE_CHECK_FAILED,
    WRONG_STORE,
    ALREADY_REDEEMED,
    NOT_REDEEMABLE,
    VOUCHER_EXPIRED,
    VOUCHER_REFUNDED,
    REDEMPTION_CANCEL_WINDOW_CLOSED,
    ISSUE_WINDOW_CLOSED,
    LATE_CODE_NOT_ALLOWED,
    REFUND_EXCEEDS_PAID,
    STALE_STATE,
    DUPLICATE
}
