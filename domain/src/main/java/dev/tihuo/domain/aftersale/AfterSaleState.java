package dev.tihuo.domain.aftersale;

/**
 * flows.md §4.3 (refund) and §4.4 (return) in one enum; {@link AfterSale} allows each kind only its own
 * transitions. A refund ends SUCCEEDED or REJECTED, a return ends REFUNDED or REJECTED.
 */
public enum AfterSaleState {
    APPLIED,
    PENDING,
    APPROVED,
    AUTO_APPROVED,
    REJECTED,
    SUCCEEDED,
    AWAITING_GOODS,
    GOODS_RECEIVED,
    REFUNDED;

    public boolean isFinal() {
        return this == REJECTED || this == SUCCEEDED || this == REFUNDED;
    }

    public boolean isOpen() {
        return this == APPLIED || this == PENDING;
    }
}
