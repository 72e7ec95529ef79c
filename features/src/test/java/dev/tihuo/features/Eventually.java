package dev.tihuo.features;

import java.time.Duration;

/** Polling assertions for what tihuo and the simulator do on their own threads (outbox, issue follow-up). */
final class Eventually {
    static final Duration DEFAULT = Duration.ofSeconds(8);

    private Eventually() {}

    /** Runs {@code check} until it passes or {@code timeout} has passed; then its last failure is thrown. */
    static void eventually(Duration timeout, Runnable check) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
            }
            sleep(40);
        }
    }

    static void eventually(Runnable check) {
        eventually(DEFAULT, check);
    }

    /** {@code check} must hold during the whole {@code period} (for "nothing happens" assertions). */
    static void throughout(Duration period, Runnable check) {
        long end = System.nanoTime() + period.toNanos();
        do {
            check.run();
            sleep(50);
        } while (System.nanoTime() < end);
        check.run();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
