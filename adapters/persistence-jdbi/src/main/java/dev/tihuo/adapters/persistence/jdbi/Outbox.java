package dev.tihuo.adapters.persistence.jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Outgoing persistence port for the outbox of calls to Douyin (stand-in until the application's port
 * exists). {@link #append} joins the caller's unit of work; the delivery side is safe to run from
 * several instances at once.
 */
public interface Outbox {

    /** Appends (or coalesces, or ignores as a duplicate) a message; returns the id of the message that carries it. */
    long append(OutboxMessage.Draft draft);

    /**
     * Claims up to {@code limit} due messages for {@code instanceId} until {@code now + lease}: pending
     * ones whose next attempt is due, and in-flight ones whose lease has run out (their instance died).
     * Earliest deadline first, then earliest next attempt. A message whose coalesce key has another
     * message in flight waits, so stock values reach Douyin in order.
     */
    List<OutboxMessage> claimDue(Instant now, int limit, String instanceId, Duration lease);

    /** True when the message was still claimed by {@code instanceId} and is now delivered. */
    boolean markDelivered(long id, String instanceId, Instant deliveredAt, String logid);

    /**
     * Returns a failed attempt to the queue: pending again at {@code nextAttemptAt}. A message whose
     * coalesce key got a newer pending message meanwhile is superseded instead. False when the claim was lost.
     */
    boolean reschedule(long id, String instanceId, int attempts, Instant nextAttemptAt, String lastError, String logid);

    /** Gives up on a claimed message. False when the claim was lost. */
    boolean park(long id, String instanceId, String reason);

    /** Parked messages, and undelivered ones past their deadline: what an operator should look at. */
    List<OutboxMessage> listStuck(Instant now, int limit);

    /** Makes a parked or pending message due now (an operator's retry). False for other states. */
    boolean retryNow(long id, Instant now);

    java.util.Optional<OutboxMessage> find(long id);
}
