package dev.tihuo.adapters.douyin.openapi.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** O10 {@code GET /goodlife/v1/trade/order/query/} (openapi.md §7), for reconciliation. */
public final class Orders {
    private Orders() {}

    public record Query(String accountId, int pageNum, int pageSize, String orderId, String extOrderId, String openId,
                        Integer orderStatus, Long createOrderStartTime, Long createOrderEndTime, Long updateOrderStartTime,
                        Long updateOrderEndTime, @JsonProperty("get_secret_number") Boolean secretNumber, List<String> cursor) {
        public Query {
            if (accountId == null) throw new IllegalArgumentException("account_id is required");
            if (pageNum < 1 || pageSize < 1 || pageSize > 200) throw new IllegalArgumentException("page_num >= 1, page_size 1..200");
        }
        public static Query byOrder(String accountId, String orderId) {
            return new Query(accountId, 1, 10, orderId, null, null, null, null, null, null, null, null, null);
        }
    }

    public record QueryData(List<Order> orders, Page page, JsonNode searchAfter) {}

    public record Page(Integer pageNum, Integer pageSize, Long total) {}

    public record Order(String orderId, Integer orderStatus, Integer orderType, String skuId, String skuName, String thirdSkuId,
                        Integer count, Long originalAmount, Long payAmount, Long discountAmount, Long receiptAmount,
                        Long paymentDiscount, Long payTime, Long createOrderTime, Long updateOrderTime, String poiId,
                        OrderPoi poi, String intentionPoiId, List<OrderCertificate> certificate, MerchantInfo merchantInfo) {}

    public record OrderPoi(String poiId, String poiName) {}

    public record OrderCertificate(String certificateId, String orderItemId, Integer itemStatus, Long itemUpdateTime,
                                   Long refundAmount, Long refundTime) {}

    public record MerchantInfo(String accountId, String accountName) {}
}
