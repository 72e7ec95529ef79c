package dev.tihuo.adapters.douyin.openapi.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outbox as the delivery worker sees it. Blocking (a table in production); the worker calls it off the event loop.
 * Every attempt ends in exactly one of the last three calls, with the logid Douyin gave it, so the attempt history is
 * complete. Placeholder until the application's {@code Outbox} secondary port lands.
 */
public interface OutboxStore {

    /**
     * Messages due at {@code now} (waiting, next attempt not after now, no live lease), earliest deadline first, then
     * earliest next attempt; leased to {@code owner} until {@code now + lease} so no other worker takes them meanwhile.
     */
    List<OutboxMessage> claimDue(Instant now, int limit, String owner, Duration lease);

    void markDelivered(String id, String logid);

    /** Try again at {@code nextAttemptAt}; {@code attempts} counts every attempt so far, this one included. */
    void reschedule(String id, int attempts, Instant nextAttemptAt, String lastError, String logid);

    /** Stop trying; an operator must look ({@code reason} names the codes and the logid). */
    void park(String id, String reason, String logid);
}
