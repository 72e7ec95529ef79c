package dev.tihuo.adapters.douyin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Codes;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Permanent;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Transient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The wire: one HTTP exchange with Douyin per {@link #call}, through a circuit breaker. Sends {@code access-token} and
 * {@code content-type: application/json}, the query string (GET, lists comma-joined, values URL-encoded so an
 * {@code encrypted_code}'s {@code +} and {@code /} survive) or the JSON body (POST); reads the answer with
 * {@link EnvelopeReader}; writes exactly one log line per call (path, logid, outcome, duration) and times it.
 * Transport errors and timeouts become {@link Transient}; while the circuit is open calls fail fast as
 * {@code Transient("circuit open")} without touching the network.
 */
public final class DouyinHttp {
    private static final Logger LOG = LoggerFactory.getLogger(DouyinHttp.class);

    private final WebClient client;
    private final DouyinOpenApiConfig settings;
    private final CircuitBreaker breaker;
    private final MeterRegistry registry;
    private final ObjectMapper mapper = WireJson.mapper();
    private final EnvelopeReader reader = new EnvelopeReader(mapper);

    public DouyinHttp(WebClient client, DouyinOpenApiConfig settings, CircuitBreaker breaker, MeterRegistry registry) {
        this.client = client;
        this.settings = settings;
        this.breaker = breaker;
        this.registry = registry;
    }

    public static WebClient webClient(Vertx vertx, DouyinOpenApiConfig settings) {
        return WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setUserAgent("tihuo-douyin-openapi")
                .setFollowRedirects(false)
                .setKeepAlive(true));
    }

    /** The breaker counts only {@link Transient} failures: a business refusal proves Douyin is up. */
    public static CircuitBreaker circuitBreaker(String name, DouyinOpenApiConfig.Circuit c, Clock clock) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(c.window())
                .minimumNumberOfCalls(c.minimumCalls())
                .failureRateThreshold(c.failureRatePercent())
                .waitDurationInOpenState(c.openFor())
                .permittedNumberOfCallsInHalfOpenState(c.halfOpenCalls())
                .recordException(t -> t instanceof Transient)
                .clock(clock)
                .build());
    }

    public CircuitBreaker breaker() { return breaker; }

    public <Q, R> Future<Answer<R>> call(Endpoint<Q, R> endpoint, Q request, String accessToken) {
        long started = System.nanoTime();
        String merchant = merchantOf(request);
        if (!breaker.tryAcquirePermission()) {
            Transient open = Transient.of(endpoint.path(), "-", "circuit open", null);
            record(endpoint, merchant, "-", "circuit_open", started, open);
            return Future.failedFuture(open);
        }
        HttpRequest<Buffer> http;
        Buffer body;
        try {
            http = client.requestAbs(endpoint.method(), settings.baseUrl() + endpoint.path())
                    .putHeader("content-type", "application/json")
                    .idleTimeout(settings.readTimeout().toMillis());
            if (endpoint.needsToken()) http.putHeader("access-token", accessToken);
            body = endpoint.method() == HttpMethod.GET ? null : Buffer.buffer(mapper.writeValueAsBytes(request));
            if (body == null) addQuery(http, request);
        } catch (Exception e) {
            breaker.releasePermission();
            Permanent bad = new Permanent(endpoint.path(), "-", Codes.NONE, "request could not be written: " + e.getMessage(), List.of());
            record(endpoint, merchant, "-", "permanent", started, bad);
            return Future.failedFuture(bad);
        }
        Future<HttpResponse<Buffer>> sent = body == null ? http.send() : http.sendBuffer(body);
        return sent.transform(ar -> {
            Answer<R> answer;
            try {
                if (ar.failed()) {
                    throw Transient.of(endpoint.path(), "-", "transport: " + describe(ar.cause()), ar.cause());
                }
                HttpResponse<Buffer> resp = ar.result();
                byte[] bytes = resp.body() == null ? null : resp.body().getBytes();
                answer = reader.read(endpoint, resp.statusCode(), bytes);
            } catch (DouyinFailure failure) {
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, failure);
                record(endpoint, merchant, failure.logid(), outcome(failure), started, failure);
                return Future.failedFuture(failure);
            } catch (RuntimeException unexpected) {
                Transient t = Transient.of(endpoint.path(), "-", "unexpected: " + describe(unexpected), unexpected);
                breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, t);
                record(endpoint, merchant, "-", "transient", started, t);
                return Future.failedFuture(t);
            }
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            record(endpoint, merchant, answer.logid(), "ok", started, null);
            return Future.succeededFuture(answer);
        });
    }

    private void addQuery(HttpRequest<Buffer> http, Object request) {
        JsonNode tree = mapper.valueToTree(request);
        Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            String value = v.isArray()
                    ? String.join(",", StreamSupport.stream(v.spliterator(), false).map(JsonNode::asText).toList())
                    : v.isValueNode() ? v.asText() : v.toString();
            http.addQueryParam(f.getKey(), value);
        }
    }

    static String outcome(DouyinFailure f) {
        if (f instanceof DouyinFailure.TokenExpired) return "token_expired";
        if (f instanceof Permanent) return "permanent";
        return "transient";
    }

    /** The merchant ({@code account_id}) a request names, for the call's log line; "-" when it names none. */
    private String merchantOf(Object request) {
        if (request == null) {
            return "-";
        }
        try {
            JsonNode account = mapper.valueToTree(request).path("account_id");
            return account.isValueNode() ? account.asText() : "-";
        } catch (RuntimeException e) {
            return "-";
        }
    }

    private void record(Endpoint<?, ?> endpoint, String merchant, String logid, String outcome, long started, DouyinFailure failure) {
        long nanos = System.nanoTime() - started;
        Timer.builder("tihuo.douyin.calls").description("Outbound calls to Douyin OpenAPI")
                .tag("api", endpoint.id()).tag("outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        MDC.put("logid", logid);
        try {
            long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
            if (failure == null) {
                LOG.info("douyin {} {} {} logid={} merchant={} outcome={} {}ms", endpoint.id(), endpoint.method(), endpoint.path(), logid,
                        merchant, outcome, ms);
            } else {
                LOG.warn("douyin {} {} {} logid={} merchant={} outcome={} {}ms codes={} {}", endpoint.id(), endpoint.method(), endpoint.path(),
                        logid, merchant, outcome, ms, failure.codes(), failure.getMessage());
            }
        } finally {
            MDC.remove("logid");
        }
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 120 ? m.substring(0, 120) : m));
    }
}
