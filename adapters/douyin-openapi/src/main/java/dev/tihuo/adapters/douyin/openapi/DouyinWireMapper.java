package dev.tihuo.adapters.douyin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tihuo.adapters.douyin.openapi.dto.Certificates;
import dev.tihuo.adapters.douyin.openapi.dto.Goods;
import dev.tihuo.adapters.douyin.openapi.dto.PoiStock;
import dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.factory.Mappers;

/**
 * Between the application's terms ({@link DouyinCall}, {@link DouyinPlatform}'s answers) and the wire DTOs. The only
 * place where a spec choice about a body lives: O1 result 1/2, O2 shape B (D8) with late codes, O3 third-party codes
 * with their real redemption time (D15), O4's derived {@code cancel_token}, O7 absolute values (D12), G3/G4 fields.
 */
@Mapper(imports = {ThirdPartyCode.class, Certificates.class, PoiStock.class, Goods.class, List.class})
interface DouyinWireMapper {

    DouyinWireMapper INSTANCE = Mappers.getMapper(DouyinWireMapper.class);

    /** G4 SKU status "active": 1 as callers send it; enum unconfirmed (openapi.md §4.3). */
    int SKU_ACTIVE = 1;

    // ---------------------------------------------------------------- requests

    /** O1 (§6.1): result 1 with the codes, or 2 with the reason. */
    @Mapping(target = "result", expression = "java(call.issued() ? ThirdPartyCode.ISSUED : ThirdPartyCode.FAILED)")
    @Mapping(target = "codes", expression = "java(call.issued() ? codesOf(call.codes()) : null)")
    @Mapping(target = "failReason", expression = "java(call.issued() ? null : call.failReason())")
    @Mapping(target = "thirdOrderId", ignore = true)
    ThirdPartyCode.IssueCodeCallbackRequest issueCallback(DouyinCall.IssueCallback call);

    /** O2 shape B (D8); late codes (补码) only when there are some. */
    @Mapping(target = "auditResult", expression = "java(call.approved() ? ThirdPartyCode.APPROVE : ThirdPartyCode.REJECT)")
    @Mapping(target = "reasonMsg", source = "reasonMessage")
    @Mapping(target = "codes", expression = "java(call.lateCodes() == null || call.lateCodes().isEmpty() ? null : codesOf(call.lateCodes()))")
    @Mapping(target = "certificates", expression = "java(call.lateCodes() == null || call.lateCodes().isEmpty() ? null : certificatesOf(call.lateCodes()))")
    ThirdPartyCode.RefundAuditRequest refundAudit(DouyinCall.RefundAudit call);

    /** O3 of our own code (D15): {@code code_with_time_list} with the local redemption time; same body on every retry. */
    @Mapping(target = "codeWithTimeList", expression = "java(List.of(new Certificates.CodeWithTime(call.code(), call.verifiedAt().getEpochSecond())))")
    @Mapping(target = "encryptedCodes", ignore = true)
    @Mapping(target = "codes", ignore = true)
    @Mapping(target = "verifySignList", ignore = true)
    @Mapping(target = "verifyExtra", ignore = true)
    Certificates.VerifyRequest verify(DouyinCall.Verify call);

    @Mapping(target = "cancelToken", expression = "java(cancelToken(call.verifyId(), call.certificateId()))")
    @Mapping(target = "timesCardCancelCount", ignore = true)
    Certificates.CancelRequest cancel(DouyinCall.CancelVerify call);

    /**
     * O7 for one (SKU, store), absolute (D12). {@code root_life_account_id}: {@code StockPush} does not carry the root
     * account, so the account itself is sent (right for a merchant without sub-accounts).
     */
    @Mapping(target = "rootLifeAccountId", source = "accountId")
    @Mapping(target = "poiStockList", expression = "java(List.of(stockEntry(call)))")
    PoiStock.SaveRequest stock(DouyinCall.StockPush call);

    @Mapping(target = "poi", expression = "java(PoiStock.StockPoi.douyin(call.poiId()))")
    @Mapping(target = "stockQty", source = "available")
    PoiStock.Entry stockEntry(DouyinCall.StockPush call);

    /** G3 without a SKU (all SKUs go through G4); published after audit on its own ({@code auto_online}). */
    @Mapping(target = "product", expression = "java(product(call, goods))")
    @Mapping(target = "sku", ignore = true)
    Goods.ProductSaveRequest productSave(DouyinCall.ProductSave call, @Context DouyinOpenApiConfig.Goods goods);

    @Mapping(target = "outId", source = "call.productOutId")
    @Mapping(target = "productName", source = "call.name")
    @Mapping(target = "productType", source = "goods.productType")
    @Mapping(target = "categoryId", source = "goods.categoryId")
    @Mapping(target = "bizLine", source = "goods.bizLine")
    @Mapping(target = "pois", source = "call.poiIds")
    @Mapping(target = "attrKeyValueMap", expression = "java(productAttributes(call))")
    @Mapping(target = "productExt", expression = "java(autoOnline())")
    @Mapping(target = "categoryFullName", ignore = true)
    @Mapping(target = "accountName", ignore = true)
    @Mapping(target = "soldStartTime", ignore = true)
    @Mapping(target = "soldEndTime", ignore = true)
    @Mapping(target = "outUrl", ignore = true)
    @Mapping(target = "desc", ignore = true)
    @Mapping(target = "telephone", ignore = true)
    @Mapping(target = "contactName", ignore = true)
    @Mapping(target = "productSubType", ignore = true)
    Goods.Product product(DouyinCall.ProductSave call, DouyinOpenApiConfig.Goods goods);

    default Goods.ProductPoi poi(String poiId) {
        return new Goods.ProductPoi(poiId, null);
    }

