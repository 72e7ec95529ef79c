package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.domain.voucher.PickupCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * The yardstick of both benchmarks ({@link PersistenceBenchmark} here, {@code Ceilings} in features/bench): the rows
 * tihuo writes for one S1+S4 pair (order, line, voucher, two history rows, stock reservation, coalesced stock push,
 * two idempotency records, order + voucher update with the code) written with prepared statements and no read.
 * One instance per connection; the connection is switched to manual commit while the writer is open. Its commits are
 * as durable as tihuo's: on an H2 file that tihuo group-commits, each waits for the same {@link GroupCommit}.
 */
public final class RawPairWriter implements AutoCloseable {

    /** Where the pairs are sold: an existing store stock row, and the pending outbox row the pushes coalesce into. */
    public record Shop(String merchant, String store, String poi, String douyinProduct, String douyinSku, String sku,
                       long unitFen, String pushKey) {}

    private final Connection connection;
    private final Shop shop;
    private final Random codes = new Random();
    private final PreparedStatement order;
    private final PreparedStatement line;
    private final PreparedStatement voucher;
    private final PreparedStatement history;
    private final PreparedStatement stock;
    private final PreparedStatement push;
    private final PreparedStatement record;
    private final PreparedStatement issueOrder;
    private final PreparedStatement issueVoucher;
    private final GroupCommit groupCommit;

    /** {@code connection} from {@code database}'s pool, whose durability the writer's commits share. */
    public RawPairWriter(Connection connection, Shop shop, Database database) throws SQLException {
        this.connection = connection;
        this.shop = shop;
        this.groupCommit = database.unitOfWork().groupCommit().orElse(null);
        connection.setAutoCommit(false);
        order = connection.prepareStatement("""
                INSERT INTO orders (merchant_id, order_id, out_id, store_id, poi_id, origin_fen, discount_fen, pay_fen,
                                    state, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'CREATED', ?, 1)""");
        line = connection.prepareStatement("""
                INSERT INTO order_lines (merchant_id, order_id, line_no, douyin_product_id, douyin_sku_id, sku_out_id,
                                         item_count, unit_fen) VALUES (?, ?, 0, ?, ?, ?, 1, ?)""");
        voucher = connection.prepareStatement("""
                INSERT INTO vouchers (merchant_id, order_id, number, sku_out_id, paid_fen, state, refunded_fen)
                VALUES (?, ?, 1, ?, ?, 'PENDING_ISSUE', 0)""");
        history = connection.prepareStatement("""
                INSERT INTO order_history (merchant_id, order_id, seq, from_state, to_state, cause, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""");
        stock = connection.prepareStatement("""
                UPDATE store_stock SET reserved = reserved + 1, version = version + 1
                 WHERE merchant_id = ? AND store_id = ? AND sku_out_id = ?""");
        push = connection.prepareStatement("UPDATE outbox_message SET payload = ? WHERE pending_coalesce_key = ?");
        record = connection.prepareStatement("""
                INSERT INTO idempotency_record (account_id, operation, idempotency_key, request_fingerprint, answer,
                                                created_at) VALUES (?, ?, ?, ?, ?, ?)""");
        issueOrder = connection.prepareStatement("""
                UPDATE orders SET state = 'ISSUED', version = version + 1
                 WHERE merchant_id = ? AND order_id = ? AND version = 1""");
        issueVoucher = connection.prepareStatement("""
                UPDATE vouchers SET pickup_code = ?, state = 'VALID', valid_until = ?
                 WHERE merchant_id = ? AND order_id = ? AND number = 1""");
    }

    /**
     * Writes one pair for the new order {@code orderId} and commits: once for the pair, or with
     * {@code commitPerCall} once after the S1 rows and once after the S4 rows, as the protocol needs them (each SPI
     * call durable before it is answered). Rolls back and rethrows on failure.
     */
    public void write(String orderId, boolean commitPerCall) throws SQLException {
        String m = shop.merchant();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            run(order, m, orderId, "R" + orderId, shop.store(), shop.poi(), shop.unitFen(), shop.unitFen(), now);
            run(line, m, orderId, shop.douyinProduct(), shop.douyinSku(), shop.sku(), shop.unitFen());
            run(voucher, m, orderId, shop.sku(), shop.unitFen());
            run(history, m, orderId, 0, null, "CREATED", "create order", now);
            run(stock, m, shop.store(), shop.sku());
            run(push, "{\"available\":1}", shop.pushKey());
            run(record, m, "create-order", orderId, "f", "{\"orderOutId\":\"R" + orderId + "\"}", now);
            if (commitPerCall) {
                commit(); // S1 answered
            }
            run(issueOrder, m, orderId);
            run(issueVoucher, PickupCode.generate(codes).value(), now.plus(Duration.ofDays(30)), m, orderId);
            run(history, m, orderId, 1, "CREATED", "ISSUED", "codes issued", now);
            run(record, m, "issue-codes", orderId, "f", "{\"result\":1}", now);
            commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private void commit() throws SQLException {
        if (groupCommit == null) {
            connection.commit();
            return;
        }
        groupCommit.awaitOnDisk(groupCommit.end(true, () -> {
            try {
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("commit failed", e);
            }
        }));
    }

    private static void run(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.executeUpdate();
    }

    /** Closes the statements and gives the connection back its auto-commit; the caller closes the connection. */
    @Override
    public void close() throws SQLException {
        for (PreparedStatement s : List.of(order, line, voucher, history, stock, push, record, issueOrder, issueVoucher)) {
            s.close();
        }
        connection.setAutoCommit(true);
    }
}
