package dev.tihuo.application.memory;

import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Rows of immutable snapshots keyed by identity, with the versioning contract of the persistence ports: version 0
 * inserts (an existing key is DUPLICATE), any other version updates only if the stored version is the same (else
 * STALE_STATE); stored versions start at 1.
 */
final class VersionedRows<K, R> implements MemoryDatabase.Table {
    interface Versioning<R> {
        R withVersion(R row, long version);
    }

    private final MemoryDatabase db;
    private final String what;
    private final ToLongFunction<R> version;
    private final Versioning<R> versioning;
    private Map<K, R> rows = new LinkedHashMap<>();

    VersionedRows(MemoryDatabase db, String what, ToLongFunction<R> version, Versioning<R> versioning) {
        this.db = db;
        this.what = what;
        this.version = version;
        this.versioning = versioning;
        db.register(this);
    }

    Optional<R> get(K key) {
        return db.locked(() -> Optional.ofNullable(rows.get(key)));
    }

    List<R> where(Predicate<R> filter) {
        return db.locked(() -> rows.values().stream().filter(filter).toList());
    }

    /** Saves the row; {@code unique} may refuse it (DUPLICATE) when another row holds a value that must be unique. */
    void save(K key, R row, Predicate<R> clashesWith) {
        db.locked(() -> {
            long expected = version.applyAsLong(row);
            R stored = rows.get(key);
            if (expected == 0) {
                if (stored != null) {
                    throw new DomainException(Reason.DUPLICATE, what + " " + key + " exists already");
                }
            } else if (stored == null || version.applyAsLong(stored) != expected) {
                throw new DomainException(Reason.STALE_STATE, what + " " + key + " was changed by someone else (version "
                        + expected + ", stored " + (stored == null ? "none" : version.applyAsLong(stored)) + ")");
            }
            for (Map.Entry<K, R> other : rows.entrySet()) {
                if (!other.getKey().equals(key) && clashesWith != null && clashesWith.test(other.getValue())) {
                    throw new DomainException(Reason.DUPLICATE, what + " " + key + " clashes with " + other.getKey());
                }
            }
            rows.put(key, versioning.withVersion(row, expected + 1));
        });
    }

    @Override
    public Object capture() {
        return new LinkedHashMap<>(rows);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object captured) {
        rows = new LinkedHashMap<>((Map<K, R>) captured);
    }

    int size() {
        return db.locked(() -> rows.size());
    }

    List<R> all() {
        return db.locked(() -> new ArrayList<>(rows.values()));
    }
}
