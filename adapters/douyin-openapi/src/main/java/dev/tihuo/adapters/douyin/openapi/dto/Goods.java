package dev.tihuo.adapters.douyin.openapi.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** General goods APIs used to publish the pickup-voucher product: G1, G2, G3, G4, G5, G8, G9 (openapi.md §4.1–§4.10). */
public final class Goods {
    private Goods() {}

    // ---- G1 GET /goodlife/v1/goods/category/get/
    public record CategoryQuery(String accountId, String categoryId, Integer queryCategoryType) {}

    public record CategoryData(List<Category> categoryInfos, List<Category> categoryTreeInfos) {}

    public record Category(String categoryId, String parentId, String name, Integer level,
                           @JsonProperty("is_leaf") Boolean isLeaf, Boolean enable, List<Category> subTreeInfos) {}

    // ---- G2 GET /goodlife/v1/goods/template/get/
    public record TemplateQuery(String categoryId, int productType, Integer productSubType) {
        public TemplateQuery {
            if (categoryId == null || categoryId.isBlank()) throw new IllegalArgumentException("category_id is required");
        }
    }

    public record TemplateData(List<TemplateAttr> productAttrs, List<TemplateAttr> skuAttrs,
                               List<TemplateAttr> spuAttrs, List<TemplateAttr> calendarAttrs) {}

    /** {@code value_demo}'s type varies with {@code value_type}, so it is kept as a JSON tree. */
    public record TemplateAttr(String key, String name, String desc,
                               @JsonProperty("is_required") Boolean isRequired, @JsonProperty("is_multi") Boolean isMulti,
                               Integer valueType, JsonNode valueDemo) {}

    // ---- G3 POST /goodlife/v1/goods/product/save/
    public record ProductSaveRequest(String accountId, Product product, Sku sku) {
        public ProductSaveRequest {
            if (accountId == null || product == null) throw new IllegalArgumentException("account_id and product are required");
            if (product.outId() == null && product.productId() == null) throw new IllegalArgumentException("product.out_id is required");
        }
    }

    public record Product(String productId, String outId, String productName, Integer productType, String categoryId,
                          String categoryFullName, Integer bizLine, String accountName, Long soldStartTime, Long soldEndTime,
                          String outUrl, List<ProductPoi> pois, Map<String, String> attrKeyValueMap, String desc,
                          String telephone, String contactName, Integer productSubType, JsonNode productExt) {}

    /** A store of the product: Douyin's {@code poi_id} or our own store id as {@code supplier_ext_id}. */
    public record ProductPoi(String poiId, String supplierExtId) {}

    public record Sku(String skuId, String outSkuId, String skuName, Long actualAmount, Long originAmount, Integer status,
                      SkuStock stock, Map<String, String> attrKeyValueMap, List<String> bindSkus) {}

    /** {@code limit_type} 1 limited, 2 unlimited; the last four are read-only companions returned on read. */
    public record SkuStock(Integer limitType, Long stockQty, Long availQty, Long frozenQty, Long soldQty, Long soldCount) {
        public static SkuStock limited(long qty) { return new SkuStock(1, qty, null, null, null, null); }
        public static SkuStock unlimited() { return new SkuStock(2, null, null, null, null, null); }
    }

    /** {@code sku_ids}' shape differs between variants (map in the catering model), so it is kept as a JSON tree. */
    public record ProductSaveData(String productId, JsonNode skuIds) {}

    // ---- G4 POST /goodlife/v1/goods/sku/batch_save/
    public record SkuBatchSaveRequest(String accountId, String productId, String outId, List<Sku> skuList) {
        public SkuBatchSaveRequest {
            if (productId == null && outId == null) throw new IllegalArgumentException("product_id or out_id is required");
            if (skuList == null || skuList.isEmpty()) throw new IllegalArgumentException("sku_list is required");
        }
    }

    public record SkuBatchSaveData(JsonNode skuIds) {}

    // ---- G5 POST /goodlife/v1/goods/product/operate/
    public record ProductOperateRequest(String accountId, String productId, String outId, int opType) {
        public static final int ONLINE = 1;
        public static final int OFFLINE = 2;
        public ProductOperateRequest {
            if (productId == null && outId == null) throw new IllegalArgumentException("product_id or out_id is required");
            if (opType != ONLINE && opType != OFFLINE) throw new IllegalArgumentException("op_type is 1 online or 2 offline");
        }
    }

    // ---- G8 GET /goodlife/v1/goods/product/online/get/
    public record OnlineGetQuery(String accountId, List<String> productIds, List<String> outIds) {
        public OnlineGetQuery {
            int n = (productIds == null ? 0 : productIds.size()) + (outIds == null ? 0 : outIds.size());
            if (n == 0 || n > 10) throw new IllegalArgumentException("online/get takes 1 to 10 ids");
        }
    }

    public record OnlineGetData(List<ProductOnline> productOnlines) {}

    public record ProductOnline(Product product, Sku sku, Integer onlineStatus, JsonNode commissionInfo) {}

    // ---- G9 GET /goodlife/v1/goods/product/online/query/
    public record OnlineQuery(String accountId, String cursor, Integer count, Integer status, Integer goodsCreatorType,
                              Integer goodsQueryType, List<String> poiIds, List<String> extIds, String productName,
                              Boolean queryAllPoi) {
        public OnlineQuery {
            int max = Boolean.TRUE.equals(queryAllPoi) ? 20 : 50;
            if (count != null && (count < 1 || count > max)) throw new IllegalArgumentException("count must be 1.." + max);
        }
    }

    public record OnlineQueryData(List<ProductOnline> products, String nextCursor, @JsonProperty("has_more") Boolean hasMore) {}
}
