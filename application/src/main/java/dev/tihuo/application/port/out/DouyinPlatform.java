package dev.tihuo.application.port.out;

import java.util.List;

/**
 * Outgoing port to Douyin's OpenAPI (openapi.md), in the terms of the use cases. Failures are exceptions:
 * {@link DouyinUnavailable} when a retry may succeed (timeouts, 5xx, 2100004, circuit open), {@link DouyinRefused}
 * when Douyin said no for good.
 */
public interface DouyinPlatform {

    /** Delivers one outbox message; answers what Douyin said that tihuo must remember. */
    Delivery deliver(DouyinCall call);

    /** O6 验券准备 for a Douyin code or QR payload at a store (openapi.md §5.1). */
    PreparedCode prepare(String codeOrQr, String poiId);

    /** O3 验券 of Douyin codes prepared with {@code verifyToken}; synchronous at the counter. */
    List<Verified> verifyDouyinCodes(String verifyToken, String poiId, String orderId, List<String> encryptedCodes);

    /** O4 撤销核销 of a Douyin-code verification. */
    void cancelDouyinVerification(String verifyId, String certificateId);

    /** O5 券状态批量查询 of one order's certificates, for reconciliation. */
    List<CertificateStatus> certificates(String orderId);

    /** What a delivered message taught us: O1's certificate mapping, O3's verify ids, O7's rejected POIs, G3/G4 ids. */
    record Delivery(String logid, List<IssuedCode> certificates, List<Verified> verified, String productId,
                    List<SkuLink> skus) {
        public static Delivery of(String logid) {
            return new Delivery(logid, List.of(), List.of(), null, List.of());
        }
    }

    record IssuedCode(String certificateId, String code) {}

    record Verified(String certificateId, String verifyId, String code, String encryptedCode) {}

    record SkuLink(String skuOutId, String skuId) {}

    record PreparedCode(String verifyToken, String orderId, List<PreparedCertificate> certificates) {}

    record PreparedCertificate(String certificateId, String encryptedCode, String skuId, String skuTitle,
                               long amountFen, long expireAtEpochSecond) {}

    /** O5 status of one certificate; {@code status} is Douyin's number, see openapi.md §5.4. */
    record CertificateStatus(String certificateId, String code, int status, String verifyId) {}

    /** A retry may succeed; {@code logid} names the attempt for Douyin support. */
    final class DouyinUnavailable extends RuntimeException {
        private final String logid;

        public DouyinUnavailable(String message, String logid) {
            super(message);
            this.logid = logid;
        }

        public String logid() { return logid; }
    }

    /** Douyin refused the call for good (a business error); retrying the same call will not help. */
    final class DouyinRefused extends RuntimeException {
        private final long code;
        private final String logid;

        public DouyinRefused(long code, String message, String logid) {
            super(message);
            this.code = code;
            this.logid = logid;
        }

        public long code() { return code; }
        public String logid() { return logid; }
    }
}
