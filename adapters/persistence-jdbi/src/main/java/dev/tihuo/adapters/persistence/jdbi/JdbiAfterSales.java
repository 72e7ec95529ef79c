package dev.tihuo.adapters.persistence.jdbi;

import static dev.tihuo.adapters.persistence.jdbi.JavaTimeMapping.instant;
import static dev.tihuo.adapters.persistence.jdbi.JdbiOrders.nullable;

import dev.tihuo.application.port.out.AfterSales;
import dev.tihuo.domain.aftersale.AfterSale;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleKind;
import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.aftersale.RefundDecision;
import dev.tihuo.domain.aftersale.RefundItem;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Transition;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import dev.tihuo.domain.voucher.PickupCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Secondary adapter: after-sales in {@code after_sales} (the merchant's decision in its columns: kind, reason and the
 * late codes of a 补码 rejection, comma-separated), items and history in child tables. Pages are newest first by
 * application time; the cursor is the last after-sale's id.
 */
public final class JdbiAfterSales implements AfterSales {

    private static final String COLUMNS = """
            a.merchant_id, a.after_sale_id, a.kind, a.order_id, a.amount_fen, a.reason, a.state, a.applied_at, a.decision,
            a.decision_reason, a.decision_late_codes, a.version""";

    private final JdbiUnitOfWork unitOfWork;

