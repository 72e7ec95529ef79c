package dev.tihuo.bootstrap;

import dev.tihuo.application.port.in.operations.DeliverOutbox;
import dev.tihuo.application.port.in.operations.FinishIssuing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work: outbox workers that deliver to Douyin, and the issue follow-up that sends codes through the
 * callback and notices lapsed windows. Each runs on its own thread; on stop each finishes its current message first.
 */
final class Schedules implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);
    private static final Duration ISSUE_TICK = Duration.ofMillis(500);

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads;
    private final List<Runnable> loops = new ArrayList<>();

    Schedules(DeliverOutbox outbox, FinishIssuing issuing, int workers, int batch, Duration poll, String instance) {
        threads = Executors.newFixedThreadPool(workers + 1, r -> {
            Thread t = new Thread(r);
            t.setName("tihuo-background-" + t.getId());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < workers; i++) {
            String owner = instance + "/outbox-" + i;
            loops.add(() -> loop("outbox " + owner, poll, () -> outbox.deliverDue(owner, batch)));
        }
        loops.add(() -> loop("issue follow-up", ISSUE_TICK, () -> issuing.issuePending(100) + issuing.lapseExpired(100)));
    }

    void start() {
        loops.forEach(threads::submit);
    }

    /** Runs {@code work} again at once while it finds something to do, else waits {@code idle}. */
    private void loop(String name, Duration idle, java.util.function.IntSupplier work) {
        while (running.get()) {
            int done;
            try {
                done = work.getAsInt();
            } catch (RuntimeException e) {
                LOG.error("{} failed; trying again shortly", name, e);
                done = 0;
            }
            if (done == 0) {
                sleep(idle);
            }
        }
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    /** Lets each loop finish the message it holds, within {@code bound}. */
    void stop(Duration bound) {
        running.set(false);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("background work did not stop within {}; its claimed messages return after their lease", bound);
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