    /** G4: the full SKU list (openapi.md §4.4), for the product G3 answered. */
    @Mapping(target = "productId", source = "productId")
    @Mapping(target = "outId", source = "call.productOutId")
    @Mapping(target = "skuList", source = "call.skus")
    Goods.SkuBatchSaveRequest skuSave(DouyinCall.ProductSave call, String productId);

    @Mapping(target = "outSkuId", source = "skuOutId")
    @Mapping(target = "skuName", source = "name")
    @Mapping(target = "actualAmount", source = "priceFen")
    @Mapping(target = "status", constant = "" + SKU_ACTIVE)
    @Mapping(target = "stock", expression = "java(Goods.SkuStock.limited(sku.stock()))")
    @Mapping(target = "originAmount", ignore = true)
    @Mapping(target = "attrKeyValueMap", ignore = true)
    @Mapping(target = "bindSkus", ignore = true)
    Goods.Sku sku(DouyinCall.SkuSave sku);

    // ---------------------------------------------------------------- answers

    DouyinPlatform.IssuedCode issued(ThirdPartyCode.CertificateCode code);

    List<DouyinPlatform.IssuedCode> issued(List<ThirdPartyCode.CertificateCode> codes);

    /** O3 of our own codes: {@code code} is the code we sent. */
    @Mapping(target = "encryptedCode", ignore = true)
    DouyinPlatform.Verified verifiedOwnCode(Certificates.VerifyResult result);

    /** O3 of Douyin codes: {@code code} echoes the encrypted code sent, {@code origin_code} is the 12-digit plaintext. */
    @Mapping(target = "code", source = "originCode")
    @Mapping(target = "encryptedCode", source = "code")
    DouyinPlatform.Verified verifiedDouyinCode(Certificates.VerifyResult result);

    @Mapping(target = "certificates", expression = "java(preparedCertificates(data))")
    DouyinPlatform.PreparedCode prepared(Certificates.PrepareData data);

    @Mapping(target = "skuId", source = "sku.skuId")
    @Mapping(target = "skuTitle", source = "sku.title")
    @Mapping(target = "amountFen", source = "amount.payAmount", defaultValue = "0L")
    @Mapping(target = "expireAtEpochSecond", source = "expireTime", defaultValue = "0L")
    DouyinPlatform.PreparedCertificate preparedCertificate(Certificates.Certificate certificate);

    @Mapping(target = "status", source = "status", defaultValue = "-1")
    @Mapping(target = "verifyId", source = "verify.verifyId")
    DouyinPlatform.CertificateStatus certificateStatus(Certificates.Certificate certificate);

    List<DouyinPlatform.CertificateStatus> certificateStatuses(List<Certificates.Certificate> certificates);

    // ---------------------------------------------------------------- helpers

    default List<String> codesOf(List<DouyinCall.IssuedCode> codes) {
        return codes == null ? null : codes.stream().map(DouyinCall.IssuedCode::code).toList();
    }

    ThirdPartyCode.CertificateCode certificateOf(DouyinCall.IssuedCode code);

    List<ThirdPartyCode.CertificateCode> certificatesOf(List<DouyinCall.IssuedCode> codes);

    /** A {@code cancel_token} that is the same on every retry of one cancel and differs between cancels [INFER]. */
    default String cancelToken(String verifyId, String certificateId) {
        return UUID.nameUUIDFromBytes(("tihuo-cancel:" + verifyId + "/" + certificateId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    default List<DouyinPlatform.PreparedCertificate> preparedCertificates(Certificates.PrepareData data) {
        List<Certificates.Certificate> certs = data.certificates() != null && !data.certificates().isEmpty()
                ? data.certificates() : data.certificatesV2();
        return certs == null ? List.of() : certs.stream().map(this::preparedCertificate).toList();
    }

    /**
     * Voucher validity in days after purchase as the group-buy {@code use_date} attribute ({@code use_date_type} 2 =
     * days after purchase) [INFER: the pickup template's keys are unpublished, openapi.md §4.2].
     */
    default Map<String, String> productAttributes(DouyinCall.ProductSave call) {
        Map<String, String> attrs = new LinkedHashMap<>();
        if (call.validityDays() > 0) {
            attrs.put("use_date", "{\"use_date_type\":2,\"day_duration\":" + call.validityDays() + "}");
        }
        return attrs.isEmpty() ? null : attrs;
    }

    default JsonNode autoOnline() {
        return WireJson.mapper().createObjectNode().put("auto_online", true);
    }

    /**
     * SKU ids from G3/G4's {@code sku_ids}: a map {@code out_sku_id → sku_id} (catering model, the simulator) or a
     * list of {@code {out_sku_id, sku_id}}. One link per SKU of the call, in its order; a SKU Douyin did not name keeps
     * the id the call already knew, if any.
     */
    default List<DouyinPlatform.SkuLink> skuLinks(DouyinCall.ProductSave call, JsonNode skuIds) {
        Map<String, String> byOut = new LinkedHashMap<>();
        if (skuIds != null && skuIds.isObject()) {
            skuIds.fields().forEachRemaining(e -> byOut.put(e.getKey(), e.getValue().asText()));
        } else if (skuIds != null && skuIds.isArray()) {
            skuIds.forEach(n -> {
                if (n.hasNonNull("out_sku_id") && n.hasNonNull("sku_id")) byOut.put(n.get("out_sku_id").asText(), n.get("sku_id").asText());
            });
        }
        List<DouyinPlatform.SkuLink> links = new ArrayList<>();
        for (DouyinCall.SkuSave s : call.skus()) {
            String id = byOut.getOrDefault(s.skuOutId(), s.skuId());
            if (id != null) links.add(new DouyinPlatform.SkuLink(s.skuOutId(), id));
        }
        return links;
    }
}
