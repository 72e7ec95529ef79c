package dev.tihuo.adapters.douyin.openapi.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One message as claimed: what to deliver, how often it was tried, when it was created and by when Douyin needs it. */
public record OutboxMessage(String id, Delivery delivery, int attempts, Instant createdAt, Instant deadline) {
    public OutboxMessage {
        Objects.requireNonNull(id);
        Objects.requireNonNull(delivery);
        Objects.requireNonNull(createdAt);
    }

    public Optional<Instant> deadlineIfAny() { return Optional.ofNullable(deadline); }
}
