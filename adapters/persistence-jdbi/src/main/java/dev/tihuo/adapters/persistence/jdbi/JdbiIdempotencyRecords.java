package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.port.out.IdempotencyRecords;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Secondary adapter: idempotency records in table {@code idempotency_record}, the answer as JSON (Jackson; the
 * answers are plain records of the application). {@code save} is {@code INSERT … ON CONFLICT DO NOTHING}: a
 * concurrent writer of the same key waits for the first transaction and then inserts nothing, which is reported as
 * DUPLICATE without a unique-violation exception, so the caller's PostgreSQL transaction stays usable.
 */
public final class JdbiIdempotencyRecords implements IdempotencyRecords {

    private final JdbiUnitOfWork unitOfWork;

    public JdbiIdempotencyRecords(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public <R> Optional<Stored<R>> find(String merchant, String operation, String key, Class<R> answerType) {
        return unitOfWork.inTransaction(h -> h.createQuery("""
                        SELECT request_fingerprint, answer FROM idempotency_record
                         WHERE account_id = :m AND operation = :operation AND idempotency_key = :key""")
                .bind("m", merchant).bind("operation", operation).bind("key", key)
                .map((rs, ctx) -> new Stored<>(rs.getString("request_fingerprint"), Json.read(rs.getString("answer"), answerType)))
                .findOne());
    }

    @Override
    public <R> void save(String merchant, String operation, String key, String fingerprint, R answer, Instant at) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(answer, "answer");
        String json = Json.write(answer);
        int inserted = unitOfWork.inTransaction(h -> h.createUpdate("""
                        INSERT INTO idempotency_record
                            (account_id, operation, idempotency_key, request_fingerprint, answer, created_at)
                        VALUES (:m, :operation, :key, :fingerprint, :answer, :at)
                        ON CONFLICT DO NOTHING""")
                .bind("m", merchant).bind("operation", operation).bind("key", key).bind("fingerprint", fingerprint)
                .bind("answer", json).bind("at", at)
                .execute());
        if (inserted == 0) {
            throw Sql.duplicate("the answer to " + operation + " " + key + " of merchant " + merchant);
        }
    }

    /** Deletes answers older than {@code before} (housekeeping); how many went. */
    public int forgetBefore(Instant before) {
        return unitOfWork.inTransaction(h -> h.createUpdate("DELETE FROM idempotency_record WHERE created_at < :before")
                .bind("before", before).execute());
    }
}
