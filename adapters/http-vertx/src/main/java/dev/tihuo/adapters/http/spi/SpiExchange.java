package dev.tihuo.adapters.http.spi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tihuo.adapters.http.spi.body.SpiReply;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One SPI (or webhook) request from arrival to its single answer: holds the log id, the MDC, the start time;
 * writes the envelope at most once (a late handler result after a deadline answer is dropped) and logs one
 * line per request.
 */
public final class SpiExchange {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tihuo.spi.requests");
    private static final String KEY = SpiExchange.class.getName();

    private final RoutingContext ctx;
    private final String path;
    private volatile String logid;
    private final long startNanos;
    private final Instant receivedAt;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final MeterRegistry meters;
    private volatile String route = "-";
    private volatile String clientKey = "-";
    private volatile String merchant = "-";
    private volatile String order = "-";
    private static final JsonFactory PEEK = new JsonFactory();

    private SpiExchange(RoutingContext ctx, MeterRegistry meters, Instant receivedAt) {
        this.ctx = ctx;
        this.meters = meters;
        this.path = Logids.loggable(ctx.request().path(), 200);
        this.logid = Logids.fromHeader(ctx.request().getHeader(Logids.HEADER));
        this.startNanos = System.nanoTime();
        this.receivedAt = receivedAt;
    }

    /** Starts the exchange of this request; call first, before the body is read. */
    public static SpiExchange start(RoutingContext ctx, MeterRegistry meters, Instant receivedAt) {
        SpiExchange exchange = new SpiExchange(ctx, meters, receivedAt);
        ctx.put(KEY, exchange);
        return exchange;
    }

    /** The exchange of this request, started late if the start handler did not run. */
    public static SpiExchange of(RoutingContext ctx, MeterRegistry meters) {
        SpiExchange exchange = ctx.get(KEY);
        return exchange != null ? exchange : start(ctx, meters, Instant.now());
    }

    public String logid() {
        return logid;
    }

    /** Adopts a log id found in the body (webhooks carry {@code log_id}) when no header gave one. */
    public void adoptLogid(String bodyLogid) {
        if (logid.startsWith("local-") && bodyLogid != null && !bodyLogid.isBlank()) {
            logid = Logids.fromHeader(bodyLogid);
        }
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    public void route(String route) {
        this.route = route;
    }

    public void clientKey(String clientKey) {
        this.clientKey = Logids.loggable(clientKey, 64);
    }

    /**
     * Notes the merchant ({@code account_id}) and Douyin order ({@code order_id}) a signed body names, for the
     * request's log line and MDC; bodies that carry neither, or are not JSON, leave "-".
     */
    public void subjectFrom(byte[] raw) {
        // Streams the top level only and stops once both are seen: this runs on the event loop for every request, and
        // building a tree of the whole body cost as much as parsing it into its request record.
        try (JsonParser body = PEEK.createParser(raw)) {
            if (body.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            boolean seenMerchant = false;
            boolean seenOrder = false;
            while (!(seenMerchant && seenOrder) && body.nextToken() == JsonToken.FIELD_NAME) {
                String name = body.currentName();
                JsonToken value = body.nextToken();
                if (value == null) {
                    return;
                }
                if (!value.isScalarValue()) {
                    body.skipChildren();
                } else if (!seenMerchant && "account_id".equals(name)) {
                    merchant = Logids.loggable(body.getText(), 32);
                    seenMerchant = true;
                } else if (!seenOrder && "order_id".equals(name)) {
                    order = Logids.loggable(body.getText(), 40);
                    seenOrder = true;
                }
            }
        } catch (java.io.IOException | RuntimeException unreadable) {
            // the request is refused as malformed later; the log line keeps what was read before, or "-"
        }
    }

    public boolean isAnswered() {
        return answered.get();
    }

    /** The MDC this request's processing runs with. */
    public Map<String, String> mdc() {
        Map<String, String> mdc = new HashMap<>();
        mdc.put(Logids.MDC_LOGID, logid);
        mdc.put(Logids.MDC_ROUTE, route);
        mdc.put(Logids.MDC_CLIENT_KEY, clientKey);
        mdc.put("merchant", merchant);
        mdc.put("order", order);
        return mdc;
    }

    /** Puts this request's MDC on the current thread until closed (event loop or worker). */
    public MdcScope enterMdc() {
        return MdcScope.enter(mdc());
    }

    /** Writes the envelope unless an answer was already written; true when this call wrote it. */
    public boolean answer(int httpStatus, SpiErrorCode code, String description, SpiReply reply) {
        byte[] body;
        try {
            body = SpiJson.envelope(code, description, reply);
        } catch (RuntimeException e) {
            LOG.error("reply of {} could not be serialised", route, e);
            code = SpiErrorCode.INTERNAL_ERROR;
            body = SpiJson.envelope(code, "internal error", null);
        }
        return write(httpStatus, code.code(), Buffer.buffer(body));
    }

    /** Writes a body that is not the SPI envelope (webhook challenge echo). */
    public boolean answerRaw(int httpStatus, int outcome, Buffer body) {
        return write(httpStatus, outcome, body);
    }

    private boolean write(int httpStatus, int outcome, Buffer body) {
        if (!answered.compareAndSet(false, true)) {
            LOG.warn("{} late result (outcome {}) discarded: the request was already answered", route, outcome);
            return false;
        }
        long durationMs = elapsedMillis();
        try (MdcScope ignored = enterMdc()) {
            HttpServerResponse response = ctx.response();
            if (response.ended() || response.closed()) {
                LOG.info("{} path={} logid={} client_key={} merchant={} order={} outcome={} http=- duration_ms={} (client gone)",
                        route, path, logid, clientKey, merchant, order, outcome, durationMs);
            } else {
                response.setStatusCode(httpStatus)
                        .putHeader("Content-Type", "application/json; charset=utf-8")
                        .end(body);
                LOG.info("{} path={} logid={} client_key={} merchant={} order={} outcome={} http={} duration_ms={}",
                        route, path, logid, clientKey, merchant, order, outcome, httpStatus, durationMs);
            }
        }
        if (meters != null) {
            Timer.builder("tihuo.spi.requests")
                    .description("SPI and webhook requests by route and data.error_code")
                    .tag("route", route)
                    .tag("outcome", Integer.toString(outcome))
                    .register(meters)
                    .record(durationMs, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Restores the thread's previous MDC on close. */
    public static final class MdcScope implements AutoCloseable {
        private final Map<String, String> previous;

        private MdcScope(Map<String, String> previous) {
            this.previous = previous;
        }

        public static MdcScope enter(Map<String, String> mdc) {
            MdcScope scope = new MdcScope(MDC.getCopyOfContextMap());
            MDC.setContextMap(mdc);
            return scope;
        }

        @Override
        public void close() {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }
}
