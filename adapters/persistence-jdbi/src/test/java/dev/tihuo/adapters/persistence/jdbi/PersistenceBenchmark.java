package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.memory.RecordingDouyin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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


    private PersistenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String which = args.length > 2 ? args[2] : "both";
        System.out.printf("load average before: %s%n", loadAverage());
        if (!which.equals("pg")) {
            run("H2 file, durable (group commit)", H2TestDatabase::new, rounds, seconds);
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

    /** The rows of one pair ({@link RawPairWriter}), one transaction per pair. */
    private static long pairsRaw(JdbiPersistence persistence, long[] next, int max, Duration limit) throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        long done = 0;
        RawPairWriter.Shop shop = new RawPairWriter.Shop(JdbiTihuo.MERCHANT.value(), JdbiTihuo.STORE.value(),
                JdbiTihuo.POI.value(), JdbiTihuo.DOUYIN_PRODUCT.value(), JdbiTihuo.DOUYIN_SKU.value(),
                JdbiTihuo.SKU.value(), JdbiTihuo.PRICE, "stock:raw");
        try (Connection c = persistence.database().dataSource().getConnection();
             RawPairWriter writer = new RawPairWriter(c, shop, persistence.database())) {
            while (done < max && System.nanoTime() < deadline) {
                writer.write("29%017d".formatted(next[0]++), false);
                done++;
            }
        }
        return done;
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
