package dev.tihuo.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: the transactional outbox. Use cases append messages inside their unit of work, so a callback to
 * Douyin exists exactly when the state change that decided it committed. Delivery claims due messages with a lease
 * so that, across instances, one message is in flight at most once at a time.
 */
public interface Outbox {

    /**
     * Appends a message. When {@code coalesceKey} is set and an undelivered, unclaimed message with the same key is
     * waiting, that message's payload is replaced instead (stock pushes: only the latest value matters, D12).
     */
    void append(OutboxMessage message);

    /** Due messages (next attempt at or before {@code now}) not leased by anyone, earliest deadline first. */
    List<OutboxMessage> claimDue(Instant now, int limit, String owner, Duration lease);

    void markDelivered(long id, String logid, Instant at);

    void reschedule(long id, Instant nextAttemptAt, String error, String logid);

    /** Stops retrying: a permanent error an operator must look at. */
    void park(long id, String reason, String logid);

    Optional<OutboxMessage> find(long id);

    /** Parked messages and messages that have failed at least {@code minAttempts} times. */
    List<OutboxMessage> stuck(int minAttempts, int limit);

    /** An operator asks for one more try now (also un-parks). */
    boolean retryNow(long id, Instant now);

    /**
     * Brings forward the pending messages of {@code kind} with {@code dedupeKey}: they waited for an answer another
     * message has just brought (an O4 waits for the verify id of its O3). Messages in flight, parked or delivered are
     * left alone. Returns how many were woken.
     */
    int wake(MessageKind kind, String dedupeKey, Instant now);

    /** How many undelivered messages wait, and the oldest one's creation time, for health and metrics. */
    Backlog backlog();

    record Backlog(long pending, long parked, Instant oldestPendingAt, Instant nearestDeadline) {}
}
