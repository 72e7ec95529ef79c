package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.Orders;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.order.Voucher;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.voucher.PickupCode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Secondary adapter for tests: orders kept as snapshots, so a change is visible only once saved. Douyin's order ids
 * are global; pickup codes are unique across all orders (D5). A page's cursor is the last order's Douyin order id.
 */
public final class InMemoryOrders implements Orders {
    static final Comparator<Order.Snapshot> NEWEST_FIRST = Comparator.comparing(Order.Snapshot::createdAt)
            .thenComparing(s -> s.id().value()).reversed();

    private final VersionedRows<DouyinOrderId, Order.Snapshot> rows;

    public InMemoryOrders() {
        this(new MemoryDatabase());
    }

    public InMemoryOrders(MemoryDatabase db) {
        this.rows = new VersionedRows<>(db, "order", Order.Snapshot::version, InMemoryOrders::withVersion);
    }

    @Override
    public Optional<Order> find(MerchantId merchant, DouyinOrderId id) {
        return rows.get(id).filter(s -> s.merchant().equals(merchant)).map(Order::reconstitute);
    }

    @Override
    public Optional<Order> find(DouyinOrderId id) {
        return rows.get(id).map(Order::reconstitute);
    }

    @Override
    public Optional<Order> findByCode(PickupCode code) {
        return rows.where(s -> codes(s).contains(code)).stream().findFirst().map(Order::reconstitute);
    }

    @Override
    public void save(Order order) {
        Order.Snapshot snapshot = order.snapshot();
        Set<PickupCode> codes = codes(snapshot);
        rows.save(snapshot.id(), snapshot, other -> !codes.isEmpty() && codes(other).stream().anyMatch(codes::contains));
    }

    @Override
    public List<Order> issuingWithDeadlineBefore(Instant before, int limit) {
        return rows.where(s -> s.state() == OrderState.ISSUING).stream()
                .map(Order::reconstitute)
                .filter(o -> o.issueDeadline().map(d -> d.isBefore(before)).orElse(false))
                .sorted(Comparator.comparing((Order o) -> o.issueDeadline().orElseThrow()).thenComparing(o -> o.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public List<Order> list(OrderQuery query) {
        List<Order.Snapshot> matching = rows.where(s -> s.merchant().equals(query.merchant())
                        && (query.states() == null || query.states().isEmpty() || query.states().contains(s.state()))
                        && (query.store() == null || query.store().equals(s.store()))
                        && (query.from() == null || !s.createdAt().isBefore(query.from()))
                        && (query.to() == null || s.createdAt().isBefore(query.to())))
                .stream().sorted(NEWEST_FIRST).toList();
        return page(matching, query.after(), query.limit(), s -> s.id().value()).stream().map(Order::reconstitute).toList();
    }

    /** All stored orders, for assertions. */
    public int count() {
        return rows.size();
    }

    static <S> List<S> page(List<S> sorted, String after, int limit, java.util.function.Function<S, String> cursorOf) {
        int start = 0;
        if (after != null && !after.isBlank()) {
            start = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                if (cursorOf.apply(sorted.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        return sorted.subList(start, Math.min(sorted.size(), start + Math.max(0, limit)));
    }

    private static Set<PickupCode> codes(Order.Snapshot s) {
        return s.vouchers().stream().map(Voucher.Snapshot::code).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Order.Snapshot withVersion(Order.Snapshot s, long version) {
        return new Order.Snapshot(s.merchant(), s.id(), s.outId(), s.store(), s.poi(), s.lines(), s.amount(), s.vouchers(),
                s.state(), s.createdAt(), s.issueRequestedAt(), s.issueFailure(), s.attention(), s.history(), version);
    }
}
