package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.IdempotencyRecords;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Secondary adapter for tests: the first answer per (merchant, operation, key); a second save is DUPLICATE. */
public final class InMemoryIdempotencyRecords implements IdempotencyRecords, MemoryDatabase.Table {
    private record Row(String fingerprint, Object answer, Instant at) {}

    private final MemoryDatabase db;
    private Map<List<String>, Row> rows = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

    public InMemoryIdempotencyRecords() {
        this(new MemoryDatabase());
    }

    public InMemoryIdempotencyRecords(MemoryDatabase db) {
        this.db = db;
        db.register(this);
    }

    @Override
    public <R> Optional<Stored<R>> find(String merchant, String operation, String key, Class<R> answerType) {
        reads.incrementAndGet();
        return db.locked(() -> Optional.ofNullable(rows.get(List.of(merchant, operation, key)))
                .map(r -> new Stored<>(r.fingerprint(), answerType.cast(r.answer()))));
    }

    @Override
    public <R> void save(String merchant, String operation, String key, String fingerprint, R answer, Instant at) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(answer, "answer");
        db.locked(() -> {
            List<String> id = List.of(merchant, operation, key);
            if (rows.containsKey(id)) {
                throw new DomainException(Reason.DUPLICATE, operation + " " + key + " has an answer already");
            }
            rows.put(id, new Row(fingerprint, answer, at));
        });
    }

    /** How many times a stored answer was looked for, for assertions. */
    public int reads() {
        return reads.get();
    }

    /** How many answers are remembered, for assertions. */
    public int count() {
        return db.locked(() -> rows.size());
    }

    @Override
    public Object capture() {
        return new HashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object captured) {
        rows = new HashMap<>((Map<List<String>, Row>) captured);
    }
}
