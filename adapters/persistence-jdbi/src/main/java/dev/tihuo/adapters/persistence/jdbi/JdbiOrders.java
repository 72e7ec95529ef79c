package dev.tihuo.adapters.persistence.jdbi;

import static dev.tihuo.adapters.persistence.jdbi.JavaTimeMapping.instant;

import dev.tihuo.application.port.out.Orders;
import dev.tihuo.domain.catalog.DouyinProductId;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.IssueFailure;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderAmount;
import dev.tihuo.domain.order.OrderLine;
import dev.tihuo.domain.order.OrderOutId;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.order.Voucher;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Transition;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.StoreId;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import dev.tihuo.domain.voucher.PickupCode;
import dev.tihuo.domain.voucher.VoucherState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Secondary adapter: orders in {@code orders} with their lines, vouchers and history in child tables. The primary key
 * (merchant_id, order_id) is the unique (merchant, Douyin order id); {@code vouchers.pickup_code} is unique across
 * the database (D5). A page's cursor is the last order's Douyin order id; pages are newest first.
 */
public final class JdbiOrders implements Orders {

    private static final String ORDER_COLUMNS = """
            o.merchant_id, o.order_id, o.out_id, o.store_id, o.poi_id, o.origin_fen, o.discount_fen, o.pay_fen, o.state,
            o.created_at, o.issue_requested_at, o.issue_failure, o.attention, o.version""";

    private final JdbiUnitOfWork unitOfWork;

