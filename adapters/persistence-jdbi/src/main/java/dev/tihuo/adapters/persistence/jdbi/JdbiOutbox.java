package dev.tihuo.adapters.persistence.jdbi;

import static dev.tihuo.adapters.persistence.jdbi.JavaTimeMapping.instant;

import dev.tihuo.adapters.persistence.jdbi.OutboxMessage.Status;
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
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Secondary adapter: the outbox in table {@code outbox_message}.
 *
 * <p>Claiming is safe with several instances on one database: candidates are selected with
 * {@code FOR UPDATE SKIP LOCKED} (PostgreSQL 15 and H2 2.4 both support it), so two claimers never
 * wait for or take the same row; each row is then taken with a conditional {@code UPDATE} that repeats
 * the "due" condition, so a row is claimed only while it is still claimable. A claim is a lease: when
 * the claiming instance dies, the message is due again once {@code claimed_until} has passed.
 */
public final class JdbiOutbox implements Outbox {

    private static final String COLUMNS = """
            id, account_id, kind, dedupe_key, payload, created_at, next_attempt_at, deadline, attempts,
            last_error, last_logid, status, claimed_by, claimed_until, delivered_at, coalesce_key""";

    private static final String CLAIMABLE = """
            ((status = 'PENDING' AND next_attempt_at <= :now)
              OR (status = 'IN_FLIGHT' AND claimed_until < :now))""";

    private static final int MAX_APPEND_ROUNDS = 10;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbiUnitOfWork unitOfWork;

