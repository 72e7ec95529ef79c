package dev.tihuo.adapters.persistence.jdbi;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.OutboxMessage;
import java.time.Instant;
import java.util.List;

/**
 * Child process of the kill drill: commits "state change + outbox + idempotency record" units of
 * work in a loop on several threads, and prints each unit's id to stdout only after its commit returned.
 *
 * <p>Arguments: data directory, number of threads, and optionally H2 URL settings that replace tihuo's
 * (e.g. {@code WRITE_DELAY=500} to measure H2's default).
 */
public final class DurabilityProbe {

    /** Ends every acknowledgement so the parent can tell a complete line from one cut by the kill. */
    static final String ACK_END = ".";

    private DurabilityProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        String settings = args.length > 2 ? args[2] : "";
        PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 12),
                false, StandardCharsets.US_ASCII);
        Database database = Database.open(config(dataDirectory, settings));
        // Ids unique to this child: a second child on the same file must not repeat the first one's keys
        // (a second idempotency record of one key is refused as DUPLICATE).
        String run = Long.toString(ProcessHandle.current().pid(), 36) + Long.toString(System.nanoTime() % 1_000_000, 36);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread writer = new Thread(() -> {
                for (long i = 0; ; i++) {
                    String id = run + "-t" + thread + "-" + i;
                    commitOneUnit(database, id);
                    synchronized (out) {
                        out.print(id);
                        out.print(ACK_END + "\n");
                        out.flush();
                    }
                }
            }, "probe-writer-" + t);
            writer.start();
        }
        Thread.currentThread().join();
    }

    static DatabaseConfig config(Path dataDirectory, String settings) {
        DatabaseConfig durable = DatabaseConfig.h2(dataDirectory);
        return settings.isBlank() ? durable
                : DatabaseConfig.of(durable.jdbcUrl() + ";" + settings, durable.user(), durable.password());
    }

    static void commitOneUnit(Database database, String id) {
        Instant now = Instant.now();
        JdbiUnitOfWork unitOfWork = database.unitOfWork();
        unitOfWork.run(() -> {
            new JdbiIdempotencyRecords(unitOfWork).save("acc-probe", "probe", id, "f", new Probe(true), now);
            new JdbiOutbox(unitOfWork).append(OutboxMessage.of("acc-probe",
                    new DouyinCall.RefundAudit(id, id, id, true, 0, null, List.of()), id, null, now, null));
            new JdbiWebhookInbox(unitOfWork).recordFirstDelivery(id, now);
        });
    }

    /** The answer the probe remembers. */
    record Probe(boolean ok) {}
}
