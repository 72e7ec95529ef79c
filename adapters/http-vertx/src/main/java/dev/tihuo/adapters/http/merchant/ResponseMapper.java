package dev.tihuo.adapters.http.merchant;

import dev.tihuo.application.port.in.counter.Counter;
import dev.tihuo.application.port.in.merchant.Browse;
import dev.tihuo.application.port.in.merchant.Catalog;
import dev.tihuo.application.port.in.merchant.Stock;
import dev.tihuo.application.port.in.operations.OperateOutbox;
import dev.tihuo.application.port.in.operations.Reconcile;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Ports' answers → the API's response records. */
@Mapper
interface ResponseMapper {
    Responses.Store store(Catalog.StoreView view);

    List<Responses.Store> stores(List<Catalog.StoreView> views);

    Responses.Sku sku(Catalog.SkuView view);

    Responses.Product product(Catalog.ProductView view);

    List<Responses.Product> products(List<Catalog.ProductView> views);

    Responses.StockLevel stock(Stock.StockView view);

    List<Responses.StockLevel> stock(List<Stock.StockView> views);

    Responses.OrderSummary order(Browse.OrderSummary summary);

    List<Responses.OrderSummary> orders(List<Browse.OrderSummary> summaries);

    Responses.Voucher voucher(Browse.VoucherView view);

    Responses.VoucherRow voucherRow(Browse.VoucherRow row);

    List<Responses.VoucherRow> voucherRows(List<Browse.VoucherRow> rows);

    Responses.Step step(Browse.Step step);

    @Mapping(target = "order", source = "summary")
    Responses.OrderDetail detail(Browse.OrderDetail detail);

    Responses.AfterSale afterSale(Browse.AfterSaleView view);

    List<Responses.AfterSale> afterSales(List<Browse.AfterSaleView> views);

    Responses.Unit unit(Counter.Unit unit);

    @Mapping(target = "storeId", source = "view.store")
    @Mapping(target = "poiId", source = "view.poi")
    @Mapping(target = "quantity", expression = "java(view.units().size())")
    @Mapping(target = "atThisStore", source = "atThisStore")
    Responses.CodeLookup lookup(Counter.CodeView view, boolean atThisStore);

    @Mapping(target = "storeId", source = "store")
    Responses.Redemption redemption(Counter.Redemption redemption);

    Responses.OutboxMessage outboxMessage(OperateOutbox.StuckMessage message);

    List<Responses.OutboxMessage> outboxMessages(List<OperateOutbox.StuckMessage> messages);

    Responses.Reconciliation reconciliation(Reconcile.Report report);
}
