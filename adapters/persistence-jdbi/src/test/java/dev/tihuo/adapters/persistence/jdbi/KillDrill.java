package dev.tihuo.adapters.persistence.jdbi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link DurabilityProbe} in a child JVM, kills it with SIGKILL while it commits, reopens the
 * database and reports which acknowledged units of work are missing.
 */
final class KillDrill {

    record Outcome(int exitCode, Set<String> acknowledged, List<String> missing) {
        boolean killedBySigkill() {
            return exitCode == 128 + 9;
        }
    }

    private KillDrill() {
    }

    static Outcome run(Path dataDirectory, int threads, Duration writing, String settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath(), DurabilityProbe.class.getName(),
                dataDirectory.toString(), Integer.toString(threads)));
        if (!settings.isBlank()) {
            command.add(settings);
        }
        Process child = new ProcessBuilder(command)
                .redirectError(dataDirectory.resolveSibling(dataDirectory.getFileName() + "-probe.log").toFile())
                .start();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Thread reader = new Thread(() -> readAcks(child, acknowledged), "kill-drill-reader");
        reader.start();
        try {
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 100 && System.nanoTime() < waitUntil && child.isAlive()) {
                Thread.sleep(20);
            }
            if (!child.isAlive()) {
                throw new IllegalStateException("the probe died on its own (exit " + child.exitValue()
                        + "); see the -probe.log next to " + dataDirectory);
            }
            Thread.sleep(writing.toMillis());
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux: checked through the exit code
        }
        int exitCode = child.waitFor();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        return new Outcome(exitCode, Set.copyOf(acknowledged), missingAfterReopen(dataDirectory, settings, acknowledged));
    }

    private static void readAcks(Process child, Set<String> acknowledged) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.endsWith(DurabilityProbe.ACK_END)) {
                    acknowledged.add(line.substring(0, line.length() - DurabilityProbe.ACK_END.length()));
                }
            }
        } catch (IOException e) {
            // the pipe closes when the child dies
        }
    }

    /** Acknowledged ids whose inbox row, outbox message or idempotency record did not survive. */
    private static List<String> missingAfterReopen(Path dataDirectory, String settings, Set<String> acknowledged) {
        try (Database database = Database.open(DurabilityProbe.config(dataDirectory, settings))) {
            return database.jdbi().withHandle(handle -> {
                Set<String> inbox = new HashSet<>(handle.createQuery("SELECT msg_id FROM webhook_inbox").mapTo(String.class).list());
                Set<String> outbox = new HashSet<>(handle.createQuery("SELECT dedupe_key FROM outbox_message").mapTo(String.class).list());
                Set<String> records = new HashSet<>(handle.createQuery(
                        "SELECT idempotency_key FROM idempotency_record").mapTo(String.class).list());
                List<String> missing = new ArrayList<>();
                for (String id : acknowledged) {
                    if (!inbox.contains(id) || !outbox.contains(id) || !records.contains(id)) {
                        missing.add(id);
                    }
                }
                return missing;
            });
        }
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Drill by hand: {@code KillDrill <durable|default> <cycles> <seconds> <threads>}; prints losses per cycle. */
    public static void main(String[] args) throws Exception {
        String settings = "default".equals(args[0]) ? "WRITE_DELAY=500" : "";
        int cycles = Integer.parseInt(args[1]);
        Duration writing = Duration.ofSeconds(Long.parseLong(args[2]));
        int threads = Integer.parseInt(args[3]);
        Path root = java.nio.file.Files.createTempDirectory("tihuo-kill-drill-");
        long acked = 0;
        long lost = 0;
        for (int cycle = 1; cycle <= cycles; cycle++) {
            Outcome outcome = run(root.resolve("data"), threads, writing, settings);
            acked += outcome.acknowledged().size();
            lost += outcome.missing().size();
            System.out.printf("%s cycle %d: exit %d, acknowledged %d, lost %d%n",
                    args[0], cycle, outcome.exitCode(), outcome.acknowledged().size(), outcome.missing().size());
        }
        System.out.printf("%s total: acknowledged %d, lost %d%n", args[0], acked, lost);
        H2TestDatabase.deleteRecursively(root);
    }
}
