package dev.tihuo.adapters.persistence.jdbi;

import static dev.tihuo.adapters.persistence.jdbi.JavaTimeMapping.instant;

import dev.tihuo.application.port.out.MessageKind;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.OutboxMessage.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Secondary adapter: the outbox in table {@code outbox_message}; the {@link dev.tihuo.application.port.out.DouyinCall}
 * as JSON in {@code payload}, its {@link dev.tihuo.application.port.out.MessageKind} in {@code kind}.
 *
 * <p>Claiming is safe with several instances on one database: candidates are selected with
 * {@code FOR UPDATE SKIP LOCKED} (PostgreSQL 15 and H2 2.4 both support it), so two claimers never wait for or take
 * the same row; each row is then taken with a conditional {@code UPDATE} that repeats the "due" condition. A claim
 * is a lease: when the claiming instance dies, the message is due again once {@code claimed_until} has passed.
 *
 * <p>Coalescing (stock pushes, D12): {@code pending_coalesce_key} equals {@code coalesce_key} while a message is
 * PENDING and is NULL otherwise, under a UNIQUE constraint: at most one waiting message per key, whose payload a
 * newer append replaces. A message whose key has another message in flight (leased) waits, so values reach Douyin
 * in order. When the one in flight fails while a newer value waits, it is marked {@code SUPERSEDED} (stored status;
 * reported as DELIVERED, since it will never be sent) instead of being retried with a stale value. The dedupe key is
 * not unique: a stock push's dedupe key is its coalesce key, and a push after a delivered one must be sent too.
 */
public final class JdbiOutbox implements Outbox {

    private static final String COLUMNS = """
            id, account_id, kind, dedupe_key, payload, created_at, next_attempt_at, deadline, attempts,
            last_error, last_logid, status, coalesce_key""";

    private static final String CLAIMABLE = """
            ((status = 'PENDING' AND next_attempt_at <= :now)
              OR (status = 'IN_FLIGHT' AND claimed_until <= :now))""";

    private static final int MAX_APPEND_ROUNDS = 10;
    private static final int MAX_TEXT = 2000;

    private final JdbiUnitOfWork unitOfWork;

