package dev.tihuo.adapters.douyin.openapi.dto;

import java.util.List;

/** Third-party-code callbacks: O1 issue-code callback (§6.1, D3/D4) and O2 refund audit (§6.4, D8 shape B). */
public final class ThirdPartyCode {
    private ThirdPartyCode() {}

    public static final int ISSUED = 1;
    public static final int FAILED = 2;

    /** O1 {@code POST /goodlife/v1/compre_retail/fulfilment/create/callback/}; idempotent on {@code order_id}. */
    public record IssueCodeCallbackRequest(String orderId, int result, List<String> codes, String thirdOrderId, String failReason) {
        public IssueCodeCallbackRequest {
            if (orderId == null || orderId.isBlank()) throw new IllegalArgumentException("order_id is required");
            if (result != ISSUED && result != FAILED) throw new IllegalArgumentException("result is 1 issued or 2 failed");
            if (result == ISSUED && (codes == null || codes.isEmpty())) throw new IllegalArgumentException("issued without codes");
        }
        public static IssueCodeCallbackRequest issued(String orderId, String thirdOrderId, List<String> codes) {
            return new IssueCodeCallbackRequest(orderId, ISSUED, List.copyOf(codes), thirdOrderId, null);
        }
        public static IssueCodeCallbackRequest failed(String orderId, String thirdOrderId, String reason) {
            return new IssueCodeCallbackRequest(orderId, FAILED, null, thirdOrderId, reason);
        }
    }

    /** Douyin's certificate id for each issued code; persist it (D4). */
    public record IssueCodeCallbackData(List<CertificateCode> certificateInfoList) {}

    public record CertificateCode(String certificateId, String code) {}

    public static final int APPROVE = 1;
    public static final int REJECT = 2;

    /**
     * O2 {@code POST /goodlife/v1/compre_retail/order/refund/audit/}, shape B (D8); {@code after_sale_id} = {@code biz_uniq_key}.
     * {@code codes} / {@code certificates}: only when rejecting a refund of a voucher whose code was issued late (补码,
     * D7). Shape B has no field for them; they follow S4's and shape A's names [INFER] and are left out otherwise.
     */
    public record RefundAuditRequest(String orderId, String afterSaleId, String outAfterSaleId, int auditResult,
                                     Long reasonCode, String reasonMsg, List<String> codes, List<CertificateCode> certificates) {
        public RefundAuditRequest {
            if (afterSaleId == null || afterSaleId.isBlank()) throw new IllegalArgumentException("after_sale_id is required");
            if (auditResult != APPROVE && auditResult != REJECT) throw new IllegalArgumentException("audit_result is 1 approve or 2 reject");
        }
    }
}
