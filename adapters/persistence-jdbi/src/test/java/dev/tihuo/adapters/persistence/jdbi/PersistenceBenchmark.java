package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.memory.RecordingDouyin;
import dev.tihuo.domain.voucher.PickupCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Benchmark harness (a main, not a test): transactions per second of "create order + issue codes" through the
 * application services on this adapter ({@code OrderService.create} then {@code IssuingService.issue}, two units of
 * work as two SPI calls would be), beside the same rows written with raw JDBC in one transaction per pair. One
 * thread, so it measures the cost of a pair, not the database's concurrency. Prints each round and the medians.
 *
 * <p>{@code PersistenceBenchmark [rounds] [seconds per round] [h2|pg|both]}; rounds of each mode are interleaved.
 */
public final class PersistenceBenchmark {

    private static final Random CODES = new Random(5);

    private PersistenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String which = args.length > 2 ? args[2] : "both";
        System.out.printf("load average before: %s%n", loadAverage());
        if (!which.equals("pg")) {
            run("H2 file, durable (WRITE_DELAY=0)", H2TestDatabase::new, rounds, seconds);
        }
        if (!which.equals("h2")) {
            run("PostgreSQL 15 local (synchronous_commit=on)", PostgresTestDatabase::new, rounds, seconds);
        }
        System.out.printf("load average after: %s%n", loadAverage());
    }

    private static void run(String name, Supplier<TestDatabase> factory, int rounds, int seconds) throws Exception {
        try (TestDatabase store = factory.get()) {
            JdbiPersistence persistence = JdbiPersistence.over(store.open(), java.time.Clock.systemUTC());
            JdbiTihuo app = new JdbiTihuo(persistence, new RecordingDouyin(), 11);
            app.openShop(10_000_000);
            persistence.outbox().append(dev.tihuo.application.port.out.OutboxMessage.of(JdbiTihuo.MERCHANT.value(),
                    new dev.tihuo.application.port.out.DouyinCall.StockPush(JdbiTihuo.MERCHANT.value(), "p", "s", "SKU-A",
                            "poi", 1), "stock:raw", "stock:raw", Instant.now(), null));
            // A stock push per order coalesces into one pending outbox row, as in production between deliveries.
            long[] next = {0};
            double[] services = new double[rounds];
            double[] raw = new double[rounds];
            pairsViaServices(app, next, 200); // warm-up
            pairsRaw(persistence, next, 200, Duration.ofSeconds(60));
            for (int r = 0; r < rounds; r++) {
                services[r] = rate(() -> pairsViaServices(app, next, Integer.MAX_VALUE, Duration.ofSeconds(seconds)), seconds);
                raw[r] = rate(() -> pairsRaw(persistence, next, Integer.MAX_VALUE, Duration.ofSeconds(seconds)), seconds);
                System.out.printf("%s round %d: services %.0f pairs/s, raw JDBC %.0f pairs/s (load %s)%n",
                        name, r + 1, services[r], raw[r], loadAverage());
            }
            double s = median(services);
            double j = median(raw);
            System.out.printf("%s: median services %.0f pairs/s %s, raw JDBC %.0f pairs/s %s, raw/services %.2f%n",
                    name, s, range(services), j, range(raw), j / s);
        }
    }

    interface Work {
        long run() throws Exception;
    }

    private static double rate(Work work, int seconds) throws Exception {
        long started = System.nanoTime();
        long pairs = work.run();
        return pairs / ((System.nanoTime() - started) / 1e9);
    }

    private static long pairsViaServices(JdbiTihuo app, long[] next, int max) {
        return pairsViaServices(app, next, max, Duration.ofMinutes(10));
    }

    private static long pairsViaServices(JdbiTihuo app, long[] next, int max, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long done = 0;
        while (done < max && System.nanoTime() < deadline) {
            String order = "19%017d".formatted(next[0]++);
            app.orders.create(JdbiTihuo.createOrder(order, 1));
            app.issuing.issue(JdbiTihuo.issueRequest(order));
            done++;
        }
        return done;
    }

    /** The rows of one pair: order, line, voucher, 2 history rows, stock, coalesced push, 2 idempotency records. */
    private static long pairsRaw(JdbiPersistence persistence, long[] next, int max, Duration limit) throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        long done = 0;
        try (Connection c = persistence.database().dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement order = c.prepareStatement("""
                         INSERT INTO orders (merchant_id, order_id, out_id, store_id, poi_id, origin_fen, discount_fen, pay_fen,
                                             state, created_at, version) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'CREATED', ?, 1)""");
                 PreparedStatement line = c.prepareStatement("""
                         INSERT INTO order_lines (merchant_id, order_id, line_no, douyin_product_id, douyin_sku_id, sku_out_id,
                                                  item_count, unit_fen) VALUES (?, ?, 0, ?, ?, ?, 1, ?)""");
                 PreparedStatement voucher = c.prepareStatement("""
                         INSERT INTO vouchers (merchant_id, order_id, number, sku_out_id, paid_fen, state, refunded_fen)
                         VALUES (?, ?, 1, ?, ?, 'PENDING_ISSUE', 0)""");
                 PreparedStatement history = c.prepareStatement("""
                         INSERT INTO order_history (merchant_id, order_id, seq, from_state, to_state, cause, at)
                         VALUES (?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement stock = c.prepareStatement("""
                         UPDATE store_stock SET reserved = reserved + 1, version = version + 1
                          WHERE merchant_id = ? AND store_id = ? AND sku_out_id = ?""");
                 PreparedStatement push = c.prepareStatement("""
                         UPDATE outbox_message SET payload = ? WHERE pending_coalesce_key = ?""");
                 PreparedStatement record = c.prepareStatement("""
                         INSERT INTO idempotency_record (account_id, operation, idempotency_key, request_fingerprint, answer,
                                                         created_at) VALUES (?, ?, ?, ?, ?, ?)""");
                 PreparedStatement issueOrder = c.prepareStatement("""
                         UPDATE orders SET state = 'ISSUED', version = version + 1
                          WHERE merchant_id = ? AND order_id = ? AND version = 1""");
                 PreparedStatement issueVoucher = c.prepareStatement("""
                         UPDATE vouchers SET pickup_code = ?, state = 'VALID', valid_until = ?
                          WHERE merchant_id = ? AND order_id = ? AND number = 1""")) {
                String m = JdbiTihuo.MERCHANT.value();
                while (done < max && System.nanoTime() < deadline) {
                    String id = "29%017d".formatted(next[0]++);
                    Timestamp now = Timestamp.from(Instant.now());
                    set(order, m, id, "R" + id, JdbiTihuo.STORE.value(), JdbiTihuo.POI.value(), JdbiTihuo.PRICE, JdbiTihuo.PRICE, now);
                    order.executeUpdate();
                    set(line, m, id, JdbiTihuo.DOUYIN_PRODUCT.value(), JdbiTihuo.DOUYIN_SKU.value(), JdbiTihuo.SKU.value(), JdbiTihuo.PRICE);
                    line.executeUpdate();
                    set(voucher, m, id, JdbiTihuo.SKU.value(), JdbiTihuo.PRICE);
                    voucher.executeUpdate();
                    set(history, m, id, 0, null, "CREATED", "create order", now);
                    history.executeUpdate();
                    set(stock, m, JdbiTihuo.STORE.value(), JdbiTihuo.SKU.value());
                    stock.executeUpdate();
                    set(push, "{\"available\":1}", "stock:raw");
                    push.executeUpdate();
                    set(record, m, "create-order", id, "f", "{\"orderOutId\":\"R" + id + "\"}", now);
                    record.executeUpdate();
                    set(issueOrder, m, id);
                    issueOrder.executeUpdate();
                    set(issueVoucher, PickupCode.generate(CODES).value(), Timestamp.from(Instant.now().plus(Duration.ofDays(30))), m, id);
                    issueVoucher.executeUpdate();
                    set(history, m, id, 1, "CREATED", "ISSUED", "codes issued", now);
                    history.executeUpdate();
                    set(record, m, "issue-codes", id, "f", "{\"result\":1}", now);
                    record.executeUpdate();
                    c.commit();
                    done++;
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return done;
    }

    private static void set(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Timestamp t) {
                statement.setObject(i + 1, t.toInstant().atOffset(java.time.ZoneOffset.UTC));
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String range(double[] values) {
        List<String> all = new ArrayList<>();
        for (double v : values) {
            all.add("%.0f".formatted(v));
        }
        return "[" + String.join(", ", all) + "]";
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
