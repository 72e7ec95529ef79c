package dev.tihuo.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * A message for Douyin's OpenAPI, decided by a use case and delivered later through the outbox (openapi.md §4-6).
 * Plain values only: the OpenAPI adapter maps each to its wire DTO, the persistence adapter stores it.
 */
public sealed interface DouyinCall {

    /** What a message is, for ordering, metrics and operators. */
    MessageKind kind();

    /** O1 发券回调: the final result of an issue answered "issuing" (D3). */
    record IssueCallback(String orderId, boolean issued, List<IssuedCode> codes, String failReason) implements DouyinCall {
        public MessageKind kind() { return MessageKind.ISSUE_CALLBACK; }
    }

    record IssuedCode(String certificateId, String code) {}

    /** O2 退款审核回调, body shape B of openapi.md §6.4 (D8). */
    record RefundAudit(String orderId, String afterSaleId, String outAfterSaleId, boolean approved, int reasonCode,
                       String reasonMessage, List<IssuedCode> lateCodes) implements DouyinCall {
        public MessageKind kind() { return MessageKind.REFUND_AUDIT; }
    }

    /** O3 验券 of our own code (D15), with the UUID verify token reused for every retry. */
    record Verify(String orderId, String poiId, String verifyToken, String code, String certificateId,
                  Instant verifiedAt) implements DouyinCall {
        public MessageKind kind() { return MessageKind.VERIFY; }
    }

    /** O4 撤销核销 within the hour; {@code verifyId} comes from O3's reply and is filled in at delivery if unknown. */
    record CancelVerify(String orderId, String verifyToken, String verifyId, String certificateId, String code)
            implements DouyinCall {
        public MessageKind kind() { return MessageKind.CANCEL_VERIFY; }

        /** The outbox key of the cancel of one redemption: its O3 wakes it by this key once the verify id is known. */
        public static String dedupeKey(String verifyToken) {
            return "o4:" + verifyToken;
        }
    }

    /** O7 poistock/save with the absolute available stock of one SKU at one store (D12). */
    record StockPush(String accountId, String productId, String skuId, String skuOutId, String poiId, int available)
            implements DouyinCall {
        public MessageKind kind() { return MessageKind.STOCK_PUSH; }
    }

    /** G3 product save + G4 SKU batch save of one product (openapi.md §4.3-4.4). */
    record ProductSave(String accountId, String productOutId, String productId, String name, int validityDays,
                       List<SkuSave> skus, List<String> poiIds) implements DouyinCall {
        public MessageKind kind() { return MessageKind.PRODUCT_SAVE; }
    }

    record SkuSave(String skuOutId, String skuId, String name, long priceFen, int stock) {}
}
