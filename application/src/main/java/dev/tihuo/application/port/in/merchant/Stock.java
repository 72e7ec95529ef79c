package dev.tihuo.application.port.in.merchant;

import dev.tihuo.domain.shared.MerchantId;
import java.util.List;

/** Use cases: count and correct stock per store and SKU; every change is pushed to Douyin (D12). */
public interface Stock {
    StockView setOnHand(MerchantId merchant, String storeId, String skuOutId, int onHand);

    StockView adjust(MerchantId merchant, String storeId, String skuOutId, int delta, String reason);

    /** One merchant's stock, of one store when {@code storeId} is not null. */
    List<StockView> view(MerchantId merchant, String storeId);

    record StockView(String storeId, String skuOutId, int onHand, int reserved, int available) {}
}
