package dev.tihuo.adapters.douyin.openapi.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Voucher redemption on the {@code compre_retail} paths: O6 prepare, O3 verify, O4 cancel, O5 batch query
 * (openapi.md §5, §6.2). Shapes follow the general certificate family (the compre_retail pages were not readable).
 */
public final class Certificates {
    private Certificates() {}

    // ---- O6 GET /goodlife/v1/compre_retail/fulfilment/certificate/prepare/
    /** Exactly one of {@code encrypted_data} (the QR's {@code object_id}) or {@code code} (typed 12 digits). */
    public record PrepareQuery(String encryptedData, String code, String poiId) {
        public PrepareQuery {
            if ((encryptedData == null) == (code == null)) throw new IllegalArgumentException("exactly one of encrypted_data or code");
        }
    }

    public record PrepareData(String verifyToken, String orderId, List<Certificate> certificates, List<Certificate> certificatesV2) {}

    public record Certificate(String certificateId, String encryptedCode, String code, Long startTime, Long expireTime,
                              Integer status, Integer usedStatusType, Amount amount, CertificateSku sku, JsonNode timeCard,
                              VerifyRecord verify, List<VerifyRecord> verifyRecords, BookInfo bookInfo,
                              JsonNode additionalMap) {}

    /** All amounts in fen. */
    public record Amount(Long originalAmount, Long payAmount, Long listMarketAmount, Long couponPayAmount,
                         Long merchantTicketAmount, Long paymentDiscountAmount, Long platformDiscountAmount,
                         Long brandTicketAmount, Long originListMarketAmount, String originalCurrency) {}

    public record CertificateSku(String skuId, String title, Integer grouponType, Long marketPrice, Long soldStartTime,
                                 String thirdSkuId, String accountId) {}

    public record VerifyRecord(String verifyId, String certificateId, Long verifyTime, Boolean canCancel, Integer verifyType,
                               String verifierUniqueId, String poiId, String timesCardSerialNum) {}

    /** Pickup extras on the batch-query page: presumably the chosen store and quantity [INFER]. */
    public record BookInfo(String bookPoiId, Long bookProductNumber) {}

    // ---- O3 POST /goodlife/v1/compre_retail/fulfilment/certificate/verify/
    /**
     * One redemption. {@code verify_token}: the prepare token (Douyin codes) or our UUID (third-party codes, D15); the
     * same token and body are re-sent when a verify is retried, never a new one.
     */
    public record VerifyRequest(String verifyToken, String poiId, List<String> encryptedCodes, List<String> codes,
                                List<CodeWithTime> codeWithTimeList, String orderId, List<String> verifySignList,
                                JsonNode verifyExtra) {
        public VerifyRequest {
            if (verifyToken == null || verifyToken.isBlank()) throw new IllegalArgumentException("verify_token is required");
            if (poiId == null) throw new IllegalArgumentException("poi_id is required");
            if (empty(encryptedCodes) && empty(codes) && empty(codeWithTimeList))
                throw new IllegalArgumentException("encrypted_codes, codes or code_with_time_list is required");
        }
        public static VerifyRequest thirdPartyCodes(String verifyToken, String poiId, String orderId, List<CodeWithTime> codes) {
            return new VerifyRequest(verifyToken, poiId, null, null, codes, orderId, null, null);
        }
        public static VerifyRequest douyinCodes(String verifyToken, String poiId, String orderId, List<String> encryptedCodes) {
            return new VerifyRequest(verifyToken, poiId, encryptedCodes, null, null, orderId, null, null);
        }
        public int codeCount() {
            return !empty(codeWithTimeList) ? codeWithTimeList.size() : !empty(codes) ? codes.size() : encryptedCodes.size();
        }
        private static boolean empty(List<?> l) { return l == null || l.isEmpty(); }
    }

    /** A third-party code with the real redemption time (seconds). */
    public record CodeWithTime(String code, long verifyTime) {}

    public record VerifyData(List<VerifyResult> verifyResults) {}

    /** Per certificate: {@code result} 0 success. Keep {@code verify_id} and {@code certificate_id} for cancel. */
    public record VerifyResult(Integer result, String msg, String code, String originCode, String verifyId,
                               String certificateId, String accountId, String orderId, String productId) {}

    // ---- O4 POST /goodlife/v1/compre_retail/fulfilment/certificate/cancel/
    public record CancelRequest(String verifyId, String certificateId, String cancelToken, Long timesCardCancelCount) {
        public CancelRequest {
            if (verifyId == null || certificateId == null) throw new IllegalArgumentException("verify_id and certificate_id are required");
        }
    }

    public record CancelData(String transactionId, List<CancelResult> cancelResults) {}

    public record CancelResult(String orderId, String verifyId, Long resultCode, String resultMsg) {}

    // ---- O5 GET /goodlife/v1/compre_retail/fulfilment/certificate/query/
    public record Query(String encryptedCode, String orderId) {
        public Query {
            if ((encryptedCode == null) == (orderId == null)) throw new IllegalArgumentException("exactly one of encrypted_code or order_id");
        }
        public static Query byOrder(String orderId) { return new Query(null, orderId); }
        public static Query byEncryptedCode(String encryptedCode) { return new Query(encryptedCode, null); }
    }

    public record QueryData(List<Certificate> certificates) {}
}
