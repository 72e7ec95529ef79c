package dev.tihuo.adapters.http.spi;

import dev.tihuo.adapters.http.spi.body.SpiReply;
import dev.tihuo.adapters.http.spi.body.Validated;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts every SPI endpoint under the configured prefix and runs the pipeline:
 * body (size-limited) → app by {@code client_key} + signature (401/40001) → timestamp window (40002) →
 * content type, JSON, field rules (40003) → handler on a worker with a deadline (100 when late) → envelope.
 * One failure handler turns anything else into the envelope (40003 for refused bodies, 50000 otherwise).
 */
public final class SpiRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(SpiRoutes.class);

    private final SpiApps apps;
    private final SpiHandlers handlers;
    private final SpiSettings settings;
    private final MeterRegistry meters;
    private final ReplayWindow replayWindow;
    private final Map<String, FieldDecryptor> decryptors = new HashMap<>();
    private final WorkerExecutor workers;
    private final DeadlineWork deadlineWork;
    private final Set<String> endpointPaths;

    public SpiRoutes(Vertx vertx, SpiApps apps, SpiHandlers handlers, SpiSettings settings, MeterRegistry meters) {
        this.apps = apps;
        this.handlers = handlers;
        this.settings = settings;
        this.meters = meters;
        this.replayWindow = new ReplayWindow(settings.clock(), settings.timestampWindow());
        for (SpiApp app : apps.all()) {
            decryptors.put(app.clientKey(), new FieldDecryptor(app.clientSecret()));
        }
        this.workers = vertx.createSharedWorkerExecutor("tihuo-spi", settings.workerPoolSize());
        this.deadlineWork = new DeadlineWork(vertx, workers);
        this.endpointPaths = Stream.of(SpiEndpoint.values())
                .map(e -> settings.pathPrefix() + e.path()).collect(Collectors.toUnmodifiableSet());
    }

    /** Full path of an endpoint, prefix included. */
    public String pathOf(SpiEndpoint endpoint) {
        return settings.pathPrefix() + endpoint.path();
    }

    public void mountOn(Router router) {
        String all = settings.pathPrefix() + "/*";
        router.route(all).handler(ctx -> {
            SpiExchange.start(ctx, meters, settings.clock().instant());
            ctx.next();
        });
        router.route(all).handler(BodyHandler.create(false).setBodyLimit(settings.bodyLimitBytes()));
        for (SpiEndpoint endpoint : SpiEndpoint.values()) {
            router.post(pathOf(endpoint)).handler(ctx -> handle(ctx, endpoint));
        }
        router.route(all).handler(this::notAnSpiCall);
        router.route(all).failureHandler(this::failure);
    }

    /** Releases the worker pool. */
    public void close() {
        workers.close();
    }

    private void handle(RoutingContext ctx, SpiEndpoint endpoint) {
        SpiExchange exchange = SpiExchange.of(ctx, meters);
        exchange.route(endpoint.spi());
        try (SpiExchange.MdcScope ignored = exchange.enterMdc()) {
            byte[] raw = rawBody(ctx);
            MultiMap query = ctx.queryParams();
            Optional<SpiApp> app = single(query, "client_key").flatMap(apps::find);
            if (app.isEmpty() || !SpiSignature.verify(app.get(), query.entries(),
                    ctx.request().getHeader(SpiSignature.HEADER),
                    single(query, SpiSignature.LEGACY_QUERY_PARAM).orElse(null), raw)) {
                exchange.answer(401, SpiErrorCode.BAD_SIGNATURE, "signature verification failed", null);
                return;
            }
            exchange.clientKey(app.get().clientKey());
            exchange.subjectFrom(raw);
            if (!replayWindow.accepts(single(query, "timestamp").orElse(null))) {
                exchange.answer(200, SpiErrorCode.TIMESTAMP_OUT_OF_WINDOW,
                        "timestamp missing, malformed or outside the accepted window", null);
                return;
            }
            if (!isJson(ctx.request().getHeader("Content-Type"))) {
                exchange.answer(200, SpiErrorCode.MALFORMED_REQUEST, "Content-Type must be application/json", null);
                return;
            }
            Validated request = SpiJson.readRequest(raw, endpoint.requestType());
            SpiCall call = new SpiCall(endpoint, app.get().clientKey(), exchange.logid(), exchange.receivedAt(),
                    decryptors.get(app.get().clientKey()));
            SpiHandlers.Invoker invoker = handlers.invoker(endpoint);
            deadlineWork.run(exchange, settings.deadline().toMillis(),
                    () -> invoker.invoke(request, call),
                    () -> {
                        if (exchange.answer(200, SpiErrorCode.RETRY, "processing took too long; please retry", null)) {
                            LOG.warn("{} deadline of {} ms passed; answered 100", endpoint.spi(),
                                    settings.deadline().toMillis());
                        }
                    },
                    ar -> answerOutcome(exchange, endpoint, ar));
        } catch (SpiRejection rejection) {
            exchange.answer(200, rejection.code(), rejection.description(), null);
        }
    }

    /** Maps the handler's outcome to the envelope; notification SPIs only ever answer 0 or 100 (D16). */
    private void answerOutcome(SpiExchange exchange, SpiEndpoint endpoint, AsyncResult<SpiReply> outcome) {
        if (outcome.succeeded()) {
            SpiReply reply = outcome.result();
            exchange.answer(200, SpiErrorCode.OK, reply.successDescription(), reply);
            return;
        }
        Throwable failure = outcome.cause();
        if (failure instanceof SpiRejection rejection) {
            if (!endpoint.isNotification()) {
                exchange.answer(200, rejection.code(), rejection.description(), null);
            } else if (rejection.code() == SpiErrorCode.RETRY || rejection.code() == SpiErrorCode.INTERNAL_ERROR) {
                exchange.answer(200, SpiErrorCode.RETRY, "temporary failure; please retry", null);
            } else {
                LOG.warn("{} handler rejected the notification with {} ({}); acknowledged with 0 as D16 requires",
                        endpoint.spi(), rejection.code().code(), rejection.description());
                exchange.answer(200, SpiErrorCode.OK, "acknowledged", null);
            }
            return;
        }
        LOG.error("{} handler failed unexpectedly", endpoint.spi(), failure);
        if (endpoint.isNotification()) {
            exchange.answer(200, SpiErrorCode.RETRY, "temporary failure; please retry", null);
        } else {
            exchange.answer(200, SpiErrorCode.INTERNAL_ERROR, "internal error", null);
        }
    }

    private void notAnSpiCall(RoutingContext ctx) {
        SpiExchange exchange = SpiExchange.of(ctx, meters);
        String path = stripTrailingSlash(ctx.request().path());
        for (SpiEndpoint endpoint : SpiEndpoint.values()) {
            if (pathOf(endpoint).equals(path)) {
                exchange.route(endpoint.spi());
            }
        }
        if (endpointPaths.contains(path)) {
            exchange.answer(200, SpiErrorCode.MALFORMED_REQUEST,
                    "method " + ctx.request().method().name() + " not allowed; SPI calls are POST", null);
        } else {
            exchange.answer(200, SpiErrorCode.MALFORMED_REQUEST, "unknown SPI path", null);
        }
    }

    private void failure(RoutingContext ctx) {
        SpiExchange exchange = SpiExchange.of(ctx, meters);
        try (SpiExchange.MdcScope ignored = exchange.enterMdc()) {
            int status = ctx.statusCode();
            if (status == 413) {
                exchange.answer(200, SpiErrorCode.MALFORMED_REQUEST,
                        "request body exceeds " + settings.bodyLimitBytes() + " bytes", null);
            } else if (status >= 400 && status < 500) {
                exchange.answer(200, SpiErrorCode.MALFORMED_REQUEST, "malformed request", null);
            } else {
                LOG.error("unexpected failure while handling an SPI request", ctx.failure());
                exchange.answer(200, SpiErrorCode.INTERNAL_ERROR, "internal error", null);
            }
        }
    }

    static byte[] rawBody(RoutingContext ctx) {
        RequestBody body = ctx.body();
        Buffer buffer = body == null ? null : body.buffer();
        return buffer == null ? new byte[0] : buffer.getBytes();
    }

    private static Optional<String> single(MultiMap query, String name) {
        List<String> values = query.getAll(name);
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json");
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
