package dev.tihuo.adapters.http.merchant;

import java.util.List;
import java.util.Map;

/** Request bodies of the merchant API (snake_case JSON, unknown fields ignored); each checks itself when read. */
final class Requests {
    private Requests() {}

    record CreateStore(String storeId, String poiId, String name) {
        CreateStore {
            require(storeId, "store_id");
            require(poiId, "poi_id");
            require(name, "name");
        }
    }

    record UpdateStore(String poiId, String name) {
        UpdateStore {
            require(poiId, "poi_id");
            require(name, "name");
        }
    }

    record SkuBody(String skuOutId, String douyinSkuId, String name, Long priceFen) {
        SkuBody {
            require(skuOutId, "skus[].sku_out_id");
            require(name, "skus[].name");
            if (priceFen == null || priceFen < 0) {
                throw ApiError.invalid("skus[].price_fen must be a number of fen, 0 or more");
            }
        }
    }

    record ProductBody(String productOutId, String name, String codeIssuing, Integer validityDays, List<SkuBody> skus) {
        ProductBody {
            require(name, "name");
            if (validityDays == null) {
                throw ApiError.invalid("validity_days is required");
            }
            if (codeIssuing != null && !codeIssuing.equals("AT_ONCE") && !codeIssuing.equals("BY_CALLBACK")) {
                throw ApiError.invalid("code_issuing must be AT_ONCE or BY_CALLBACK");
            }
            skus = skus == null ? List.of() : List.copyOf(skus);
        }
    }

    record DouyinLink(String douyinProductId, Map<String, String> skuIds) {
        DouyinLink {
            require(douyinProductId, "douyin_product_id");
            skuIds = skuIds == null ? Map.of() : Map.copyOf(skuIds);
        }
    }

    record SetStock(Integer onHand) {
        SetStock {
            if (onHand == null) {
                throw ApiError.invalid("on_hand is required");
            }
        }
    }

    record AdjustStock(Integer delta, String reason) {
        AdjustStock {
            if (delta == null || delta == 0) {
                throw ApiError.invalid("delta is required and must not be 0");
            }
            require(reason, "reason");
        }
    }

    /** A code typed or scanned at the counter; {@code store_id} is optional for a clerk of one store. */
    record CodeAtStore(String code, String storeId, String verifyId, String certificateId, String skuOutId) {
        CodeAtStore {
            if (verifyId == null || verifyId.isBlank()) {
                require(code, "code");
            }
            code = code == null ? "" : code;
            if (code.length() > 512) {
                throw ApiError.invalid("code is too long");
            }
        }
    }

    record Decision(String reason) {}

    static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiError.invalid(field + " is required");
        }
        return value;
    }
}
