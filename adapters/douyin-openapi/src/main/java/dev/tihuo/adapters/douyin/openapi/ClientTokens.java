package dev.tihuo.adapters.douyin.openapi;

import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Transient;
import dev.tihuo.application.port.out.TokenStore;
import dev.tihuo.application.port.out.TokenStore.StoredToken;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client token of one app (O9, D14). One token shared by every instance through the application's
 * {@link TokenStore} port (blocking: called off the event loop with {@code executeBlocking}); refreshed
 * when under {@code margin} (15 min) remain, and at once when Douyin refuses it (2190002 / 2190008 / 10008).
 * <ul>
 * <li>In this JVM, concurrent callers wait for one refresh: a single-flight future.</li>
 * <li>Across instances, the store's lease lets one instance fetch; the others poll the store for its result, and
 * meanwhile keep using a token that still works.</li>
 * <li>While the current token is near expiry but valid, callers get it at once and one refresh runs behind them.</li>
 * </ul>
 * Time comes from the injected {@link Clock}.
 */
public final class ClientTokens {
    private static final Logger LOG = LoggerFactory.getLogger(ClientTokens.class);
    /** Below this a token is not handed out any more, even while the refresh that replaces it is failing. */
    private static final Duration SAFETY = Duration.ofSeconds(30);
    private static final Duration PROACTIVE_RETRY = Duration.ofSeconds(30);
    /** D14: refresh ahead when less than this is left. */
    public static final Duration MARGIN = Duration.ofMinutes(15);
    /** How long one instance holds the refresh lease in the token store. */
    public static final Duration LEASE = Duration.ofSeconds(15);

    /** How a new token is obtained (O9 in production). */
    @FunctionalInterface
    public interface Fetcher {
        Future<Fetched> fetch();
    }

    public record Fetched(String token, Duration lifetime, String logid) {}

    private final Vertx vertx;
    private final String clientKey;
    private final TokenStore store;
    private final Fetcher fetcher;
    private final Clock clock;
    private final String owner;
    private final Duration margin;
    private final Duration lease;
    private final Duration poll;
    private final Counter fetched;
    private final Counter fetchFailed;

    private volatile StoredToken cached;
    private volatile String rejected;
    private volatile Instant proactiveNotBefore = Instant.MIN;
    private final AtomicReference<Future<String>> inflight = new AtomicReference<>();

    public ClientTokens(Vertx vertx, String clientKey, TokenStore store, Fetcher fetcher, Clock clock, String owner,
                        Duration margin, Duration lease, Duration poll, MeterRegistry registry) {
        this.vertx = vertx;
        this.clientKey = clientKey;
        this.store = store;
        this.fetcher = fetcher;
        this.clock = clock;
        this.owner = owner;
        this.margin = margin;
        this.lease = lease;
        this.poll = poll;
        this.fetched = Counter.builder("tihuo.douyin.token.refreshes").tag("outcome", "ok").register(registry);
        this.fetchFailed = Counter.builder("tihuo.douyin.token.refreshes").tag("outcome", "failed").register(registry);
    }

    /** A token to call with now. */
    public Future<String> current() {
        StoredToken c = cached;
        Instant now = clock.instant();
        if (c != null && c.token().equals(rejected)) return renewAfterRejection(c.token());
        if (c != null && now.isBefore(c.expiresAt().minus(margin))) return Future.succeededFuture(c.token());
        if (c != null && now.isBefore(c.expiresAt().minus(SAFETY))) {
            if (!now.isBefore(proactiveNotBefore)) {
                refresh(null).onFailure(e -> proactiveNotBefore = clock.instant().plus(PROACTIVE_RETRY));
            }
            return Future.succeededFuture(c.token());
        }
        return refresh(null);
    }

    /** Douyin refused {@code token}: get another one (unless somebody already did) — one refresh for all callers. */
    public Future<String> renewAfterRejection(String token) {
        rejected = token;
        StoredToken c = cached;
        if (c != null && !c.token().equals(token)) return Future.succeededFuture(c.token());
        return refresh(token).compose(t -> t.equals(token) ? refresh(token) : Future.succeededFuture(t));
    }

    private Future<String> refresh(String refused) {
        while (true) {
            Future<String> running = inflight.get();
            if (running != null) return running;
            Promise<String> promise = Promise.promise();
            if (inflight.compareAndSet(null, promise.future())) {
                int polls = (int) Math.max(1, lease.toMillis() / Math.max(1, poll.toMillis()) + 1);
                attempt(refused, polls).onComplete(ar -> {
                    inflight.set(null);
                    promise.handle(ar);
                });
                return promise.future();
            }
        }
    }

    private Future<String> attempt(String refused, int pollsLeft) {
        return vertx.executeBlocking(() -> store.current(clientKey)).compose(stored -> {
            Instant now = clock.instant();
            Optional<StoredToken> usable = stored.filter(t -> !t.token().equals(refused));
            Duration needed = refused == null ? margin : SAFETY;
            if (usable.isPresent() && now.isBefore(usable.get().expiresAt().minus(needed))) {
                return Future.succeededFuture(adopt(usable.get()));
            }
            return vertx.executeBlocking(() -> store.tryAcquireRefresh(clientKey, owner, now, now.plus(lease))).compose(acquired -> {
                if (acquired) {
                    // Another instance may have stored a fresh token between our read and our lease: use it.
                    return vertx.executeBlocking(() -> store.current(clientKey)).compose(now2 -> {
                        Optional<StoredToken> fresh = now2.filter(t -> !t.token().equals(refused)
                                && !t.equals(stored.orElse(null)) && clock.instant().isBefore(t.expiresAt().minus(needed)));
                        if (fresh.isPresent()) {
                            return Future.succeededFuture(adopt(fresh.get())); // our unused lease simply runs out
                        }
                        return fetchAndStore();
                    });
                }
                if (usable.isPresent() && clock.instant().isBefore(usable.get().expiresAt().minus(SAFETY))) {
                    return Future.succeededFuture(adopt(usable.get()));
                }
                if (pollsLeft <= 0) {
                    return Future.failedFuture(Transient.of(Endpoints.O9_CLIENT_TOKEN.path(), "-", "token refresh held by another instance", null));
                }
                return vertx.timer(poll.toMillis()).compose(x -> attempt(refused, pollsLeft - 1));
            });
        });
    }

    private Future<String> fetchAndStore() {
        Instant asked = clock.instant();
        return fetcher.fetch().compose(f -> {
            StoredToken fresh = new StoredToken(f.token(), asked.plus(f.lifetime()));
            return vertx.executeBlocking(() -> {
                store.store(clientKey, fresh.token(), fresh.expiresAt(), owner);
                return fresh;
            }).map(this::adopt).onSuccess(t -> {
                fetched.increment();
                LOG.info("douyin client token refreshed clientKey={} owner={} expiresAt={} logid={}", clientKey, owner, fresh.expiresAt(), f.logid());
            });
        }).onFailure(e -> {
            fetchFailed.increment();
            LOG.warn("douyin client token refresh failed clientKey={} owner={}: {}", clientKey, owner, e.toString());
        });
    }

    private String adopt(StoredToken t) {
        cached = t;
        return t.token();
    }
}
