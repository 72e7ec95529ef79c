package dev.tihuo.application.port.in.merchant;

import dev.tihuo.domain.shared.MerchantId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Use cases: list and inspect orders and after-sales, with filters and cursor paging, and their history. */
public interface Browse {
    Page<OrderSummary> orders(MerchantId merchant, OrderFilter filter, String cursor, int limit);

    OrderDetail order(MerchantId merchant, String orderId);

    /**
     * Vouchers of one merchant, newest order first, filtered by voucher state, store and the order's date range;
     * a page holds the vouchers of up to {@code limit} orders, and the cursor is the last of those orders.
     */
    Page<VoucherRow> vouchers(MerchantId merchant, OrderFilter filter, String cursor, int limit);

    Page<AfterSaleView> afterSales(MerchantId merchant, Set<String> states, String cursor, int limit);

    AfterSaleView afterSale(MerchantId merchant, String afterSaleId);

    record OrderFilter(Set<String> states, String storeId, Instant from, Instant to) {}

    record Page<T>(List<T> items, String nextCursor) {}

    record OrderSummary(String orderId, String orderOutId, String state, String storeId, String poiId, long payFen,
                        int units, Instant createdAt, String attention) {}

    record OrderDetail(OrderSummary summary, List<VoucherView> vouchers, List<Step> history) {}

    record VoucherView(int number, String sku, String certificateId, String code, String state, long paidFen,
                       long refundedFen, Instant validUntil, Instant redeemedAt, String redeemedAtStore) {}

    record VoucherRow(String orderId, String storeId, VoucherView voucher) {}

    record Step(String from, String to, String cause, Instant at) {}

    record AfterSaleView(String afterSaleId, String kind, String orderId, String state, long amountFen, String reason,
                         List<Integer> vouchers, Instant appliedAt, List<Step> history) {}
}
