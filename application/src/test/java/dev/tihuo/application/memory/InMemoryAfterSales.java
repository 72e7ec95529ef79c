package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.AfterSales;
import dev.tihuo.domain.aftersale.AfterSale;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.MerchantId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Secondary adapter for tests: after-sales as snapshots; a page's cursor is the last after-sale's id. */
public final class InMemoryAfterSales implements AfterSales {
    private static final Comparator<AfterSale.Snapshot> OLDEST_FIRST = Comparator.comparing(AfterSale.Snapshot::appliedAt)
            .thenComparing(s -> s.id().value());

    private final VersionedRows<AfterSaleId, AfterSale.Snapshot> rows;

    public InMemoryAfterSales() {
        this(new MemoryDatabase());
    }

    public InMemoryAfterSales(MemoryDatabase db) {
        this.rows = new VersionedRows<>(db, "after-sale", AfterSale.Snapshot::version, InMemoryAfterSales::withVersion);
    }

    @Override
    public Optional<AfterSale> find(AfterSaleId id) {
        return rows.get(id).map(AfterSale::reconstitute);
    }

    @Override
    public void save(AfterSale afterSale) {
        AfterSale.Snapshot snapshot = afterSale.snapshot();
        rows.save(snapshot.id(), snapshot, null);
    }

    @Override
    public List<AfterSale> forOrder(DouyinOrderId order) {
        return rows.where(s -> s.order().equals(order)).stream().sorted(OLDEST_FIRST).map(AfterSale::reconstitute).toList();
    }

    @Override
    public List<AfterSale> list(MerchantId merchant, Set<AfterSaleState> states, String after, int limit) {
        List<AfterSale.Snapshot> matching = rows.where(s -> s.merchant().equals(merchant)
                        && (states == null || states.isEmpty() || states.contains(s.state())))
                .stream().sorted(OLDEST_FIRST.reversed()).toList();
        return InMemoryOrders.page(matching, after, limit, s -> s.id().value()).stream().map(AfterSale::reconstitute).toList();
    }

    private static AfterSale.Snapshot withVersion(AfterSale.Snapshot s, long version) {
        return new AfterSale.Snapshot(s.merchant(), s.id(), s.kind(), s.order(), s.items(), s.amount(), s.reason(),
                s.state(), s.decision(), s.appliedAt(), s.history(), version);
    }
}
