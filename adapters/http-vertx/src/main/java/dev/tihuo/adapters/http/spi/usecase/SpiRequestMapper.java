package dev.tihuo.adapters.http.spi.usecase;

import dev.tihuo.adapters.http.spi.body.CancelNotifyRequest;
import dev.tihuo.adapters.http.spi.body.CreateOrderRequest;
import dev.tihuo.adapters.http.spi.body.InvalidFieldException;
import dev.tihuo.adapters.http.spi.body.IssueCodesRequest;
import dev.tihuo.adapters.http.spi.body.PayNotifyRequest;
import dev.tihuo.adapters.http.spi.body.RefundApplyRequest;
import dev.tihuo.adapters.http.spi.body.RefundItem;
import dev.tihuo.adapters.http.spi.body.RefundNotifyRequest;
import dev.tihuo.adapters.http.spi.body.RefundedItem;
import dev.tihuo.adapters.http.spi.body.ReturnApplyRequest;
import dev.tihuo.adapters.http.spi.body.ReturnTimeoutNotice;
import dev.tihuo.adapters.http.webhook.PoiChange;
import dev.tihuo.application.port.in.spi.ApplyRefund;
import dev.tihuo.application.port.in.spi.ChangePickupStore;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.in.spi.NotifyCancellation;
import dev.tihuo.application.port.in.spi.NotifyPayment;
import dev.tihuo.application.port.in.spi.NotifyRefund;
import dev.tihuo.application.port.in.spi.NotifyReturnTimeout;
import dev.tihuo.application.port.in.spi.RefundLine;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleKind;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.store.PoiId;
import java.util.ArrayList;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.factory.Mappers;

/**
 * Wire records (spi.md §5, §6.2) to the use cases' commands. Domain value records are built through their
 * constructors by the small conversion methods at the bottom, so their own rules (blank ids, negative money) apply
 * and surface as D16 40003 through {@link SpiErrors}. Fields the use cases do not take (open_id, timestamps, count,
 * amounts of S4, product_out_id) are simply not read.
 */
@Mapper
public interface SpiRequestMapper {
    SpiRequestMapper INSTANCE = Mappers.getMapper(SpiRequestMapper.class);

    // ---- S1 --------------------------------------------------------------------------------------------------------

    @Mapping(target = "merchant", source = "accountId")
    @Mapping(target = "order", source = "orderId")
    @Mapping(target = "poi", source = "poiId")
    @Mapping(target = "items", source = "skuList")
    @Mapping(target = "amount", source = "amount")
    CreateOrder.Command createOrder(CreateOrderRequest request);

    @Mapping(target = "product", source = "productId")
    @Mapping(target = "sku", source = "skuId")
    @Mapping(target = "skuOutId", source = "skuOutId")
    @Mapping(target = "count", source = "count")
    @Mapping(target = "unitAmount", source = "unitAmount")
    CreateOrder.Item item(CreateOrderRequest.SkuLine line);

    @Mapping(target = "origin", source = "originAmount")
    @Mapping(target = "discount", source = "discountAmount")
    @Mapping(target = "pay", source = "payAmount")
    dev.tihuo.domain.order.OrderAmount amount(CreateOrderRequest.OrderAmount amount);

    // ---- S2, S3 ----------------------------------------------------------------------------------------------------

    @Mapping(target = "order", source = "orderId")
    NotifyPayment.Notice payment(PayNotifyRequest request);

    @Mapping(target = "order", source = "orderId")
    @Mapping(target = "cancelType", source = "cancelType", defaultValue = "0")
    NotifyCancellation.Notice cancellation(CancelNotifyRequest request);

    // ---- S4 --------------------------------------------------------------------------------------------------------

    @Mapping(target = "order", source = "orderId")
    IssueCodes.Command issueCodes(IssueCodesRequest request);

    IssueCodes.Certificate certificate(IssueCodesRequest.Certificate certificate);

    // ---- S5, S7 ----------------------------------------------------------------------------------------------------

    @Mapping(target = "order", source = "orderId")
    @Mapping(target = "afterSale", source = "bizUniqKey")
    @Mapping(target = "lines", source = "refundInfoList")
    @Mapping(target = "reason", source = "refundReason")
    ApplyRefund.Application refundApplication(RefundApplyRequest request);

    /** D9: a return is asked for like a refund; {@code after_sale_type} only confirms it (not read). */
    @Mapping(target = "order", source = "orderId")
    @Mapping(target = "afterSale", source = "bizUniqKey")
    @Mapping(target = "lines", source = "refundInfoList")
    @Mapping(target = "reason", source = "refundReason")
    ApplyRefund.Application returnApplication(ReturnApplyRequest request);

