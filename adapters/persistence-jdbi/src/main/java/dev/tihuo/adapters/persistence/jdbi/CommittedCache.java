package dev.tihuo.adapters.persistence.jdbi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A short-lived in-memory copy of rows that are read on every SPI call and written rarely (products, stores), so an
 * S1+S4 pair stops re-reading them a dozen times. It holds <em>committed</em> rows only:
 *
 * <ul>
 *   <li>a transaction that changed the cached table reads through the database and fills nothing until it ends (it
 *       sees its own uncommitted rows, which must not reach other threads, and would be lost by a rollback);</li>
 *   <li>a change evicts its entries once its transaction has committed. A load racing with that commit cannot put
 *       the old row back: Caffeine computes a key atomically, so the eviction waits for the load and removes it;</li>
 *   <li>an optimistic-lock failure evicts at once, so the retry reads the current version;</li>
 *   <li>absent rows are not cached (a product published a moment ago is found at once), and entries expire after
 *       the configured time, which bounds what another instance's change can leave stale.</li>
 * </ul>
 *
 * <p>Values must be immutable (rows, records): they are shared between threads; repositories build fresh domain
 * objects from them. A time of zero switches the cache off.
 */
final class CommittedCache<K, V> {
    private final JdbiUnitOfWork unitOfWork;
    private final Cache<K, V> cache;

    CommittedCache(JdbiUnitOfWork unitOfWork, Duration timeToLive, long maximumSize) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.cache = timeToLive.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(timeToLive).maximumSize(maximumSize).recordStats().build();
    }

    CacheFigures figures() {
        if (cache == null) {
            return new CacheFigures(0, 0, 0);
        }
        var stats = cache.stats();
        return new CacheFigures(stats.hitCount(), stats.missCount(), cache.estimatedSize());
    }

    /** The committed value of the key, from memory or loaded (by the running transaction when there is one). */
    Optional<V> get(K key, Function<K, Optional<V>> load) {
        if (cache == null || unitOfWork.changedInThisTransaction(this)) {
            return load.apply(key);
        }
        // Caffeine reads a present key without locking; a miss loads under the key's lock (see the class comment)
        return Optional.ofNullable(cache.get(key, k -> load.apply(k).orElse(null)));
    }

    /** The running transaction changes the key: bypass this cache until it ends, evict the key once it commits. */
    void changing(K key) {
        unitOfWork.markChanged(this);
        if (cache != null) {
            unitOfWork.afterCommit(() -> cache.invalidate(key));
        }
    }

    /** Like {@link #changing(Object)} for changes whose keys are not known (an index over another table's rows). */
    void changingAll() {
        unitOfWork.markChanged(this);
        if (cache != null) {
            unitOfWork.afterCommit(cache::invalidateAll);
        }
    }

    /** Forgets everything (the table was written behind this adapter's back). */
    void clear() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }

    /** The entry is known to be out of date (a save found a newer version): drop it now. */
    void evict(K key) {
        if (cache != null) {
            cache.invalidate(key);
        }
    }
}
