package dev.tihuo.adapters.douyin.openapi.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link OutboxStore} in memory, for tests and single-instance runs. Also shows what a durable store must do:
 * coalesce stock pushes into a waiting message (never into one being delivered, or the newer value would be marked
 * delivered without having been sent), keep every attempt with its logid, order claims by deadline.
 */
public final class InMemoryOutboxStore implements OutboxStore {

    public enum Status { WAITING, DELIVERED, PARKED }

    public record Attempt(Instant at, String outcome, String logid, String error) {}

    /** A message's full state, for tests and operators. */
    public static final class Entry {
        public final String id;
        public Delivery delivery;
        public final Instant createdAt;
        public final Instant deadline;
        public Status status = Status.WAITING;
        public int attempts;
        public Instant nextAttemptAt;
        public String leaseOwner;
        public Instant leaseUntil;
        public String lastError;
        public String parkReason;
        public final List<Attempt> history = new ArrayList<>();

        Entry(String id, Delivery delivery, Instant createdAt, Instant deadline) {
            this.id = id;
            this.delivery = delivery;
            this.createdAt = createdAt;
            this.deadline = deadline;
            this.nextAttemptAt = createdAt;
        }

        boolean claimable(Instant now) {
            return status == Status.WAITING && !nextAttemptAt.isAfter(now) && (leaseUntil == null || !leaseUntil.isAfter(now));
        }

        boolean leased(Instant now) { return leaseUntil != null && leaseUntil.isAfter(now); }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final java.time.Clock clock;

    public InMemoryOutboxStore(java.time.Clock clock) { this.clock = clock; }

    /** Adds a message due now; a stock push replaces the value of a waiting, unclaimed push for the same (SKU, store). */
    public synchronized String enqueue(Delivery delivery, Instant deadline) {
        Instant now = clock.instant();
        Optional<String> key = delivery.coalescingKey();
        if (key.isPresent()) {
            for (Entry e : entries.values()) {
                if (e.status == Status.WAITING && !e.leased(now) && e.delivery.coalescingKey().equals(key)) {
                    e.delivery = delivery;
                    return e.id;
                }
            }
        }
        String id = "m" + ids.incrementAndGet();
        entries.put(id, new Entry(id, delivery, now, deadline));
        return id;
    }

    public String enqueue(Delivery delivery) { return enqueue(delivery, null); }

    @Override
    public synchronized List<OutboxMessage> claimDue(Instant now, int limit, String owner, Duration lease) {
        List<Entry> due = entries.values().stream().filter(e -> e.claimable(now))
                .sorted(Comparator.comparing((Entry e) -> e.deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(e -> e.nextAttemptAt).thenComparing(e -> e.createdAt))
                .limit(limit).toList();
        List<OutboxMessage> claimed = new ArrayList<>();
        for (Entry e : due) {
            e.leaseOwner = owner;
            e.leaseUntil = now.plus(lease);
            claimed.add(new OutboxMessage(e.id, e.delivery, e.attempts, e.createdAt, e.deadline));
        }
        return claimed;
    }

    @Override
    public synchronized void markDelivered(String id, String logid) {
        Entry e = entries.get(id);
        e.attempts++;
        e.status = Status.DELIVERED;
        release(e);
        e.history.add(new Attempt(clock.instant(), "delivered", logid, null));
    }

    @Override
    public synchronized void reschedule(String id, int attempts, Instant nextAttemptAt, String lastError, String logid) {
        Entry e = entries.get(id);
        e.attempts = attempts;
        e.nextAttemptAt = nextAttemptAt;
        e.lastError = lastError;
        release(e);
        e.history.add(new Attempt(clock.instant(), "retry", logid, lastError));
    }

    @Override
    public synchronized void park(String id, String reason, String logid) {
        Entry e = entries.get(id);
        e.attempts++;
        e.status = Status.PARKED;
        e.parkReason = reason;
        release(e);
        e.history.add(new Attempt(clock.instant(), "parked", logid, reason));
    }

    private static void release(Entry e) {
        e.leaseOwner = null;
        e.leaseUntil = null;
    }

    public synchronized Entry get(String id) { return entries.get(id); }

    public synchronized List<Entry> all() { return List.copyOf(entries.values()); }

    public synchronized long count(Status status) { return entries.values().stream().filter(e -> e.status == status).count(); }
}