    public JdbiAfterSales(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public Optional<AfterSale> find(AfterSaleId id) {
        return unitOfWork.inTransaction(h -> load(h, h.createQuery("SELECT " + COLUMNS
                        + " FROM after_sales a WHERE a.after_sale_id = :id ORDER BY a.merchant_id LIMIT 1")
                .bind("id", id.value())).stream().findFirst());
    }

    @Override
    public List<AfterSale> forOrder(DouyinOrderId order) {
        return unitOfWork.inTransaction(h -> load(h, h.createQuery("SELECT " + COLUMNS
                        + " FROM after_sales a WHERE a.order_id = :order ORDER BY a.applied_at, a.after_sale_id")
                .bind("order", order.value())));
    }

    @Override
    public List<AfterSale> list(MerchantId merchant, Set<AfterSaleState> states, String after, int limit) {
        boolean filtered = states != null && !states.isEmpty();
        boolean cursor = after != null && !after.isBlank();
        String sql = "SELECT " + COLUMNS + " FROM after_sales a WHERE a.merchant_id = :m"
                + (filtered ? " AND a.state IN (<states>)" : "")
                + (cursor ? " " + """
                         AND EXISTS (SELECT 1 FROM after_sales c WHERE c.merchant_id = a.merchant_id AND c.after_sale_id = :after
                                      AND (a.applied_at < c.applied_at
                                           OR (a.applied_at = c.applied_at AND a.after_sale_id < c.after_sale_id)))"""
                : "")
                + " ORDER BY a.applied_at DESC, a.after_sale_id DESC LIMIT :limit";
        return unitOfWork.inTransaction(h -> {
            Query q = h.createQuery(sql).bind("m", merchant.value()).bind("limit", Math.max(0, limit));
            if (filtered) {
                q.bindList("states", states.stream().map(Enum::name).toList());
            }
            if (cursor) {
                q.bind("after", after);
            }
            return load(h, q);
        });
    }

    @Override
    public void save(AfterSale afterSale) {
        AfterSale.Snapshot s = afterSale.snapshot();
        String m = s.merchant().value();
        String id = s.id().value();
        String what = "after-sale " + m + "/" + id;
        RefundDecision d = s.decision();
        String decision = d == null ? null
                : d instanceof RefundDecision.Approve ? "APPROVE" : d instanceof RefundDecision.Reject ? "REJECT" : "PENDING";
        String decisionReason = d instanceof RefundDecision.Reject r ? r.reason()
                : d instanceof RefundDecision.Pending p ? p.reason() : null;
        String lateCodes = d instanceof RefundDecision.Reject r
                ? r.lateCodes().stream().map(PickupCode::value).collect(Collectors.joining(",")) : null;
        Sql.saving(what, () -> unitOfWork.inTransaction(h -> {
            boolean fresh = s.version() == 0;
            if (fresh) {
                int inserted = h.createUpdate("""
                                INSERT INTO after_sales (merchant_id, after_sale_id, kind, order_id, amount_fen, reason, state,
                                                         applied_at, decision, decision_reason, decision_late_codes, version)
                                VALUES (:m, :id, :kind, :order, :amount, :reason, :state, :appliedAt, :decision,
                                        :decisionReason, :lateCodes, 1)
                                ON CONFLICT DO NOTHING""")
                        .bind("m", m).bind("id", id).bind("kind", s.kind().name()).bind("order", s.order().value())
                        .bind("amount", s.amount().fen()).bind("reason", s.reason()).bind("state", s.state().name())
                        .bind("appliedAt", s.appliedAt()).bind("decision", decision)
                        .bind("decisionReason", decisionReason).bind("lateCodes", lateCodes)
                        .execute();
                if (inserted == 0) {
                    throw Sql.duplicate(what);
                }
                PreparedBatch items = h.prepareBatch("""
                        INSERT INTO after_sale_items (merchant_id, after_sale_id, position, voucher, order_item_id,
                                                      certificate_id, amount_fen)
                        VALUES (:m, :id, :position, :voucher, :item, :certificate, :amount)""");
                for (int i = 0; i < s.items().size(); i++) {
                    RefundItem item = s.items().get(i);
                    items.bind("m", m).bind("id", id).bind("position", i).bind("voucher", item.voucher())
                            .bind("item", item.item() == null ? null : item.item().value())
                            .bind("certificate", item.certificate() == null ? null : item.certificate().value())
                            .bind("amount", item.amount().fen())
                            .add();
                }
                if (!s.items().isEmpty()) {
                    items.execute();
                }
            } else {
                int updated = h.createUpdate("""
                                UPDATE after_sales SET state = :state, decision = :decision, decision_reason = :decisionReason,
                                                       decision_late_codes = :lateCodes, version = version + 1
                                 WHERE merchant_id = :m AND after_sale_id = :id AND version = :v""")
                        .bind("m", m).bind("id", id).bind("state", s.state().name()).bind("decision", decision)
                        .bind("decisionReason", decisionReason).bind("lateCodes", lateCodes).bind("v", s.version())
                        .execute();
                if (updated == 0) {
                    throw Sql.stale(what, s.version());
                }
            }
            History.append(h, "after_sale_history", "after_sale_id", m, id, s.history(), fresh ? Integer.valueOf(0) : null);
            return null;
        }));
    }

    private static List<AfterSale> load(Handle h, Query rowsQuery) {
        List<Row> rows = rowsQuery.map((rs, ctx) -> Row.of(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> ids = JdbiOrders.keysByMerchant(rows.stream().map(r -> Map.entry(r.merchant, r.id)).toList());
        Map<String, List<RefundItem>> items = JdbiOrders.children(h, "after_sale_items", "after_sale_id", "position", ids, rs -> new RefundItem(
                rs.getInt("voucher"), nullable(rs.getString("order_item_id"), OrderItemId::new),
                nullable(rs.getString("certificate_id"), CertificateId::new), Money.fen(rs.getLong("amount_fen"))));
        Map<String, List<Transition>> history = JdbiOrders.children(h, "after_sale_history", "after_sale_id", "seq", ids,
                History::map);
        List<AfterSale> sales = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String key = r.merchant + "/" + r.id;
            sales.add(AfterSale.reconstitute(new AfterSale.Snapshot(new MerchantId(r.merchant), new AfterSaleId(r.id),
                    AfterSaleKind.valueOf(r.kind), new DouyinOrderId(r.order), items.getOrDefault(key, List.of()),
                    Money.fen(r.amount), r.reason, AfterSaleState.valueOf(r.state), r.decision(), r.appliedAt,
                    history.getOrDefault(key, List.of()), r.version)));
        }
        return sales;
    }

    private record Row(String merchant, String id, String kind, String order, long amount, String reason, String state,
                       Instant appliedAt, String decisionKind, String decisionReason, String lateCodes, long version) {
        static Row of(ResultSet rs) throws SQLException {
            return new Row(rs.getString("merchant_id"), rs.getString("after_sale_id"), rs.getString("kind"),
                    rs.getString("order_id"), rs.getLong("amount_fen"), rs.getString("reason"), rs.getString("state"),
                    instant(rs, "applied_at"), rs.getString("decision"), rs.getString("decision_reason"),
                    rs.getString("decision_late_codes"), rs.getLong("version"));
        }

        RefundDecision decision() {
            if (decisionKind == null) {
                return null;
            }
            return switch (decisionKind) {
                case "APPROVE" -> new RefundDecision.Approve();
                case "PENDING" -> new RefundDecision.Pending(decisionReason);
                default -> new RefundDecision.Reject(decisionReason, lateCodes == null || lateCodes.isEmpty() ? List.of()
                        : Arrays.stream(lateCodes.split(",")).map(PickupCode::new).toList());
            };
        }
    }
}
