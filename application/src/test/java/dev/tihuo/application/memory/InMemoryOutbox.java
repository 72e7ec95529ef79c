package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.MessageKind;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.OutboxMessage.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Secondary adapter for tests: the outbox. Claims are leases; a message whose coalesce key has another message in
 * flight waits for it, so absolute stock values reach Douyin in order.
 */
public final class InMemoryOutbox implements Outbox, MemoryDatabase.Table {
    /** Earliest deadline first (none last), then the earliest attempt, then the oldest. */
    public static final Comparator<OutboxMessage> DELIVERY_ORDER = Comparator
            .comparing(OutboxMessage::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OutboxMessage::nextAttemptAt)
            .thenComparingLong(OutboxMessage::id);

    private record Lease(String owner, Instant until) {}

    private record State(TreeMap<Long, OutboxMessage> messages, Map<Long, Lease> leases, long lastId) {}

    private final MemoryDatabase db;
    private TreeMap<Long, OutboxMessage> messages = new TreeMap<>();
    private Map<Long, Lease> leases = new HashMap<>();
    private long lastId;

    public InMemoryOutbox() {
        this(new MemoryDatabase());
    }

    public InMemoryOutbox(MemoryDatabase db) {
        this.db = db;
        db.register(this);
    }

    @Override
    public void append(OutboxMessage message) {
        Objects.requireNonNull(message, "message");
        db.locked(() -> {
            if (message.coalesceKey() != null) {
                Optional<OutboxMessage> waiting = messages.values().stream()
                        .filter(m -> message.coalesceKey().equals(m.coalesceKey()) && m.status() == Status.PENDING)
                        .findFirst();
                if (waiting.isPresent()) {
                    OutboxMessage w = waiting.get();
                    messages.put(w.id(), new OutboxMessage(w.id(), w.merchant(), message.call(), w.dedupeKey(),
                            w.coalesceKey(), w.createdAt(), w.nextAttemptAt(), w.deadline(), w.attempts(), w.lastError(),
                            w.lastLogid(), w.status()));
                    return;
                }
            }
            long id = ++lastId;
            messages.put(id, new OutboxMessage(id, message.merchant(), message.call(), message.dedupeKey(),
                    message.coalesceKey(), message.createdAt(), message.nextAttemptAt(), message.deadline(), 0, null,
                    null, Status.PENDING));
        });
    }

    @Override
    public List<OutboxMessage> claimDue(Instant now, int limit, String owner, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        return db.locked(() -> {
            List<OutboxMessage> due = messages.values().stream()
                    .filter(m -> claimable(m, now))
                    .filter(m -> m.coalesceKey() == null || messages.values().stream().noneMatch(f -> f.id() != m.id()
                            && m.coalesceKey().equals(f.coalesceKey()) && f.status() == Status.IN_FLIGHT
                            && leased(f, now)))
                    .sorted(DELIVERY_ORDER)
                    .limit(limit)
                    .toList();
            List<OutboxMessage> claimed = new ArrayList<>();
            for (OutboxMessage m : due) {
                OutboxMessage inFlight = with(m, m.nextAttemptAt(), m.attempts(), m.lastError(), m.lastLogid(), Status.IN_FLIGHT);
                messages.put(m.id(), inFlight);
                leases.put(m.id(), new Lease(owner, now.plus(lease)));
                claimed.add(inFlight);
            }
            return claimed;
        });
    }

    private boolean claimable(OutboxMessage m, Instant now) {
        return (m.status() == Status.PENDING && !m.nextAttemptAt().isAfter(now))
                || (m.status() == Status.IN_FLIGHT && !leased(m, now));
    }

    private boolean leased(OutboxMessage m, Instant now) {
        Lease lease = leases.get(m.id());
        return lease != null && lease.until().isAfter(now);
    }

    @Override
    public void markDelivered(long id, String logid, Instant at) {
        update(id, m -> with(m, m.nextAttemptAt(), m.attempts(), m.lastError(), logid, Status.DELIVERED));
    }

    @Override
    public void reschedule(long id, Instant nextAttemptAt, String error, String logid) {
        update(id, m -> with(m, nextAttemptAt, m.attempts() + 1, error, logid, Status.PENDING));
    }

    @Override
    public void park(long id, String reason, String logid) {
        update(id, m -> with(m, m.nextAttemptAt(), m.attempts(), reason, logid, Status.PARKED));
    }

    private void update(long id, java.util.function.UnaryOperator<OutboxMessage> change) {
        db.locked(() -> {
            OutboxMessage m = messages.get(id);
            if (m != null) {
                messages.put(id, change.apply(m));
                leases.remove(id);
            }
        });
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return db.locked(() -> Optional.ofNullable(messages.get(id)));
    }

    @Override
    public List<OutboxMessage> stuck(int minAttempts, int limit) {
        return db.locked(() -> messages.values().stream()
                .filter(m -> m.status() == Status.PARKED || (m.status() != Status.DELIVERED && m.attempts() >= minAttempts))
                .limit(limit)
                .toList());
    }

    @Override
    public boolean retryNow(long id, Instant now) {
        return db.locked(() -> {
            OutboxMessage m = messages.get(id);
            if (m == null || m.status() == Status.DELIVERED || (m.status() == Status.IN_FLIGHT && leased(m, now))) {
                return false;
            }
            messages.put(id, with(m, now, m.attempts(), m.lastError(), m.lastLogid(), Status.PENDING));
            leases.remove(id);
            return true;
        });
    }

    @Override
    public int wake(MessageKind kind, String dedupeKey, Instant now) {
        return db.locked(() -> {
            int woken = 0;
            for (OutboxMessage m : List.copyOf(messages.values())) {
                if (m.status() == Status.PENDING && m.kind() == kind && m.dedupeKey().equals(dedupeKey)
                        && m.nextAttemptAt().isAfter(now)) {
                    messages.put(m.id(), with(m, now, m.attempts(), m.lastError(), m.lastLogid(), Status.PENDING));
                    woken++;
                }
            }
            return woken;
        });
    }

    @Override
    public Backlog backlog() {
        return db.locked(() -> {
            List<OutboxMessage> waiting = messages.values().stream()
                    .filter(m -> m.status() == Status.PENDING || m.status() == Status.IN_FLIGHT).toList();
            long parked = messages.values().stream().filter(m -> m.status() == Status.PARKED).count();
            Instant oldest = waiting.stream().map(OutboxMessage::createdAt).min(Comparator.naturalOrder()).orElse(null);
            Instant nearest = waiting.stream().map(OutboxMessage::deadline).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            return new Backlog(waiting.size(), parked, oldest, nearest);
        });
    }

    /** Every message ever appended, oldest first, for assertions. */
    public List<OutboxMessage> all() {
        return db.locked(() -> List.copyOf(messages.values()));
    }

    private static OutboxMessage with(OutboxMessage m, Instant next, int attempts, String error, String logid, Status status) {
        return new OutboxMessage(m.id(), m.merchant(), m.call(), m.dedupeKey(), m.coalesceKey(), m.createdAt(), next,
                m.deadline(), attempts, error, logid, status);
    }

    @Override
    public Object capture() {
        return new State(new TreeMap<>(messages), new HashMap<>(leases), lastId);
    }

    @Override
    public void restore(Object captured) {
        State s = (State) captured;
        messages = new TreeMap<>(s.messages());
        leases = new HashMap<>(s.leases());
        lastId = s.lastId();
    }
}
