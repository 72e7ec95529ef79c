package dev.tihuo.adapters.http.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the SPI pipeline. Defaults: prefix {@code /spi}, body limit 256 KiB, replay window 15 minutes (D11),
 * deadline 5 s (Douyin gives up after 8 s), 8 worker threads, system UTC clock.
 */
public record SpiSettings(String pathPrefix, long bodyLimitBytes, Duration timestampWindow, Duration deadline,
                          int workerPoolSize, Clock clock) {
    public static final long DEFAULT_BODY_LIMIT = 256 * 1024;

    public SpiSettings {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (!pathPrefix.isEmpty() && (!pathPrefix.startsWith("/") || pathPrefix.endsWith("/"))) {
            throw new IllegalArgumentException("pathPrefix must be empty or like /spi: " + pathPrefix);
        }
        if (bodyLimitBytes <= 0 || workerPoolSize <= 0) {
            throw new IllegalArgumentException("body limit and worker pool size must be positive");
        }
        if (timestampWindow.isNegative() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("window and deadline must be positive");
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static SpiSettings defaults() {
        return new SpiSettings("/spi", DEFAULT_BODY_LIMIT, Duration.ofMinutes(15), Duration.ofSeconds(5), 8,
                Clock.systemUTC());
    }

    public SpiSettings withPathPrefix(String prefix) {
        return new SpiSettings(prefix, bodyLimitBytes, timestampWindow, deadline, workerPoolSize, clock);
    }

    public SpiSettings withBodyLimitBytes(long limit) {
        return new SpiSettings(pathPrefix, limit, timestampWindow, deadline, workerPoolSize, clock);
    }

    public SpiSettings withTimestampWindow(Duration window) {
        return new SpiSettings(pathPrefix, bodyLimitBytes, window, deadline, workerPoolSize, clock);
    }

    public SpiSettings withDeadline(Duration d) {
        return new SpiSettings(pathPrefix, bodyLimitBytes, timestampWindow, d, workerPoolSize, clock);
    }

    public SpiSettings withWorkerPoolSize(int size) {
        return new SpiSettings(pathPrefix, bodyLimitBytes, timestampWindow, deadline, size, clock);
    }

    public SpiSettings withClock(Clock c) {
        return new SpiSettings(pathPrefix, bodyLimitBytes, timestampWindow, deadline, workerPoolSize, c);
    }
}
