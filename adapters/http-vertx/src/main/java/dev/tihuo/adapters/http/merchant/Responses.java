package dev.tihuo.adapters.http.merchant;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Response bodies of the merchant API; its contract, independent of the ports' records (see ResponseMapper). */
final class Responses {
    private Responses() {}

    record Me(String merchant, String role, Set<String> stores, String keyFingerprint) {}

    record Items<T>(List<T> items) {}

    record Page<T>(List<T> items, String nextCursor) {}

    record Store(String storeId, String poiId, String name) {}

    record Sku(String skuOutId, String douyinSkuId, String name, long priceFen) {}

    record Product(String productOutId, String douyinProductId, String name, String codeIssuing, int validityDays,
                   String publication, List<Sku> skus) {}

    record StockLevel(String storeId, String skuOutId, int onHand, int reserved, int available) {}

    record OrderSummary(String orderId, String orderOutId, String state, String storeId, String poiId, long payFen,
                        int units, Instant createdAt, String attention) {}

    record Voucher(int number, String sku, String certificateId, String code, String state, long paidFen,
                   long refundedFen, Instant validUntil, Instant redeemedAt, String redeemedAtStore) {}

    /** One voucher in the vouchers list, with the order and store it belongs to. */
    record VoucherRow(String orderId, String storeId, Voucher voucher) {}

    record Step(String from, String to, String cause, Instant at) {}

    record OrderDetail(OrderSummary order, List<Voucher> vouchers, List<Step> history) {}

    record AfterSale(String afterSaleId, String kind, String orderId, String state, long amountFen, String reason,
                     List<Integer> vouchers, Instant appliedAt, List<Step> history) {}

    record Unit(String certificateId, String sku, String skuName, String state, Instant validUntil,
                String redeemedAtStore, Instant redeemedAt) {}

    record CodeLookup(String kind, String code, String orderId, String storeId, String poiId, int quantity,
                      boolean atThisStore, List<Unit> units) {}

    record Redemption(String kind, String code, String orderId, String sku, String storeId, String state, Instant at,
                      String verifyId, String certificateId) {}

    record OutboxMessage(long id, String kind, String key, int attempts, String lastError, String lastLogid,
                         String status, Instant createdAt, Instant nextAttemptAt, Instant deadline) {}

    record Retry(long id, boolean queued) {}

    record Difference(String certificateId, String ours, String douyins) {}

    record Reconciliation(String orderId, List<Difference> differences, List<String> repaired) {}

    record Decided(String afterSaleId, String decision, String state) {}
}
