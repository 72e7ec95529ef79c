package dev.tihuo.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * One message to Douyin. {@code id} is assigned by the outbox (0 before append); {@code deadline} is set for O1;
 * {@code coalesceKey} for stock pushes. Delivery state ({@code attempts}, {@code lastError}, {@code status}) is kept
 * for operators.
 */
public record OutboxMessage(long id, String merchant, DouyinCall call, String dedupeKey, String coalesceKey,
                            Instant createdAt, Instant nextAttemptAt, Instant deadline, int attempts, String lastError,
                            String lastLogid, Status status) {
    public enum Status { PENDING, IN_FLIGHT, DELIVERED, PARKED }

    public OutboxMessage {
        Objects.requireNonNull(merchant, "merchant");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(dedupeKey, "dedupe key");
        Objects.requireNonNull(createdAt, "created at");
        Objects.requireNonNull(nextAttemptAt, "next attempt at");
        Objects.requireNonNull(status, "status");
    }

    /** A new message, due now. */
    public static OutboxMessage of(String merchant, DouyinCall call, String dedupeKey, String coalesceKey,
                                   Instant now, Instant deadline) {
        return new OutboxMessage(0, merchant, call, dedupeKey, coalesceKey, now, now, deadline, 0, null, null, Status.PENDING);
    }

    public MessageKind kind() {
        return call.kind();
    }
}
