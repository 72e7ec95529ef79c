package dev.tihuo.application.service;

import dev.tihuo.application.port.in.merchant.Browse;
import dev.tihuo.application.port.out.AfterSales;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.domain.aftersale.AfterSale;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.order.Voucher;
import dev.tihuo.domain.voucher.VoucherState;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Transition;
import dev.tihuo.domain.store.StoreId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Read side for operators: orders and after-sales of one merchant, never another's. */
public final class BrowseService implements Browse {
    private static final int MAX_PAGE = 200;

    private final Orders orders;
    private final AfterSales afterSales;

    public BrowseService(Ports ports) {
        this.orders = ports.orders();
        this.afterSales = ports.afterSales();
    }

    @Override
    public Page<OrderSummary> orders(MerchantId merchant, OrderFilter filter, String cursor, int limit) {
        int size = pageSize(limit);
        Set<OrderState> states = parse(filter.states(), OrderState.class);
        StoreId store = filter.storeId() == null || filter.storeId().isBlank() ? null : new StoreId(filter.storeId());
        List<Order> found = orders.list(new Orders.OrderQuery(merchant, states, store, filter.from(), filter.to(), cursor, size + 1));
        List<OrderSummary> items = found.stream().limit(size).map(BrowseService::summary).toList();
        String next = found.size() > size ? found.get(size - 1).id().value() : null;
        return new Page<>(items, next);
    }

    @Override
    public OrderDetail order(MerchantId merchant, String orderId) {
        Order order = orders.find(merchant, new DouyinOrderId(orderId))
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_ORDER, "no order " + orderId));
        return new OrderDetail(summary(order), order.vouchers().stream().map(BrowseService::view).toList(), steps(order.history()));
    }

    @Override
    public Page<VoucherRow> vouchers(MerchantId merchant, OrderFilter filter, String cursor, int limit) {
        int size = pageSize(limit);
        Set<VoucherState> states = parse(filter.states(), VoucherState.class);
        StoreId store = filter.storeId() == null || filter.storeId().isBlank() ? null : new StoreId(filter.storeId());
        List<Order> found = orders.list(new Orders.OrderQuery(merchant, EnumSet.allOf(OrderState.class), store, filter.from(),
                filter.to(), cursor, size + 1));
        List<VoucherRow> items = found.stream().limit(size).flatMap(o -> o.vouchers().stream()
                .filter(v -> states.contains(v.state()))
                .map(v -> new VoucherRow(o.id().value(), o.store().value(), view(v)))).toList();
        String next = found.size() > size ? found.get(size - 1).id().value() : null;
        return new Page<>(items, next);
    }

    @Override
    public Page<AfterSaleView> afterSales(MerchantId merchant, Set<String> states, String cursor, int limit) {
        int size = pageSize(limit);
        List<AfterSale> found = afterSales.list(merchant, parse(states, AfterSaleState.class), cursor, size + 1);
        List<AfterSaleView> items = found.stream().limit(size).map(BrowseService::view).toList();
        String next = found.size() > size ? found.get(size - 1).id().value() : null;
        return new Page<>(items, next);
    }

    @Override
    public AfterSaleView afterSale(MerchantId merchant, String afterSaleId) {
        return afterSales.find(new AfterSaleId(afterSaleId)).filter(s -> s.merchant().equals(merchant)).map(BrowseService::view)
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_AFTER_SALE, "no after-sale " + afterSaleId));
    }

    private static int pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DomainException(Reason.INVALID_VALUE, "limit must be 1 to " + MAX_PAGE);
        }
        return limit;
    }

    private static <E extends Enum<E>> Set<E> parse(Set<String> names, Class<E> type) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(type);
        }
        try {
            return names.stream().map(n -> Enum.valueOf(type, n.strip().toUpperCase())).collect(Collectors.toCollection(() -> EnumSet.noneOf(type)));
        } catch (IllegalArgumentException e) {
            throw new DomainException(Reason.INVALID_VALUE, "unknown state in " + names + "; known: " + EnumSet.allOf(type));
        }
    }

    private static VoucherView view(Voucher v) {
        return new VoucherView(v.number(), v.sku().value(), v.certificateId().map(Object::toString).orElse(null),
                v.code().map(Object::toString).orElse(null), v.state().name(), v.paid().fen(), v.refunded().fen(),
                v.validUntil().orElse(null), v.redeemedAt().orElse(null), v.redeemedAtStore().map(Object::toString).orElse(null));
    }

    private static OrderSummary summary(Order o) {
        return new OrderSummary(o.id().value(), o.outId().value(), o.state().name(), o.store().value(), o.poi().value(),
                o.amount().pay().fen(), o.vouchers().size(), o.createdAt(), o.attention().orElse(null));
    }

    private static AfterSaleView view(AfterSale s) {
        return new AfterSaleView(s.id().value(), s.kind().name(), s.order().value(), s.state().name(), s.amount().fen(),
                s.reason(), s.vouchers(), s.appliedAt(), steps(s.history()));
    }

    private static List<Step> steps(List<Transition> history) {
        return history.stream().map(t -> new Step(t.from(), t.to(), t.cause(), t.at())).toList();
    }
}
