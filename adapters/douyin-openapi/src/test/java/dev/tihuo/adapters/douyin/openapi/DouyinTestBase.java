package dev.tihuo.adapters.douyin.openapi;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * One Vert.x, one Douyin double on a random port, a hand-moved clock and a client for app "awTEST".
 *
 * <p>Wire-level tests (envelope layers, malformed/truncated/HTML answers, scripted codes such as 10008, 10020, 10013,
 * a second token refusal right after renewal, a hanging token fetch, two instances racing for the lease) keep the small
 * {@link DouyinDouble}: it scripts any exact answer byte for byte, which the platform simulator deliberately does not
 * (it only answers by Douyin's rules). Port-level behaviour is tested against the simulator in
 * {@code DouyinOpenApiPlatformTest}.
 */
abstract class DouyinTestBase {
    static final String KEY = "awTEST";
    static final String SECRET = "s3cr3t";

    Vertx vertx;
    DouyinDouble douyin;
    MutableClock clock;
    InMemoryTokenStore store;
    SimpleMeterRegistry registry;
    OpenApiClient client;

    @BeforeEach
    void startDouble() throws Exception {
        vertx = Vertx.vertx();
        douyin = new DouyinDouble(vertx).start();
        clock = MutableClock.at("2026-01-01T12:00:00Z");
        store = new InMemoryTokenStore(clock);
        registry = new SimpleMeterRegistry();
        client = newClient(settings());
    }

    DouyinOpenApiConfig settings() {
        return settings("instance-1");
    }

    DouyinOpenApiConfig settings(String instanceId) {
        return DouyinOpenApiConfig.defaults(douyin.baseUrl(), KEY, SECRET, instanceId)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3));
    }

    OpenApiClient newClient(DouyinOpenApiConfig settings) {
        return OpenApiClient.create(vertx, settings, store, clock, registry);
    }

    /** Puts a live token in the shared store that the double accepts, so tests about a call don't see a token fetch. */
    void givenStoredToken(String token, Duration left) {
        store.store(KEY, token, clock.instant().plus(left), "test");
        douyin.accept(token);
    }

    static <T> T await(Future<T> f) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    static Throwable failureOf(Future<?> f) throws Exception {
        try {
            f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    double counter(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    Instant now() { return clock.instant(); }

    @AfterEach
    void stopDouble() throws Exception {
        douyin.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
