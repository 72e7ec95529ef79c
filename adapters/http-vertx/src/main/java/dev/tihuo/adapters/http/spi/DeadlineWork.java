package dev.tihuo.adapters.http.spi;

import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs blocking work for one exchange on the worker pool (never the event loop), carrying the MDC across the
 * thread hop, and races it against a deadline: whichever comes first answers; the loser is dropped by
 * {@link SpiExchange#answer}.
 */
public final class DeadlineWork {
    private final Vertx vertx;
    private final WorkerExecutor workers;

    public DeadlineWork(Vertx vertx, WorkerExecutor workers) {
        this.vertx = vertx;
        this.workers = workers;
    }

    /**
     * @param deadlineMillis measured from the request's arrival
     * @param onDeadline     runs on the event loop if the deadline passes first
     * @param onResult       runs on the event loop with the work's outcome (it may come after the deadline)
     */
    public <T> void run(SpiExchange exchange, long deadlineMillis, Callable<T> work, Runnable onDeadline,
                        Handler<AsyncResult<T>> onResult) {
        long remaining = Math.max(1, deadlineMillis - exchange.elapsedMillis());
        Map<String, String> mdc = exchange.mdc();
        long timer = vertx.setTimer(remaining, id -> {
            try (SpiExchange.MdcScope ignored = SpiExchange.MdcScope.enter(mdc)) {
                onDeadline.run();
            }
        });
        workers.<T>executeBlocking(() -> {
            try (SpiExchange.MdcScope ignored = SpiExchange.MdcScope.enter(mdc)) {
                return work.call();
            }
        }, false).onComplete(ar -> {
            vertx.cancelTimer(timer);
            try (SpiExchange.MdcScope ignored = SpiExchange.MdcScope.enter(mdc)) {
                onResult.handle(ar);
            }
        });
    }
}
