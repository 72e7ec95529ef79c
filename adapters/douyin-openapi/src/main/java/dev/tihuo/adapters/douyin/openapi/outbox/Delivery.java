package dev.tihuo.adapters.douyin.openapi.outbox;

import dev.tihuo.adapters.douyin.openapi.dto.Certificates;
import dev.tihuo.adapters.douyin.openapi.dto.Goods;
import dev.tihuo.adapters.douyin.openapi.dto.PoiStock;
import dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode;
import java.util.Objects;
import java.util.Optional;

/**
 * What one outbox message asks Douyin to learn, as the wire request itself. Each names its idempotency key (the same
 * request may arrive twice: delivery is at least once) and, for stock, the key under which changes coalesce.
 */
public sealed interface Delivery {

    Kind kind();

    /** Douyin de-duplicates on this: order id, after-sale id, verify token, cancel token, (sku, store), out_id. */
    String idempotencyKey();

    /** Messages with the same key replace each other while waiting (latest value wins); empty = never coalesced. */
    default Optional<String> coalescingKey() { return Optional.empty(); }

    enum Kind { O1_ISSUE_CODES, O2_REFUND_AUDIT, O3_VERIFY, O4_CANCEL, O7_STORE_STOCK, PRODUCT_PUBLISH }

    /** O1: codes issued (or issue failed) after an S4 answered "issuing"; Douyin refunds 10 min after the S4. */
    record IssueCodes(ThirdPartyCode.IssueCodeCallbackRequest request) implements Delivery {
        public IssueCodes { Objects.requireNonNull(request); }
        public Kind kind() { return Kind.O1_ISSUE_CODES; }
        public String idempotencyKey() { return "order:" + request.orderId(); }
    }

    /** O2: the merchant's decision on a refund answered "pending" (D8); must land within 72 h. */
    record AuditRefund(ThirdPartyCode.RefundAuditRequest request) implements Delivery {
        public AuditRefund { Objects.requireNonNull(request); }
        public Kind kind() { return Kind.O2_REFUND_AUDIT; }
        public String idempotencyKey() { return "after-sale:" + request.afterSaleId(); }
    }

    /** O3: a counter redemption done locally first (D15); the same verify_token on every attempt. */
    record ReportVerification(Certificates.VerifyRequest request) implements Delivery {
        public ReportVerification { Objects.requireNonNull(request); }
        public Kind kind() { return Kind.O3_VERIFY; }
        public String idempotencyKey() { return "verify:" + request.verifyToken(); }
    }

    /** O4: a redemption undone within the hour (D15). */
    record ReportCancellation(Certificates.CancelRequest request) implements Delivery {
        public ReportCancellation { Objects.requireNonNull(request); }
        public Kind kind() { return Kind.O4_CANCEL; }
        public String idempotencyKey() {
            return request.cancelToken() != null ? "cancel:" + request.cancelToken() : "cancel:" + request.verifyId() + "/" + request.certificateId();
        }
    }

    /**
     * O7: the available stock of one SKU in one store, absolute (D12). One message per (account, SKU, store); due ones of
     * the same account go out together in one poistock/save, and only the entries Douyin lists in
     * {@code fail_poi_list} are tried again.
     */
    record PushStoreStock(String accountId, String rootLifeAccountId, PoiStock.Entry entry) implements Delivery {
        public PushStoreStock { Objects.requireNonNull(accountId); Objects.requireNonNull(rootLifeAccountId); Objects.requireNonNull(entry); }
        public Kind kind() { return Kind.O7_STORE_STOCK; }
        public String idempotencyKey() { return "stock:" + accountId + "/" + entry.skuId() + "@" + entry.poi(); }
        @Override public Optional<String> coalescingKey() { return Optional.of(idempotencyKey()); }
    }

    /** G3 product/save (upsert on out_id), then G4 sku/batch_save with the product id G3 returned, if SKUs are given. */
    record PublishProduct(Goods.ProductSaveRequest product, Goods.SkuBatchSaveRequest skus) implements Delivery {
        public PublishProduct { Objects.requireNonNull(product); }
        public Kind kind() { return Kind.PRODUCT_PUBLISH; }
        public String idempotencyKey() { return "product:" + product.accountId() + "/" + product.product().outId(); }
    }
}
