package dev.tihuo.application.service;

import dev.tihuo.application.port.in.IdempotencyConflict;
import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.in.spi.NotifyCancellation;
import dev.tihuo.application.port.in.spi.NotifyPayment;
import dev.tihuo.application.port.out.Identifiers;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.Products;
import dev.tihuo.application.port.out.Stores;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderLine;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.store.Store;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** S1 create order, S2 payment notice, S3 cancel notice. */
public final class OrderService implements CreateOrder, NotifyPayment, NotifyCancellation {
    private static final System.Logger LOG = System.getLogger(OrderService.class.getName());

    private final Orders orders;
    private final Stores stores;
    private final Products products;
    private final StockKeeper stock;
    private final Identifiers identifiers;
    private final UnitOfWork unitOfWork;
    private final Idempotency idempotency;
    private final Clock clock;

    public OrderService(Ports ports) {
        this.orders = ports.orders();
        this.stores = ports.stores();
        this.products = ports.products();
        this.stock = ports.stockKeeper();
        this.identifiers = ports.identifiers();
        this.unitOfWork = ports.unitOfWork();
        this.idempotency = ports.idempotency();
        this.clock = ports.clock();
    }

    @Override
    public Created create(CreateOrder.Command command) {
        return idempotency.once(command.merchant().value(), "create-order", command.order().value(), command, Created.class, () -> {
            // No read of the order first: Douyin's order ids are unique across merchants (a unique index in the JDBI
            // adapter), so the insert itself tells a new order from a placed one. That placed one is read only then,
            // as it is when the request is refused: its idempotency record may be gone (records are purged after a
            // while) and a late replay must still get the order's answer.
            Order.Placement placement;
            try {
                placement = place(command);
            } catch (DomainException refused) {
                return placedAlready(command).orElseThrow(() -> refused);
            }
            try {
                orders.save(placement.order());
            } catch (DomainException duplicate) {
                if (duplicate.reason() != Reason.DUPLICATE) {
                    throw duplicate;
                }
                return placedAlready(command).orElseThrow(() -> duplicate);
            }
            // Last: the stock row is locked from here to the commit, and every order of that SKU and store queues on it.
            stock.apply(command.merchant(), placement.event().movements(), placement.order().createdAt());
            return new Created(placement.order().outId().value());
        });
    }

    private Order.Placement place(CreateOrder.Command command) {
        Store store = stores.findByPoi(command.merchant(), command.poi())
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_STORE, "no store is linked to POI " + command.poi()));
        List<OrderLine> lines = new ArrayList<>();
        for (Item item : command.items()) {
            lines.add(lineFor(command, item));
        }
        return Order.place(command.merchant(), command.order(), identifiers.nextOrderOutId(), store.id(), command.poi(),
                lines, command.amount(), clock.instant());
    }

    /** The answer for an order placed before under this id; another merchant's order of that id is a conflict. */
    private Optional<Created> placedAlready(CreateOrder.Command command) {
        return orders.find(command.order()).map(existing -> {
            if (!existing.merchant().equals(command.merchant())) {
                // Douyin's order ids are global: the same key with another account_id is another request (D16 40009)
                throw new IdempotencyConflict("create-order", command.order().value());
            }
            return new Created(existing.outId().value());
        });
    }

    private OrderLine lineFor(CreateOrder.Command command, Item item) {
        Product product = products.findByDouyinSku(command.merchant(), item.sku())
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_SKU, "SKU " + item.sku() + " is not mapped to a product of this merchant"));
        Sku sku = product.sku(item.sku()).orElseThrow();
        if (item.skuOutId() != null && !item.skuOutId().isBlank() && !item.skuOutId().equals(sku.outId().value())) {
            throw new DomainException(Reason.UNKNOWN_SKU,
                    "SKU " + item.sku() + " is mapped to " + sku.outId() + ", Douyin says " + item.skuOutId());
        }
        return new OrderLine(item.product(), item.sku(), sku.outId(), item.count(), item.unitAmount());
    }

    @Override
    public void paid(NotifyPayment.Notice notice) {
        idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            Order order = orders.find(notice.order())
                    .orElseThrow(() -> new TryAgainLater("payment notice for unknown order " + notice.order()));
            if (order.state() == OrderState.CREATED) {
                order.pay(clock.instant());
                orders.save(order);
            } else if (order.state() == OrderState.CANCELLED) {
                LOG.log(Level.WARNING, "payment notice for cancelled order {0}: kept cancelled", order.id());
            }
            return null;
        }));
    }

    @Override
    public void cancelled(NotifyCancellation.Notice notice) {
        idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            Order order = orders.find(notice.order())
                    .orElseThrow(() -> new TryAgainLater("cancel notice for unknown order " + notice.order()));
            if (order.state() == OrderState.CREATED || order.state() == OrderState.PAID) {
                Instant now = clock.instant();
                var cancelled = order.cancel("cancel notice (type " + notice.cancelType() + ")", now);
                stock.apply(order.merchant(), cancelled.movements(), now);
                orders.save(order);
            } else if (order.state() != OrderState.CANCELLED) {
                // Douyin cancels only before codes exist; anything later is settled by refund notices (S6).
                LOG.log(Level.WARNING, "cancel notice for order {0} in state {1}: refunds settle it", order.id(), order.state());
            }
            return null;
        }));
    }
}