    @Mapping(target = "amount", source = "itemRefundAmount")
    @Mapping(target = "certificateId", source = "certificate.certificateId")
    @Mapping(target = "code", source = "certificate.code")
    RefundLine line(RefundItem item);

    // ---- S6, S8 ----------------------------------------------------------------------------------------------------

    @Mapping(target = "order", source = "orderId")
    @Mapping(target = "afterSale", source = "bizUniqKey")
    @Mapping(target = "refundAmount", expression = "java(totalOf(request.refundAmount(), request.refundInfoList()))")
    @Mapping(target = "lines", expression = "java(noticeLines(request.refundAmount(), request.refundInfoList()))")
    @Mapping(target = "noticeType", source = "noticeType", defaultValue = "0")
    @Mapping(target = "kind", source = "afterSaleType")
    @Mapping(target = "reason", source = "refundReason")
    NotifyRefund.Notice refundNotice(RefundNotifyRequest request);

    @Mapping(target = "order", source = "orderId")
    @Mapping(target = "afterSale", source = "bizUniqKey")
    @Mapping(target = "refundAmount", expression = "java(totalOf(request.refundAmount(), request.refundInfoList()))")
    @Mapping(target = "lines", expression = "java(noticeLines(request.refundAmount(), request.refundInfoList()))")
    NotifyReturnTimeout.Notice returnTimeoutNotice(ReturnTimeoutNotice request);

    // ---- W1 --------------------------------------------------------------------------------------------------------

    @Mapping(target = "order", source = "orderId")
    @Mapping(target = "newPoi", source = "newPoiId")
    ChangePickupStore.Command storeChange(PoiChange change);

    // ---- value records, built through their constructors ------------------------------------------------------------

    default DouyinOrderId orderId(String value) {
        return value == null ? null : new DouyinOrderId(value);
    }

    default MerchantId merchantId(String value) {
        return value == null ? null : new MerchantId(value);
    }

    default PoiId poiId(String value) {
        return value == null ? null : new PoiId(value);
    }

    default DouyinProductId productId(String value) {
        return value == null ? null : new DouyinProductId(value);
    }

    default DouyinSkuId skuId(String value) {
        return value == null ? null : new DouyinSkuId(value);
    }

    default AfterSaleId afterSaleId(String value) {
        return value == null ? null : new AfterSaleId(value);
    }

    default Money money(Long fen) {
        return fen == null ? null : new Money(fen);
    }

    /** S6 {@code after_sale_type}: 1 return and refund (D9); 3 refund only, and absent or unknown, a refund. */
    default AfterSaleKind afterSaleKind(Integer afterSaleType) {
        return afterSaleType != null && afterSaleType == 1 ? AfterSaleKind.RETURN : AfterSaleKind.REFUND;
    }

    // ---- S6/S8 amounts: both are optional on the wire (spi.md §5.6), the use cases need them ------------------------

    /** {@code refund_amount}, or when absent the sum of the items' amounts. */
    @Named("totalOf")
    default Money totalOf(Long refundAmount, List<RefundedItem> items) {
        if (refundAmount != null) {
            return money(refundAmount);
        }
        long sum = 0;
        for (RefundedItem item : items == null ? List.<RefundedItem>of() : items) {
            if (item.itemRefundAmount() != null) {
                sum = Math.addExact(sum, item.itemRefundAmount());
            }
        }
        return money(sum);
    }

    /**
     * The items of a refund or timeout-return notice. An item without {@code item_refund_amount} takes an equal share
     * of {@code refund_amount}; when both are absent the notice cannot be booked and is refused as malformed.
     */
    @Named("noticeLines")
    default List<RefundLine> noticeLines(Long refundAmount, List<RefundedItem> items) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<Money> shares = refundAmount == null ? null : money(refundAmount).split(items.size());
        List<RefundLine> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            RefundedItem item = items.get(i);
            Money amount = item.itemRefundAmount() != null ? money(item.itemRefundAmount())
                    : shares != null ? shares.get(i) : null;
            if (amount == null) {
                throw new InvalidFieldException("refund_info_list[" + i + "].item_refund_amount", "is missing");
            }
            var certificate = item.certificate();
            lines.add(new RefundLine(item.orderItemId(), amount,
                    certificate == null ? null : certificate.certificateId(),
                    certificate == null ? null : certificate.code()));
        }
        return lines;
    }
}