    public JdbiOrders(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public Optional<Order> find(MerchantId merchant, DouyinOrderId id) {
        return unitOfWork.inTransaction(h -> one(h, "o.merchant_id = :m AND o.order_id = :id",
                q -> q.bind("m", merchant.value()).bind("id", id.value())));
    }

    @Override
    public Optional<Order> find(DouyinOrderId id) {
        return unitOfWork.inTransaction(h -> one(h, "o.order_id = :id", q -> q.bind("id", id.value())));
    }

    @Override
    public Optional<Order> findByCode(PickupCode code) {
        return unitOfWork.inTransaction(h -> h.createQuery("SELECT merchant_id, order_id FROM vouchers WHERE pickup_code = :code")
                .bind("code", code.value())
                .map((rs, ctx) -> Map.entry(rs.getString("merchant_id"), rs.getString("order_id")))
                .findOne()
                .flatMap(key -> one(h, "o.merchant_id = :m AND o.order_id = :id",
                        q -> q.bind("m", key.getKey()).bind("id", key.getValue()))));
    }

    @Override
    public List<Order> issuingWithDeadlineBefore(Instant before, int limit) {
        return unitOfWork.inTransaction(h -> load(h, h.createQuery("SELECT " + ORDER_COLUMNS + """
                         FROM orders o
                        WHERE o.state = 'ISSUING' AND o.issue_deadline < :before
                        ORDER BY o.issue_deadline, o.order_id
                        LIMIT :limit""")
                .bind("before", before).bind("limit", Math.max(0, limit))));
    }

    @Override
    public List<Order> list(OrderQuery query) {
        StringBuilder where = new StringBuilder("o.merchant_id = :m");
        boolean states = query.states() != null && !query.states().isEmpty();
        if (states) {
            where.append(" AND o.state IN (<states>)");
        }
        if (query.store() != null) {
            where.append(" AND o.store_id = :store");
        }
        if (query.from() != null) {
            where.append(" AND o.created_at >= :from");
        }
        if (query.to() != null) {
            where.append(" AND o.created_at < :to");
        }
        boolean cursor = query.after() != null && !query.after().isBlank();
        if (cursor) {
            where.append(" ").append("""
                     AND EXISTS (SELECT 1 FROM orders c WHERE c.merchant_id = o.merchant_id AND c.order_id = :after
                                  AND (o.created_at < c.created_at OR (o.created_at = c.created_at AND o.order_id < c.order_id)))""");
        }
        return unitOfWork.inTransaction(h -> {
            Query q = h.createQuery("SELECT " + ORDER_COLUMNS + " FROM orders o WHERE " + where
                            + " ORDER BY o.created_at DESC, o.order_id DESC LIMIT :limit")
                    .bind("m", query.merchant().value())
                    .bind("limit", Math.max(0, query.limit()));
            if (states) {
                q.bindList("states", query.states().stream().map(Enum::name).toList());
            }
            if (query.store() != null) {
                q.bind("store", query.store().value());
            }
            if (query.from() != null) {
                q.bind("from", query.from());
            }
            if (query.to() != null) {
                q.bind("to", query.to());
            }
            if (cursor) {
                q.bind("after", query.after());
            }
            return load(h, q);
        });
    }

    @Override
    public void save(Order order) {
        Order.Snapshot s = order.snapshot();
        String what = "order " + s.merchant().value() + "/" + s.id().value();
        Sql.saving(what, () -> unitOfWork.inTransaction(h -> {
            String m = s.merchant().value();
            String id = s.id().value();
            boolean fresh = s.version() == 0;
            if (fresh) {
                int inserted = bindOrder(h.createUpdate("""
                                INSERT INTO orders (merchant_id, order_id, out_id, store_id, poi_id, origin_fen, discount_fen,
                                                    pay_fen, state, created_at, issue_requested_at, issue_deadline,
                                                    issue_failure, attention, version)
                                VALUES (:m, :id, :outId, :store, :poi, :origin, :discount, :pay, :state, :createdAt,
                                        :issueRequestedAt, :issueDeadline, :issueFailure, :attention, 1)
                                ON CONFLICT DO NOTHING"""), s, order).execute();
                if (inserted == 0) {
                    throw Sql.duplicate(what);
                }
                PreparedBatch lines = h.prepareBatch("""
                        INSERT INTO order_lines (merchant_id, order_id, line_no, douyin_product_id, douyin_sku_id, sku_out_id,
                                                 item_count, unit_fen)
                        VALUES (:m, :id, :no, :product, :douyinSku, :sku, :count, :unit)""");
                for (int i = 0; i < s.lines().size(); i++) {
                    OrderLine l = s.lines().get(i);
                    lines.bind("m", m).bind("id", id).bind("no", i)
                            .bind("product", l.product() == null ? null : l.product().value())
                            .bind("douyinSku", l.douyinSku() == null ? null : l.douyinSku().value())
                            .bind("sku", l.sku().value()).bind("count", l.count()).bind("unit", l.unitAmount().fen())
                            .add();
                }
                lines.execute();
                PreparedBatch vouchers = h.prepareBatch("""
                        INSERT INTO vouchers (merchant_id, order_id, number, sku_out_id, paid_fen, certificate_id, order_item_id,
                                              pickup_code, state, valid_until, redeemed_at, redeemed_at_store, verify_token,
                                              verify_id, refunded_fen)
                        VALUES (:m, :id, :number, :sku, :paid, :certificate, :item, :code, :state, :validUntil, :redeemedAt,
                                :redeemedAtStore, :verifyToken, :verifyId, :refunded)
                        ON CONFLICT DO NOTHING""");
                s.vouchers().forEach(v -> bindVoucher(vouchers, m, id, v).add());
                for (int count : vouchers.execute()) {
                    if (count == 0) {
                        throw new DomainException(Reason.DUPLICATE, what + ": a pickup code is held by another order");
                    }
                }
            } else {
                int updated = bindOrder(h.createUpdate("""
                                UPDATE orders SET store_id = :store, poi_id = :poi, state = :state,
                                                  issue_requested_at = :issueRequestedAt, issue_deadline = :issueDeadline,
                                                  issue_failure = :issueFailure, attention = :attention, version = version + 1
                                 WHERE merchant_id = :m AND order_id = :id AND version = :v"""), s, order)
                        .bind("v", s.version())
                        .execute();
                if (updated == 0) {
                    throw Sql.stale(what, s.version());
                }
                PreparedBatch vouchers = h.prepareBatch("""
                        UPDATE vouchers SET certificate_id = :certificate, order_item_id = :item, pickup_code = :code,
                                            state = :state, valid_until = :validUntil, redeemed_at = :redeemedAt,
                                            redeemed_at_store = :redeemedAtStore, verify_token = :verifyToken,
                                            verify_id = :verifyId, refunded_fen = :refunded
                         WHERE merchant_id = :m AND order_id = :id AND number = :number""");
                s.vouchers().forEach(v -> bindVoucher(vouchers, m, id, v).add());
                vouchers.execute();
            }
            History.append(h, "order_history", "order_id", m, id, s.history(), fresh ? Integer.valueOf(0) : storedHistory(order));
            rememberStoredHistory(order, s.history().size());
            return null;
        }));
    }

    /**
     * How many history rows of each order loaded (or saved) in the running transaction are stored: a save then
     * appends past that number without counting the rows again. Keyed by identity: it is this object's history.
     */
    private Map<Order, Integer> storedHistories() {
        return unitOfWork.transactionLocal(this, java.util.IdentityHashMap::new);
    }

    private Integer storedHistory(Order order) {
        Map<Order, Integer> known = storedHistories();
        return known == null ? null : known.get(order);
    }

    private void rememberStoredHistory(Order order, int stored) {
        Map<Order, Integer> known = storedHistories();
        if (known != null) {
            known.put(order, stored);
        }
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindOrder(T statement, Order.Snapshot s, Order order) {
        return statement.bind("m", s.merchant().value()).bind("id", s.id().value()).bind("outId", s.outId().value())
                .bind("store", s.store().value()).bind("poi", s.poi().value())
                .bind("origin", s.amount().origin().fen()).bind("discount", s.amount().discount().fen())
                .bind("pay", s.amount().pay().fen()).bind("state", s.state().name()).bind("createdAt", s.createdAt())
                .bind("issueRequestedAt", s.issueRequestedAt()).bind("issueDeadline", order.issueDeadline().orElse(null))
                .bind("issueFailure", s.issueFailure() == null ? null : s.issueFailure().name())
                .bind("attention", s.attention());
    }

    private static PreparedBatch bindVoucher(PreparedBatch batch, String m, String id, Voucher.Snapshot v) {
        return batch.bind("m", m).bind("id", id).bind("number", v.number()).bind("sku", v.sku().value())
                .bind("paid", v.paid().fen())
                .bind("certificate", v.certificateId() == null ? null : v.certificateId().value())
                .bind("item", v.orderItemId() == null ? null : v.orderItemId().value())
                .bind("code", v.code() == null ? null : v.code().value())
                .bind("state", v.state().name()).bind("validUntil", v.validUntil()).bind("redeemedAt", v.redeemedAt())
                .bind("redeemedAtStore", v.redeemedAtStore() == null ? null : v.redeemedAtStore().value())
                .bind("verifyToken", v.verifyToken()).bind("verifyId", v.verifyId())
                .bind("refunded", v.refunded() == null ? 0L : v.refunded().fen());
    }

    // ---- loading ---------------------------------------------------------------------------------------------------

    private Optional<Order> one(Handle h, String where, Function<Query, Query> binding) {
        List<Order> found = load(h, binding.apply(h.createQuery("SELECT " + ORDER_COLUMNS + " FROM orders o WHERE " + where
                + " ORDER BY o.merchant_id LIMIT 1")));
        return found.stream().findFirst();
    }

    /** Runs the query of order rows, then loads the children of all of them with one query per child table. */
    private List<Order> load(Handle h, Query rowsQuery) {
        List<Row> rows = rowsQuery.map((rs, ctx) -> Row.of(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> ids = keysByMerchant(rows.stream().map(r -> Map.entry(r.merchant, r.id)).toList());
        Map<String, List<OrderLine>> lines = children(h, "order_lines", "line_no", ids, rs -> new OrderLine(
                nullable(rs.getString("douyin_product_id"), DouyinProductId::new),
                nullable(rs.getString("douyin_sku_id"), DouyinSkuId::new),
                new SkuOutId(rs.getString("sku_out_id")), rs.getInt("item_count"), Money.fen(rs.getLong("unit_fen"))));
        Map<String, List<Voucher.Snapshot>> vouchers = children(h, "vouchers", "number", ids, rs -> new Voucher.Snapshot(
                rs.getInt("number"), new SkuOutId(rs.getString("sku_out_id")), Money.fen(rs.getLong("paid_fen")),
                nullable(rs.getString("certificate_id"), CertificateId::new),
                nullable(rs.getString("order_item_id"), OrderItemId::new),
                nullable(rs.getString("pickup_code"), PickupCode::new),
                VoucherState.valueOf(rs.getString("state")), instant(rs, "valid_until"), instant(rs, "redeemed_at"),
                nullable(rs.getString("redeemed_at_store"), StoreId::new), rs.getString("verify_token"),
                rs.getString("verify_id"), Money.fen(rs.getLong("refunded_fen"))));
        Map<String, List<Transition>> history = children(h, "order_history", "seq", ids, History::map);
        List<Order> orders = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String key = r.merchant + "/" + r.id;
            orders.add(Order.reconstitute(new Order.Snapshot(new MerchantId(r.merchant), new DouyinOrderId(r.id),
                    new OrderOutId(r.outId), new StoreId(r.store), new PoiId(r.poi), lines.getOrDefault(key, List.of()),
                    new OrderAmount(Money.fen(r.origin), Money.fen(r.discount), Money.fen(r.pay)),
                    vouchers.getOrDefault(key, List.of()), OrderState.valueOf(r.state), r.createdAt, r.issueRequestedAt,
                    r.issueFailure == null ? null : IssueFailure.valueOf(r.issueFailure), r.attention,
                    history.getOrDefault(key, List.of()), r.version)));
            rememberStoredHistory(orders.get(orders.size() - 1), history.getOrDefault(key, List.of()).size());
        }
        return orders;
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Child rows keyed by "merchant/order", in their order. */
    private static <T> Map<String, List<T>> children(Handle h, String table, String orderColumn,
                                                    Map<String, List<String>> ids, RowMapper<T> mapper) {
        return children(h, table, "order_id", orderColumn, ids, mapper);
    }

    /**
     * Child rows of the given parents keyed by "merchant/parent", in their order; one query per merchant, so the
     * primary key (merchant_id, parent, n) serves it.
     */
    static <T> Map<String, List<T>> children(Handle h, String table, String parentColumn, String orderColumn,
                                             Map<String, List<String>> ids, RowMapper<T> mapper) {
        Map<String, List<T>> byParent = new HashMap<>();
        ids.forEach((merchant, parents) -> h.createQuery("SELECT * FROM " + table + " WHERE merchant_id = :m AND "
                        + parentColumn + " IN (<ids>) ORDER BY " + parentColumn + ", " + orderColumn)
                .bind("m", merchant)
                .bindList("ids", parents)
                .map((rs, ctx) -> Map.entry(merchant + "/" + rs.getString(parentColumn), mapper.map(rs)))
                .forEach(e -> byParent.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
        return byParent;
    }

    static Map<String, List<String>> keysByMerchant(List<Map.Entry<String, String>> keys) {
        Map<String, List<String>> byMerchant = new java.util.LinkedHashMap<>();
        keys.forEach(k -> {
            List<String> ids = byMerchant.computeIfAbsent(k.getKey(), m -> new ArrayList<>());
            if (!ids.contains(k.getValue())) {
                ids.add(k.getValue());
            }
        });
        return byMerchant;
    }

    static <T> T nullable(String value, Function<String, T> make) {
        return value == null ? null : make.apply(value);
    }

    private record Row(String merchant, String id, String outId, String store, String poi, long origin, long discount,
                       long pay, String state, Instant createdAt, Instant issueRequestedAt, String issueFailure,
                       String attention, long version) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString("merchant_id"), rs.getString("order_id"), rs.getString("out_id"),
                    rs.getString("store_id"), rs.getString("poi_id"), rs.getLong("origin_fen"), rs.getLong("discount_fen"),
                    rs.getLong("pay_fen"), rs.getString("state"), instant(rs, "created_at"),
                    instant(rs, "issue_requested_at"), rs.getString("issue_failure"), rs.getString("attention"),
                    rs.getLong("version"));
        }
    }
}
