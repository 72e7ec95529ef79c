package dev.tihuo.domain.catalog;

/**
 * How codes of a product reach the buyer (D3): in the reply to Douyin's issue request, or a moment later through
 * the issue-code callback (发券回调, O1), which must arrive within 10 minutes.
 */
public enum CodeIssuing {
    AT_ONCE,
    BY_CALLBACK
}
