package dev.tihuo.bootstrap;

import dev.tihuo.application.port.out.Outbox;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * /health, /ready and /metrics on the internal listener. Health says the process answers; readiness says it can do
 * its job: database reachable with migrations applied, outbox lag under the threshold, Douyin reachable or the
 * circuit open (then messages wait, which is fine).
 */
final class OperatorRoutes {
    static final Duration OUTBOX_LAG_THRESHOLD = Duration.ofMinutes(2);

    private OperatorRoutes() {}

    static void mount(Router router, PrometheusMeterRegistry registry, Supplier<Outbox.Backlog> backlog,
                      BooleanSupplier database, Supplier<String> douyin, Clock clock) {
        router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/ready").blockingHandler(ctx -> {
            Map<String, Object> checks = new LinkedHashMap<>();
            boolean ready = true;
            boolean db = safe(database::getAsBoolean);
            checks.put("database", db ? "UP (migrations applied)" : "DOWN");
            ready &= db;
            if (db) {
                Outbox.Backlog b = backlog.get();
                Duration lag = b.oldestPendingAt() == null ? Duration.ZERO : Duration.between(b.oldestPendingAt(), clock.instant());
                boolean lagOk = lag.compareTo(OUTBOX_LAG_THRESHOLD) < 0;
                checks.put("outbox", (lagOk ? "UP" : "LAGGING") + " (pending " + b.pending() + ", parked " + b.parked()
                        + ", oldest " + lag.toSeconds() + " s)");
                ready &= lagOk;
            }
            checks.put("douyin", douyin.get());
            JsonObject body = new JsonObject().put("status", ready ? "UP" : "DOWN").put("checks", new JsonObject(checks));
            ctx.response().setStatusCode(ready ? 200 : 503).putHeader("content-type", "application/json").end(body.encode());
        });
        router.get("/metrics").handler(ctx -> ctx.response()
                .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape()));
    }

    private static boolean safe(BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static long secondsUntil(Instant deadline, Clock clock) {
        return deadline == null ? -1 : Duration.between(clock.instant(), deadline).toSeconds();
    }
}
