package dev.tihuo.adapters.douyin.openapi.dto;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;

/**
 * Pickup store stock: O7 {@code poistock/save} and O8 {@code poistock/detail} (openapi.md §4.8, §4.9). Ids are int64
 * JSON numbers on this API: they are held as strings and written digit for digit ({@link Int64Number}); answers are read
 * into strings without rounding. O7 quantities are absolute (D12).
 */
public final class PoiStock {
    private PoiStock() {}

    public record SaveRequest(@JsonSerialize(using = Int64Number.class) String accountId,
                              @JsonSerialize(using = Int64Number.class) String rootLifeAccountId,
                              List<Entry> poiStockList) {
        public SaveRequest {
            if (accountId == null || rootLifeAccountId == null) throw new IllegalArgumentException("account ids are required");
            if (poiStockList == null || poiStockList.isEmpty()) throw new IllegalArgumentException("poi_stock_list is empty");
            poiStockList = List.copyOf(poiStockList);
        }
    }

    /** Stock of one SKU in one store: absolute quantity (D12). */
    public record Entry(@JsonSerialize(using = Int64Number.class) String productId,
                        @JsonSerialize(using = Int64Number.class) String skuId,
                        StockPoi poi, long stockQty) {
        public Entry {
            if (skuId == null || poi == null) throw new IllegalArgumentException("sku_id and poi are required");
            if (stockQty < 0) throw new IllegalArgumentException("stock_qty is never negative");
        }
        /** Matches a {@code fail_poi_list} entry: same SKU and same store (by Douyin poi id or by our store id). */
        public boolean matches(FailPoi f) {
            return skuId.equals(f.skuId()) && f.poi() != null && poi.sameStore(f.poi());
        }
    }

    /** Douyin's store id ({@code poi_id}, int64) or ours as matched in POI matching ({@code ext_id}). */
    public record StockPoi(@JsonSerialize(using = Int64Number.class) @JsonAlias("PoiId") String poiId,
                           @JsonAlias("ExtId") String extId) {
        public StockPoi {
            if (poiId == null && extId == null) throw new IllegalArgumentException("poi_id or ext_id is required");
        }
        public static StockPoi douyin(String poiId) { return new StockPoi(poiId, null); }
        public static StockPoi ours(String extId) { return new StockPoi(null, extId); }
        boolean sameStore(StockPoi o) {
            return (poiId != null && poiId.equals(o.poiId)) || (extId != null && extId.equals(o.extId));
        }
        @Override
        public String toString() { return poiId != null ? "poi:" + poiId : "ext:" + extId; }
    }

    public record SaveData(List<FailPoi> failPoiList) {}

    public record FailPoi(StockPoi poi, String productId, String skuId, String code, String reason) {}

    public record DetailRequest(@JsonSerialize(using = Int64Number.class) String accountId,
                                @JsonSerialize(using = Int64Number.class) String rootLifeAccountId,
                                List<SkuPois> skuPoiList) {
        public DetailRequest {
            if (skuPoiList == null || skuPoiList.isEmpty()) throw new IllegalArgumentException("sku_poi_list is empty");
        }
    }

    public record SkuPois(@JsonSerialize(using = Int64Number.class) String productId,
                          @JsonSerialize(using = Int64Number.class) String skuId,
                          List<StockPoi> poiList) {}

    /** {@code sku_id_poi_stock_list_map}: SKU id → the stock of that SKU in each store asked for. */
    public record DetailData(Map<String, List<StoreStock>> skuIdPoiStockListMap) {}

    /** PascalCase keys in the official model (openapi.md §4.9); snake_case accepted too. */
    public record StoreStock(@JsonProperty("Poi") @JsonAlias("poi") StockPoi poi,
                             @JsonProperty("PoiName") @JsonAlias("poi_name") String poiName,
                             @JsonProperty("StockQty") @JsonAlias("stock_qty") Long stockQty,
                             @JsonProperty("AvailQty") @JsonAlias("avail_qty") Long availQty) {}
}
