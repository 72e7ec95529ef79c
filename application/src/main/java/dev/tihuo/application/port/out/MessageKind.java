package dev.tihuo.application.port.out;

/** The kinds of outbox message; O1 has a deadline and goes first (openapi.md §6.1). */
public enum MessageKind {
    ISSUE_CALLBACK,
    REFUND_AUDIT,
    VERIFY,
    CANCEL_VERIFY,
    STOCK_PUSH,
    PRODUCT_SAVE
}
