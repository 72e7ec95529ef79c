package dev.tihuo.application.port.out;

import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.store.StoreId;
import dev.tihuo.domain.voucher.PickupCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Outgoing persistence port for orders and their vouchers.
 *
 * <p>Versioning contract (optimistic): a new order has version 0 and is inserted (a second insert of the same
 * (merchant, Douyin order id) fails with {@code DomainException(DUPLICATE)}); a loaded order is updated only if its
 * stored version is unchanged, else {@code DomainException(STALE_STATE)}. Stored versions start at 1.
 */
public interface Orders {
    Optional<Order> find(MerchantId merchant, DouyinOrderId id);

    /** SPIs after create-order (S2-S6) name the order but not the merchant; Douyin's order ids are global. */
    Optional<Order> find(DouyinOrderId id);

    /** Pickup codes are unique across the database (D5). */
    Optional<Order> findByCode(PickupCode code);

    void save(Order order);

    /** Orders in {@code ISSUING} whose issue window ends before {@code before}, oldest deadline first. */
    List<Order> issuingWithDeadlineBefore(Instant before, int limit);

    List<Order> list(OrderQuery query);

    /** A page of one merchant's orders, newest first; {@code after} is the cursor of the previous page. */
    record OrderQuery(MerchantId merchant, Set<OrderState> states, StoreId store, Instant from, Instant to,
                      String after, int limit) {}
}
