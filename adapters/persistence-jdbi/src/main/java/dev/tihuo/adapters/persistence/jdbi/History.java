package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.domain.shared.Transition;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * An aggregate's history rows ({@code order_history}, {@code after_sale_history}): append-only, numbered from 0.
 * A save appends the transitions past the number already stored: {@code stored} when the caller knows it (it loaded
 * the aggregate in this transaction), counted otherwise.
 */
final class History {

    private History() {
    }

    static void append(Handle h, String table, String keyColumn, String merchant, String id, List<Transition> history,
                       Integer known) {
        int stored = known != null ? known : h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE merchant_id = :m AND " + keyColumn + " = :id")
                .bind("m", merchant).bind("id", id).mapTo(Integer.class).one();
        if (stored >= history.size()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO " + table + " (merchant_id, " + keyColumn
                + ", seq, from_state, to_state, cause, at) VALUES (:m, :id, :seq, :from, :to, :cause, :at)");
        for (int i = stored; i < history.size(); i++) {
            Transition t = history.get(i);
            batch.bind("m", merchant).bind("id", id).bind("seq", i).bind("from", t.from()).bind("to", t.to())
                    .bind("cause", t.cause()).bind("at", t.at()).add();
        }
        batch.execute();
    }

    static Transition map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Transition(rs.getString("from_state"), rs.getString("to_state"), rs.getString("cause"),
                JavaTimeMapping.instant(rs, "at"));
    }
}
