package dev.tihuo.adapters.persistence.jdbi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Harness, not a test: commits per second of one unit of work (idempotency record + outbox message +
 * inbox row) on H2 with its default write delay and with tihuo's durable settings, and on PostgreSQL
 * when it answers. Modes alternate within each run so machine load spreads evenly; medians are printed.
 *
 * <p>{@code java -cp target/test-classes:target/classes:<deps> dev.tihuo.adapters.persistence.jdbi.DurabilityCost [runs] [seconds] [threads...]}
 */
public final class DurabilityCost {

    private DurabilityCost() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Integer> threadCounts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            threadCounts.add(Integer.parseInt(args[i]));
        }
        if (threadCounts.isEmpty()) {
            threadCounts = List.of(1, 4);
        }
        boolean postgres = !new PostgresAvailable().evaluateExecutionCondition(null).isDisabled();
        Map<String, List<Double>> results = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            for (int threads : threadCounts) {
                measure(results, "H2 default (WRITE_DELAY=500)", threads, seconds, run, () -> h2("WRITE_DELAY=500"));
                measure(results, "H2 durable, each commit (WRITE_DELAY=0)", threads, seconds, run, () -> h2("WRITE_DELAY=0"));
                measure(results, "H2 durable, group commit (tihuo's)", threads, seconds, run, () -> h2(""));
                if (postgres) {
                    measure(results, "PostgreSQL 15 (synchronous_commit on)", threads, seconds, run, PostgresTestDatabase::new);
                }
            }
        }
        System.out.println();
        System.out.println("median commits/s over " + runs + " runs of " + seconds + " s:");
        results.forEach((name, values) -> System.out.printf("  %-55s %8.0f   (runs: %s)%n", name, median(values), values));
    }

    private interface Opener {
        TestDatabase open() throws Exception;
    }

    private static TestDatabase h2(String settings) throws Exception {
        Path directory = Files.createTempDirectory("tihuo-cost-");
        return new TestDatabase() {
            @Override
            DatabaseConfig config() {
                return DurabilityProbe.config(directory.resolve("data"), settings);
            }

            @Override
            String describe() {
                return "H2 " + settings;
            }

            @Override
            void removeData() throws Exception {
                H2TestDatabase.deleteRecursively(directory);
            }
        };
    }

    private static void measure(Map<String, List<Double>> results, String name, int threads, int seconds, int run,
                                Opener opener) throws Exception {
        try (TestDatabase store = opener.open()) {
            Database database = store.open();
            rate(database, threads, 1, "warm-" + run); // warm-up
            double rate = rate(database, threads, seconds, "run-" + run);
            String key = name + ", " + threads + " thread(s)";
            results.computeIfAbsent(key, k -> new ArrayList<>()).add((double) Math.round(rate));
            String perWrite = database.unitOfWork().groupCommit()
                    .map(g -> String.format("   %.1f transactions per file write", (double) g.writes() / Math.max(1, g.flushes())))
                    .orElse("");
            System.out.printf("run %d  %-55s %8.0f commits/s%s%n", run, key, rate, perWrite);
        }
    }

    private static double rate(Database database, int threads, int seconds, String prefix) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong commits = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String idPrefix = prefix + "-t" + t + "-";
            Thread writer = new Thread(() -> {
                for (long i = 0; !stop.get(); i++) {
                    DurabilityProbe.commitOneUnit(database, idPrefix + i);
                    commits.incrementAndGet();
                }
            });
            writers.add(writer);
        }
        long start = System.nanoTime();
        writers.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread writer : writers) {
            writer.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return commits.get() / elapsed;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
