package dev.tihuo.domain.order;

/**
 * Why codes were not issued. It matters later: only a lapsed window lets the merchant supply the code late
 * (补码) by rejecting the refund Douyin then asks for; after an explicit failure Douyin refunds without asking.
 */
public enum IssueFailure {
    /** tihuo answered "failed" to the issue request or in the callback. */
    REFUSED,
    /** "Issuing" was answered and no callback reached Douyin within 10 minutes. */
    LAPSED
}
