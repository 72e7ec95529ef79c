package dev.tihuo.adapters.douyin.openapi.outbox;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;

/**
 * How the worker paces itself. Back-off after a transient failure: exponential with jitter
 * ({@link IntervalFunction#ofExponentialRandomBackoff}) from {@code firstRetry} by {@code multiplier} up to
 * {@code maxRetry}; messages with a deadline (O1) never wait longer than {@code deadlineMaxRetry} between attempts and
 * are reported at risk when less than {@code atRisk} is left.
 */
public record DeliveryPolicy(int batchSize, int stockBatchSize, Duration lease, Duration pollEvery,
                             Duration firstRetry, double multiplier, double jitter, Duration maxRetry,
                             Duration deadlineMaxRetry, Duration atRisk) {

    /** 50 a batch, 100 stock entries a call, 60 s lease, poll every second, 1 s ×2 ±50 % up to 5 min (15 s with a deadline), 2 min risk. */
    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(50, 100, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(1), 2.0, 0.5,
                Duration.ofMinutes(5), Duration.ofSeconds(15), Duration.ofMinutes(2));
    }

    IntervalFunction backoff() {
        return IntervalFunction.ofExponentialRandomBackoff(firstRetry.toMillis(), multiplier, jitter, maxRetry.toMillis());
    }
}
