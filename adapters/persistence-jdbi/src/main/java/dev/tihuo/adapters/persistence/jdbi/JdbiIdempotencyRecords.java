package dev.tihuo.adapters.persistence.jdbi;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Secondary adapter: idempotency records in table {@code idempotency_record}. */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {

    private final JdbiUnitOfWork unitOfWork;

    public JdbiIdempotencyRecords(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Optional<IdempotencyRecord> find(String accountId, String operation, String key) {
        return unitOfWork.inTransaction(handle -> select(handle, accountId, operation, key));
    }

    @Override
    public Optional<IdempotencyRecord> saveFirst(IdempotencyRecord candidate) {
        return unitOfWork.inTransaction(handle -> {
            // ON CONFLICT DO NOTHING waits for an uncommitted insert of the same key, then skips ours:
            // no unique-violation exception, so the caller's transaction stays usable on PostgreSQL.
            int inserted = handle.createUpdate("""
                            INSERT INTO idempotency_record
                                (account_id, operation, idempotency_key, request_fingerprint, answer, created_at)
                            VALUES (:accountId, :operation, :key, :requestFingerprint, :answer, :createdAt)
                            ON CONFLICT DO NOTHING""")
                    .bindMethods(candidate)
                    .execute();
            if (inserted == 1) {
                return Optional.<IdempotencyRecord>empty();
            }
            return Optional.of(select(handle, candidate.accountId(), candidate.operation(), candidate.key())
                    .orElseThrow(() -> new IllegalStateException(
                            "idempotency record vanished after a conflict: " + candidate.operation() + "/" + candidate.key())));
        });
    }

    private static Optional<IdempotencyRecord> select(Handle handle, String accountId, String operation, String key) {
        return handle.createQuery("""
                        SELECT account_id, operation, idempotency_key, request_fingerprint, answer, created_at
                          FROM idempotency_record
                         WHERE account_id = :accountId AND operation = :operation AND idempotency_key = :key""")
                .bind("accountId", accountId)
                .bind("operation", operation)
                .bind("key", key)
                .map((rs, ctx) -> new IdempotencyRecord(
                        rs.getString("account_id"),
                        rs.getString("operation"),
                        rs.getString("idempotency_key"),
                        rs.getString("request_fingerprint"),
                        rs.getString("answer"),
                        JavaTimeMapping.instant(rs, "created_at")))
                .findOne();
    }
}
