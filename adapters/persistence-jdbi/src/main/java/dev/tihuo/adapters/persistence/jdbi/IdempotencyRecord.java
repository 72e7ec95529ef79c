package dev.tihuo.adapters.persistence.jdbi;

import java.time.Instant;
import java.util.Objects;

/** An answer already given to (account, operation, key), with the fingerprint of the request it answered. */
public record IdempotencyRecord(
        String accountId,
        String operation,
        String key,
        String requestFingerprint,
        String answer,
        Instant createdAt) {

    public IdempotencyRecord {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(answer, "answer");
        createdAt = JavaTimeMapping.truncate(Objects.requireNonNull(createdAt, "createdAt"));
    }

    /** Same request (D16: a different body under the same key answers 40009). */
    public boolean answers(String fingerprint) {
        return requestFingerprint.equals(fingerprint);
    }
}
