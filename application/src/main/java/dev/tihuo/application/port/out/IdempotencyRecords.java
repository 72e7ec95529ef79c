package dev.tihuo.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing port remembering the first answer given to each idempotency key, so a retried SPI gets the identical
 * answer (spi.md §2). The answer is a plain record; the adapter decides how to store it (the JDBI adapter as JSON).
 * The first writer of a key wins: a second {@code save} of the same key fails with {@code DomainException(DUPLICATE)}.
 */
public interface IdempotencyRecords {
    <R> Optional<Stored<R>> find(String merchant, String operation, String key, Class<R> answerType);

    <R> void save(String merchant, String operation, String key, String fingerprint, R answer, Instant at);

    record Stored<R>(String fingerprint, R answer) {}
}
