package dev.tihuo.adapters.douyin.openapi;

import dev.tihuo.adapters.douyin.openapi.DouyinFailure.ItemFailure;
import dev.tihuo.adapters.douyin.openapi.Endpoint.UnexpectedAnswer;
import dev.tihuo.adapters.douyin.openapi.dto.Ack;
import dev.tihuo.adapters.douyin.openapi.dto.Auth;
import dev.tihuo.adapters.douyin.openapi.dto.Certificates;
import dev.tihuo.adapters.douyin.openapi.dto.Goods;
import dev.tihuo.adapters.douyin.openapi.dto.Orders;
import dev.tihuo.adapters.douyin.openapi.dto.PoiStock;
import dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode;
import java.util.List;
import java.util.Objects;

/** Every call tihuo makes to open.douyin.com (openapi.md §1 table). The only place paths are spelled. */
public final class Endpoints {
    private Endpoints() {}

    public static final Endpoint<Auth.ClientTokenRequest, Auth.ClientTokenData> O9_CLIENT_TOKEN =
            Endpoint.<Auth.ClientTokenRequest, Auth.ClientTokenData>post("O9", "/oauth/client_token/", Auth.ClientTokenData.class)
                    .withoutToken()
                    .items(d -> {
                        if (d.accessToken() == null || d.accessToken().isBlank() || d.expiresIn() <= 0)
                            throw new UnexpectedAnswer("client_token without access_token / expires_in");
                        return List.of();
                    }, false);

    public static final Endpoint<Goods.CategoryQuery, Goods.CategoryData> G1_CATEGORY_GET =
            Endpoint.get("G1", "/goodlife/v1/goods/category/get/", Goods.CategoryData.class);
    public static final Endpoint<Goods.TemplateQuery, Goods.TemplateData> G2_TEMPLATE_GET =
            Endpoint.get("G2", "/goodlife/v1/goods/template/get/", Goods.TemplateData.class);
    public static final Endpoint<Goods.ProductSaveRequest, Goods.ProductSaveData> G3_PRODUCT_SAVE =
            Endpoint.<Goods.ProductSaveRequest, Goods.ProductSaveData>post("G3", "/goodlife/v1/goods/product/save/", Goods.ProductSaveData.class)
                    .items(d -> {
                        if (d.productId() == null || d.productId().isBlank()) throw new UnexpectedAnswer("product/save without product_id");
                        return List.of();
                    }, false);
    public static final Endpoint<Goods.SkuBatchSaveRequest, Goods.SkuBatchSaveData> G4_SKU_BATCH_SAVE =
            Endpoint.post("G4", "/goodlife/v1/goods/sku/batch_save/", Goods.SkuBatchSaveData.class);
    public static final Endpoint<Goods.ProductOperateRequest, Ack> G5_PRODUCT_OPERATE =
            Endpoint.post("G5", "/goodlife/v1/goods/product/operate/", Ack.class);
    public static final Endpoint<Goods.OnlineGetQuery, Goods.OnlineGetData> G8_ONLINE_GET =
            Endpoint.get("G8", "/goodlife/v1/goods/product/online/get/", Goods.OnlineGetData.class);
    public static final Endpoint<Goods.OnlineQuery, Goods.OnlineQueryData> G9_ONLINE_QUERY =
            Endpoint.get("G9", "/goodlife/v1/goods/product/online/query/", Goods.OnlineQueryData.class);

    /** Entries named in {@code fail_poi_list} failed; they are resent (absolute values, D12), so the failure is transient. */
    public static final Endpoint<PoiStock.SaveRequest, PoiStock.SaveData> O7_POISTOCK_SAVE =
            Endpoint.<PoiStock.SaveRequest, PoiStock.SaveData>post("O7", "/goodlife/v1/goods/pickupcoupon/poistock/save/", PoiStock.SaveData.class)
                    .items(d -> d.failPoiList() == null ? List.of() : d.failPoiList().stream()
                            .map(f -> new ItemFailure("sku:" + f.skuId() + "@" + f.poi(), Objects.toString(f.code(), ""), Objects.toString(f.reason(), "")))
                            .toList(), true);
    public static final Endpoint<PoiStock.DetailRequest, PoiStock.DetailData> O8_POISTOCK_DETAIL =
            Endpoint.post("O8", "/goodlife/v1/goods/pickupcoupon/poistock/detail/", PoiStock.DetailData.class);

    public static final Endpoint<Certificates.PrepareQuery, Certificates.PrepareData> O6_CERTIFICATE_PREPARE =
            Endpoint.<Certificates.PrepareQuery, Certificates.PrepareData>get("O6", "/goodlife/v1/compre_retail/fulfilment/certificate/prepare/", Certificates.PrepareData.class)
                    .items(d -> {
                        if (d.verifyToken() == null || d.verifyToken().isBlank()) throw new UnexpectedAnswer("prepare without verify_token");
                        return List.of();
                    }, false);
    /** A verify answer without {@code verify_results} is not a success: whether the codes were redeemed is unknown. */
    public static final Endpoint<Certificates.VerifyRequest, Certificates.VerifyData> O3_CERTIFICATE_VERIFY =
            Endpoint.<Certificates.VerifyRequest, Certificates.VerifyData>post("O3", "/goodlife/v1/compre_retail/fulfilment/certificate/verify/", Certificates.VerifyData.class)
                    .items(d -> {
                        if (d.verifyResults() == null || d.verifyResults().isEmpty()) throw new UnexpectedAnswer("verify without verify_results");
                        return d.verifyResults().stream()
                                .filter(r -> r.result() == null || r.result() != 0)
                                .map(r -> new ItemFailure("code:" + r.code(), Objects.toString(r.result(), "?"), Objects.toString(r.msg(), "")))
                                .toList();
                    }, false);
    public static final Endpoint<Certificates.CancelRequest, Certificates.CancelData> O4_CERTIFICATE_CANCEL =
            Endpoint.<Certificates.CancelRequest, Certificates.CancelData>post("O4", "/goodlife/v1/compre_retail/fulfilment/certificate/cancel/", Certificates.CancelData.class)
                    .items(d -> d.cancelResults() == null ? List.of() : d.cancelResults().stream()
                            .filter(r -> r.resultCode() != null && r.resultCode() != 0)
                            .map(r -> new ItemFailure("verify:" + r.verifyId(), String.valueOf(r.resultCode()), Objects.toString(r.resultMsg(), "")))
                            .toList(), false);
    public static final Endpoint<Certificates.Query, Certificates.QueryData> O5_CERTIFICATE_QUERY =
            Endpoint.get("O5", "/goodlife/v1/compre_retail/fulfilment/certificate/query/", Certificates.QueryData.class);

    public static final Endpoint<ThirdPartyCode.IssueCodeCallbackRequest, ThirdPartyCode.IssueCodeCallbackData> O1_ISSUE_CODE_CALLBACK =
            Endpoint.post("O1", "/goodlife/v1/compre_retail/fulfilment/create/callback/", ThirdPartyCode.IssueCodeCallbackData.class);
    public static final Endpoint<ThirdPartyCode.RefundAuditRequest, Ack> O2_REFUND_AUDIT =
            Endpoint.post("O2", "/goodlife/v1/compre_retail/order/refund/audit/", Ack.class);

    public static final Endpoint<Orders.Query, Orders.QueryData> O10_ORDER_QUERY =
            Endpoint.get("O10", "/goodlife/v1/trade/order/query/", Orders.QueryData.class);
}