    public JdbiOutbox(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public void append(OutboxMessage message) {
        Objects.requireNonNull(message, "message");
        String payload = Json.write(message.call());
        unitOfWork.inTransaction(handle -> {
            if (message.coalesceKey() == null) {
                insert(handle, message, payload);
                return null;
            }
            for (int round = 0; round < MAX_APPEND_ROUNDS; round++) {
                // One statement in the common case: the UPDATE locks and rewrites the pending message if there is one.
                int rewritten = handle.createUpdate(
                                "UPDATE outbox_message SET payload = :payload, kind = :kind WHERE pending_coalesce_key = :key")
                        .bind("payload", payload)
                        .bind("kind", message.kind().name())
                        .bind("key", message.coalesceKey())
                        .execute();
                if (rewritten > 0) {
                    return null;
                }
                if (insert(handle, message, payload) == 1) {
                    return null;
                }
                // A concurrent append of the same coalesce key committed between our SELECT and INSERT: go again.
            }
            throw new IllegalStateException("could not append to the outbox after " + MAX_APPEND_ROUNDS
                    + " rounds of conflicts: " + message.kind() + "/" + message.coalesceKey());
        });
    }

    private static int insert(Handle handle, OutboxMessage m, String payload) {
        return handle.createUpdate("""
                        INSERT INTO outbox_message
                            (account_id, kind, dedupe_key, payload, created_at, next_attempt_at, deadline,
                             attempts, status, coalesce_key, pending_coalesce_key)
                        VALUES (:merchant, :kind, :dedupeKey, :payload, :createdAt, :next, :deadline,
                             0, 'PENDING', :coalesceKey, :coalesceKey)
                        ON CONFLICT DO NOTHING""")
                .bind("merchant", m.merchant())
                .bind("kind", m.kind().name())
                .bind("dedupeKey", m.dedupeKey())
                .bind("payload", payload)
                .bind("createdAt", m.createdAt())
                .bind("next", m.nextAttemptAt())
                .bind("deadline", m.deadline())
                .bind("coalesceKey", m.coalesceKey())
                .execute();
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, String owner, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(owner, "owner");
        if (limit < 1) {
            return List.of();
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be longer than zero");
        }
        Instant until = now.plus(lease);
        return unitOfWork.inTransaction(handle -> {
            // One query per way of being due, each served by its index. With the two joined by OR, H2 scanned the
            // whole table, delivered messages included, on every poll: 15 % of tihuo's CPU after two minutes of load.
            List<Candidate> due = new ArrayList<>(candidates(handle, PENDING_DUE, now, limit));
            due.addAll(candidates(handle, LEASE_EXPIRED, now, limit));
            due.sort(Comparator.comparing(Candidate::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(Candidate::nextAttemptAt)
                    .thenComparingLong(Candidate::id));
            List<Long> candidates = due.stream().limit(limit).map(Candidate::id).toList();
            List<OutboxMessage> claimed = new ArrayList<>(candidates.size());
            for (Long id : candidates) {
                int taken = handle.createUpdate("""
                                UPDATE outbox_message
                                   SET status = 'IN_FLIGHT', claimed_by = :owner, claimed_until = :until,
                                       pending_coalesce_key = NULL
                                 WHERE id = :id AND """ + CLAIMABLE)
                        .bind("owner", owner)
                        .bind("until", until)
                        .bind("id", id)
                        .bind("now", now)
                        .execute();
                if (taken == 1) {
                    select(handle, id, false).ifPresent(claimed::add);
                }
            }
            return claimed; // in the candidates' order: a claim changes neither deadline nor next attempt
        });
    }

    private record Candidate(long id, Instant deadline, Instant nextAttemptAt) {}

    /** The two ways a message is due: waiting and its time has come, or claimed by a claimer whose lease ran out. */
    static final String PENDING_DUE = "m.status = 'PENDING' AND m.next_attempt_at <= :now";
    static final String LEASE_EXPIRED = "m.status = 'IN_FLIGHT' AND m.claimed_until <= :now";

    /** Messages due in one way ({@code dueWhen}), oldest deadline first, skipping those another claimer holds. */
    private static List<Candidate> candidates(Handle handle, String dueWhen, Instant now, int limit) {
        return handle.createQuery(candidatesSql(dueWhen))
                .bind("now", now)
                .bind("limit", limit)
                .map((rs, ctx) -> new Candidate(rs.getLong("id"), instant(rs, "deadline"), instant(rs, "next_attempt_at")))
                .list();
    }

    static String candidatesSql(String dueWhen) {
        return "SELECT m.id, m.deadline, m.next_attempt_at FROM outbox_message m WHERE " + dueWhen + """

                   AND (m.coalesce_key IS NULL OR NOT EXISTS (
                        SELECT 1 FROM outbox_message f
                         WHERE f.coalesce_key = m.coalesce_key AND f.id <> m.id
                           AND f.status = 'IN_FLIGHT' AND f.claimed_until > :now))
                 ORDER BY m.deadline ASC NULLS LAST, m.next_attempt_at ASC, m.id ASC
                 LIMIT :limit
                 FOR UPDATE SKIP LOCKED""";
    }

    @Override
    public void markDelivered(long id, String logid, Instant at) {
        unitOfWork.inTransaction(handle -> handle.createUpdate("""
                        UPDATE outbox_message
                           SET status = 'DELIVERED', delivered_at = :at, last_logid = :logid,
                               claimed_until = NULL, pending_coalesce_key = NULL
                         WHERE id = :id""")
                .bind("at", at)
                .bind("logid", logid)
                .bind("id", id)
                .execute());
    }

    @Override
    public void reschedule(long id, Instant nextAttemptAt, String error, String logid) {
        unitOfWork.inTransaction(handle -> {
            Optional<Row> row = lock(handle, id);
            if (row.isEmpty()) {
                return null;
            }
            if (newerWaiting(handle, row.get())) {
                handle.createUpdate("""
                                UPDATE outbox_message
                                   SET status = 'SUPERSEDED', attempts = attempts + 1, last_error = :error,
                                       last_logid = :logid, claimed_until = NULL, pending_coalesce_key = NULL
                                 WHERE id = :id""")
                        .bind("error", clip(error)).bind("logid", logid).bind("id", id)
                        .execute();
                return null;
            }
            handle.createUpdate("""
                            UPDATE outbox_message
                               SET status = 'PENDING', attempts = attempts + 1, next_attempt_at = :next,
                                   last_error = :error, last_logid = :logid,
                                   claimed_until = NULL, pending_coalesce_key = coalesce_key
                             WHERE id = :id""")
                    .bind("next", nextAttemptAt).bind("error", clip(error)).bind("logid", logid).bind("id", id)
                    .execute();
            return null;
        });
    }

    @Override
    public void park(long id, String reason, String logid) {
        unitOfWork.inTransaction(handle -> handle.createUpdate("""
                        UPDATE outbox_message
                           SET status = 'PARKED', last_error = :reason, last_logid = :logid, claimed_until = NULL,
                               pending_coalesce_key = NULL
                         WHERE id = :id""")
                .bind("reason", clip(reason))
                .bind("logid", logid)
                .bind("id", id)
                .execute());
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return unitOfWork.inTransaction(handle -> select(handle, id, false));
    }

    @Override
    public List<OutboxMessage> stuck(int minAttempts, int limit) {
        return unitOfWork.inTransaction(handle -> handle.createQuery("SELECT " + COLUMNS + """
                         FROM outbox_message
                        WHERE status = 'PARKED'
                           OR (status IN ('PENDING', 'IN_FLIGHT') AND attempts >= :minAttempts)
                        ORDER BY id
                        LIMIT :limit""")
                .bind("minAttempts", minAttempts)
                .bind("limit", Math.max(0, limit))
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public int wake(MessageKind kind, String dedupeKey, Instant now) {
        return unitOfWork.inTransaction(handle -> handle.createUpdate("""
                        UPDATE outbox_message SET next_attempt_at = :now
                         WHERE kind = :kind AND dedupe_key = :key AND status = 'PENDING' AND next_attempt_at > :now""")
                .bind("now", now)
                .bind("kind", kind.name())
                .bind("key", dedupeKey)
                .execute());
    }

    @Override
    public boolean retryNow(long id, Instant now) {
        return unitOfWork.inTransaction(handle -> {
            Optional<Row> found = lock(handle, id);
            if (found.isEmpty()) {
                return false;
            }
            Row row = found.get();
            if (row.status.equals("DELIVERED") || row.status.equals("SUPERSEDED")
                    || (row.status.equals("IN_FLIGHT") && row.claimedUntil != null && row.claimedUntil.isAfter(now))) {
                return false;
            }
            if (!row.status.equals("PENDING") && newerWaiting(handle, row)) {
                // A newer value of the same key waits: that one is tried now, this stale one is done with.
                handle.createUpdate("""
                                UPDATE outbox_message SET status = 'SUPERSEDED', claimed_until = NULL, pending_coalesce_key = NULL
                                 WHERE id = :id""").bind("id", id).execute();
                handle.createUpdate("UPDATE outbox_message SET next_attempt_at = :now WHERE pending_coalesce_key = :key")
                        .bind("now", now).bind("key", row.coalesceKey).execute();
                return true;
            }
            handle.createUpdate("""
                            UPDATE outbox_message
                               SET status = 'PENDING', next_attempt_at = :now, claimed_until = NULL,
                                   pending_coalesce_key = coalesce_key
                             WHERE id = :id""")
                    .bind("now", now)
                    .bind("id", id)
                    .execute();
            return true;
        });
    }

    @Override
    public Backlog backlog() {
        return unitOfWork.inTransaction(handle -> handle.createQuery("""
                        SELECT SUM(CASE WHEN status IN ('PENDING', 'IN_FLIGHT') THEN 1 ELSE 0 END) AS waiting,
                               SUM(CASE WHEN status = 'PARKED' THEN 1 ELSE 0 END) AS parked,
                               MIN(CASE WHEN status IN ('PENDING', 'IN_FLIGHT') THEN created_at END) AS oldest,
                               MIN(CASE WHEN status IN ('PENDING', 'IN_FLIGHT') THEN deadline END) AS nearest
                          FROM outbox_message
                         WHERE status IN ('PENDING', 'IN_FLIGHT', 'PARKED')""")
                .map((rs, ctx) -> new Backlog(rs.getLong("waiting"), rs.getLong("parked"), instant(rs, "oldest"),
                        instant(rs, "nearest")))
                .one());
    }

    private record Row(long id, String status, String coalesceKey, Instant claimedUntil) {}

    private static Optional<Row> lock(Handle handle, long id) {
        return handle.createQuery("SELECT id, status, coalesce_key, claimed_until FROM outbox_message WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("status"), rs.getString("coalesce_key"),
                        instant(rs, "claimed_until")))
                .findOne();
    }

    private static boolean newerWaiting(Handle handle, Row row) {
        return row.coalesceKey != null && handle.createQuery(
                        "SELECT COUNT(*) FROM outbox_message WHERE pending_coalesce_key = :key AND id <> :id")
                .bind("key", row.coalesceKey)
                .bind("id", row.id)
                .mapTo(Long.class)
                .one() > 0;
    }

    private static Optional<OutboxMessage> select(Handle handle, long id, boolean forUpdate) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM outbox_message WHERE id = :id" + (forUpdate ? " FOR UPDATE" : ""))
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private static OutboxMessage map(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return new OutboxMessage(
                rs.getLong("id"),
                rs.getString("account_id"),
                Json.readCall(rs.getString("kind"), rs.getString("payload")),
                rs.getString("dedupe_key"),
                rs.getString("coalesce_key"),
                instant(rs, "created_at"),
                instant(rs, "next_attempt_at"),
                instant(rs, "deadline"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getString("last_logid"),
                "SUPERSEDED".equals(status) ? Status.DELIVERED : Status.valueOf(status));
    }
}