    public JdbiOutbox(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public long append(OutboxMessage.Draft draft) {
        Objects.requireNonNull(draft, "draft");
        return unitOfWork.inTransaction(handle -> {
            for (int round = 0; round < MAX_APPEND_ROUNDS; round++) {
                if (draft.coalesceKey() != null) {
                    Optional<Long> pending = handle.createQuery(
                                    "SELECT id FROM outbox_message WHERE pending_coalesce_key = :key FOR UPDATE")
                            .bind("key", draft.coalesceKey())
                            .mapTo(Long.class)
                            .findOne();
                    if (pending.isPresent()) {
                        handle.createUpdate("UPDATE outbox_message SET payload = :payload WHERE id = :id")
                                .bind("payload", draft.payload())
                                .bind("id", pending.get())
                                .execute();
                        return pending.get();
                    }
                }
                Optional<Long> inserted = insert(handle, draft);
                if (inserted.isPresent()) {
                    return inserted.get();
                }
                if (draft.dedupeKey() != null) {
                    Optional<Long> duplicate = handle.createQuery(
                                    "SELECT id FROM outbox_message WHERE kind = :kind AND dedupe_key = :key")
                            .bind("kind", draft.kind())
                            .bind("key", draft.dedupeKey())
                            .mapTo(Long.class)
                            .findOne();
                    if (duplicate.isPresent()) {
                        return duplicate.get();
                    }
                }
                // A concurrent append of the same coalesce key committed between our SELECT and INSERT: go again.
            }
            throw new IllegalStateException("could not append to the outbox after " + MAX_APPEND_ROUNDS
                    + " rounds of conflicts: " + draft.kind() + "/" + draft.coalesceKey());
        });
    }

    private static Optional<Long> insert(Handle handle, OutboxMessage.Draft draft) {
        return handle.createUpdate("""
                        INSERT INTO outbox_message
                            (account_id, kind, dedupe_key, payload, created_at, next_attempt_at, deadline,
                             attempts, status, coalesce_key, pending_coalesce_key)
                        VALUES (:accountId, :kind, :dedupeKey, :payload, :createdAt, :notBefore, :deadline,
                             0, 'PENDING', :coalesceKey, :coalesceKey)
                        ON CONFLICT DO NOTHING""")
                .bindMethods(draft)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .findOne();
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, String instanceId, Duration lease) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(instanceId, "instanceId");
        if (limit < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("limit must be positive and the lease longer than zero");
        }
        Instant until = now.plus(lease);
        return unitOfWork.inTransaction(handle -> {
            // A message whose coalesce key has another message in flight waits for it: values stay in order.
            List<Long> candidates = handle.createQuery("""
                            SELECT m.id FROM outbox_message m
                             WHERE ((m.status = 'PENDING' AND m.next_attempt_at <= :now)
                                 OR (m.status = 'IN_FLIGHT' AND m.claimed_until < :now))
                               AND (m.coalesce_key IS NULL OR NOT EXISTS (
                                    SELECT 1 FROM outbox_message f
                                     WHERE f.coalesce_key = m.coalesce_key AND f.id <> m.id AND f.status = 'IN_FLIGHT'))
                             ORDER BY m.deadline ASC NULLS LAST, m.next_attempt_at ASC, m.id ASC
                             LIMIT :limit
                             FOR UPDATE SKIP LOCKED""")
                    .bind("now", now)
                    .bind("limit", limit)
                    .mapTo(Long.class)
                    .list();
            List<OutboxMessage> claimed = new ArrayList<>(candidates.size());
            for (Long id : candidates) {
                int taken = handle.createUpdate("""
                                UPDATE outbox_message
                                   SET status = 'IN_FLIGHT', claimed_by = :instanceId, claimed_until = :until,
                                       pending_coalesce_key = NULL
                                 WHERE id = :id AND """ + CLAIMABLE)
                        .bind("instanceId", instanceId)
                        .bind("until", until)
                        .bind("id", id)
                        .bind("now", now)
                        .execute();
                if (taken == 1) {
                    select(handle, id).ifPresent(claimed::add);
                }
            }
            claimed.sort(Comparator
                    .comparing(OutboxMessage::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(OutboxMessage::nextAttemptAt)
                    .thenComparingLong(OutboxMessage::id));
            return claimed;
        });
    }

    @Override
    public boolean markDelivered(long id, String instanceId, Instant deliveredAt, String logid) {
        return unitOfWork.inTransaction(handle -> handle.createUpdate("""
                        UPDATE outbox_message
                           SET status = 'DELIVERED', delivered_at = :deliveredAt, last_logid = :logid,
                               claimed_until = NULL
                         WHERE id = :id AND status = 'IN_FLIGHT' AND claimed_by = :instanceId""")
                .bind("deliveredAt", deliveredAt)
                .bind("logid", logid)
                .bind("id", id)
                .bind("instanceId", instanceId)
                .execute() == 1);
    }

    @Override
    public boolean reschedule(long id, String instanceId, int attempts, Instant nextAttemptAt, String lastError, String logid) {
        return unitOfWork.inTransaction(handle -> {
            Optional<OutboxMessage> claimed = selectForUpdate(handle, id)
                    .filter(m -> m.status() == Status.IN_FLIGHT && instanceId.equals(m.claimedBy()));
            if (claimed.isEmpty()) {
                return false;
            }
            if (supersededByNewer(handle, claimed.get())) {
                setSuperseded(handle, id, attempts, lastError, logid);
                return true;
            }
            handle.createUpdate("""
                            UPDATE outbox_message
                               SET status = 'PENDING', attempts = :attempts, next_attempt_at = :next,
                                   last_error = :lastError, last_logid = :logid,
                                   claimed_until = NULL, pending_coalesce_key = coalesce_key
                             WHERE id = :id""")
                    .bind("attempts", attempts)
                    .bind("next", nextAttemptAt)
                    .bind("lastError", clip(lastError))
                    .bind("logid", logid)
                    .bind("id", id)
                    .execute();
            return true;
        });
    }

    @Override
    public boolean park(long id, String instanceId, String reason) {
        return unitOfWork.inTransaction(handle -> handle.createUpdate("""
                        UPDATE outbox_message
                           SET status = 'PARKED', last_error = :reason, claimed_until = NULL,
                               pending_coalesce_key = NULL
                         WHERE id = :id AND status = 'IN_FLIGHT' AND claimed_by = :instanceId""")
                .bind("reason", clip(reason))
                .bind("id", id)
                .bind("instanceId", instanceId)
                .execute() == 1);
    }

    @Override
    public List<OutboxMessage> listStuck(Instant now, int limit) {
        return unitOfWork.inTransaction(handle -> handle.createQuery("SELECT " + COLUMNS + """
                         FROM outbox_message
                        WHERE status = 'PARKED'
                           OR (status IN ('PENDING', 'IN_FLIGHT') AND deadline < :now)
                        ORDER BY id
                        LIMIT :limit""")
                .bind("now", now)
                .bind("limit", limit)
                .map(JdbiOutbox::map)
                .list());
    }

    @Override
    public boolean retryNow(long id, Instant now) {
        return unitOfWork.inTransaction(handle -> {
            Optional<OutboxMessage> message = selectForUpdate(handle, id)
                    .filter(m -> m.status() == Status.PARKED || m.status() == Status.PENDING);
            if (message.isEmpty()) {
                return false;
            }
            if (message.get().status() == Status.PARKED && supersededByNewer(handle, message.get())) {
                setSuperseded(handle, id, message.get().attempts(), message.get().lastError(), message.get().lastLogid());
                return false;
            }
            handle.createUpdate("""
                            UPDATE outbox_message
                               SET status = 'PENDING', next_attempt_at = :now, pending_coalesce_key = coalesce_key,
                                   attempts = CASE WHEN status = 'PARKED' THEN 0 ELSE attempts END
                             WHERE id = :id""")
                    .bind("now", now)
                    .bind("id", id)
                    .execute();
            return true;
        });
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return unitOfWork.inTransaction(handle -> select(handle, id));
    }

    private static boolean supersededByNewer(Handle handle, OutboxMessage message) {
        return message.coalesceKey() != null && handle.createQuery(
                        "SELECT COUNT(*) FROM outbox_message WHERE pending_coalesce_key = :key AND id <> :id")
                .bind("key", message.coalesceKey())
                .bind("id", message.id())
                .mapTo(Long.class)
                .one() > 0;
    }

    private static void setSuperseded(Handle handle, long id, int attempts, String lastError, String logid) {
        handle.createUpdate("""
                        UPDATE outbox_message
                           SET status = 'SUPERSEDED', attempts = :attempts, last_error = :lastError,
                               last_logid = :logid, claimed_until = NULL, pending_coalesce_key = NULL
                         WHERE id = :id""")
                .bind("attempts", attempts)
                .bind("lastError", clip(lastError))
                .bind("logid", logid)
                .bind("id", id)
                .execute();
    }

    private static Optional<OutboxMessage> select(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM outbox_message WHERE id = :id")
                .bind("id", id)
                .map(JdbiOutbox::map)
                .findOne();
    }

    private static Optional<OutboxMessage> selectForUpdate(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM outbox_message WHERE id = :id FOR UPDATE")
                .bind("id", id)
                .map(JdbiOutbox::map)
                .findOne();
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private static OutboxMessage map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OutboxMessage(
                rs.getLong("id"),
                rs.getString("account_id"),
                rs.getString("kind"),
                rs.getString("dedupe_key"),
                rs.getString("payload"),
                instant(rs, "created_at"),
                instant(rs, "next_attempt_at"),
                instant(rs, "deadline"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getString("last_logid"),
                Status.valueOf(rs.getString("status")),
                rs.getString("claimed_by"),
                instant(rs, "claimed_until"),
                instant(rs, "delivered_at"),
                rs.getString("coalesce_key"));
    }
}
