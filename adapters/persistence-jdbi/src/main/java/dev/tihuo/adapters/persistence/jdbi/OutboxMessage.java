package dev.tihuo.adapters.persistence.jdbi;

import java.time.Instant;
import java.util.Objects;

/** A call to Douyin waiting in, or delivered from, the outbox, as stored. */
public record OutboxMessage(
        long id,
        String accountId,
        String kind,
        String dedupeKey,
        String payload,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deadline,
        int attempts,
        String lastError,
        String lastLogid,
        Status status,
        String claimedBy,
        Instant claimedUntil,
        Instant deliveredAt,
        String coalesceKey) {

    /** Where a message is in its life. */
    public enum Status {
        PENDING,
        IN_FLIGHT,
        DELIVERED,
        /** Given up on (permanent error or too many attempts); an operator may {@code retryNow}. */
        PARKED,
        /** Replaced by a newer message with the same coalesce key before it was delivered. */
        SUPERSEDED
    }

    /**
     * A message to append. {@code dedupeKey} (optional) makes a second append of the same
     * (kind, key) a no-op. {@code coalesceKey} (optional) makes a newer message replace the payload of
     * a still pending one with the same key (stock pushes per store and SKU carry absolute values).
     */
    public record Draft(
            String accountId,
            String kind,
            String dedupeKey,
            String payload,
            Instant createdAt,
            Instant notBefore,
            Instant deadline,
            String coalesceKey) {

        public Draft {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(createdAt, "createdAt");
            notBefore = notBefore == null ? createdAt : notBefore;
        }

        public static Draft of(String accountId, String kind, String payload, Instant now) {
            return new Draft(accountId, kind, null, payload, now, now, null, null);
        }

        public Draft withDedupeKey(String key) {
            return new Draft(accountId, kind, key, payload, createdAt, notBefore, deadline, coalesceKey);
        }

        public Draft withDeadline(Instant at) {
            return new Draft(accountId, kind, dedupeKey, payload, createdAt, notBefore, at, coalesceKey);
        }

        public Draft withCoalesceKey(String key) {
            return new Draft(accountId, kind, dedupeKey, payload, createdAt, notBefore, deadline, key);
        }

        public Draft notBefore(Instant at) {
            return new Draft(accountId, kind, dedupeKey, payload, createdAt, at, deadline, coalesceKey);
        }
    }
}
