package dev.tihuo.adapters.http.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tihuo.adapters.http.spi.DeadlineWork;
import dev.tihuo.adapters.http.spi.Logids;
import dev.tihuo.adapters.http.spi.SpiApp;
import dev.tihuo.adapters.http.spi.SpiApps;
import dev.tihuo.adapters.http.spi.SpiErrorCode;
import dev.tihuo.adapters.http.spi.SpiExchange;
import dev.tihuo.adapters.http.spi.SpiJson;
import dev.tihuo.adapters.http.spi.body.Fields;
import dev.tihuo.adapters.http.spi.body.InvalidFieldException;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/douyin}: verifies {@code X-Douyin-Signature} (401/40001), answers Douyin's
 * {@code verify_webhook} challenge, de-duplicates on {@code Msg-Id}, hands W1 to the {@link PoiChangeHandler} on
 * a worker with a deadline, acknowledges every other event. Replies use the SPI envelope; a failed or late W1
 * answers HTTP 503 with {@code error_code 100} so that Douyin's webhook retry (3 attempts) redelivers it.
 */
public final class WebhookRoutes {
    public static final String EVENT_POI_CHANGE = "life_retail_comp_poi_change";
    public static final String EVENT_VERIFY = "verify_webhook";
    public static final String MSG_ID_HEADER = "Msg-Id";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
    private static final String ROUTE = "webhook";

    private final SpiApps apps;
    private final WebhookInbox inbox;
    private final PoiChangeHandler poiChanges;
    private final WebhookSettings settings;
    private final MeterRegistry meters;
    private final WorkerExecutor workers;
    private final DeadlineWork deadlineWork;

    public WebhookRoutes(Vertx vertx, SpiApps apps, WebhookInbox inbox, PoiChangeHandler poiChanges,
                         WebhookSettings settings, MeterRegistry meters) {
        this.apps = apps;
        this.inbox = inbox;
        this.poiChanges = poiChanges;
        this.settings = settings;
        this.meters = meters;
        this.workers = vertx.createSharedWorkerExecutor("tihuo-webhook", 2);
        this.deadlineWork = new DeadlineWork(vertx, workers);
    }

    public void mountOn(Router router) {
        String path = settings.path();
        router.route(path).handler(ctx -> {
            SpiExchange.start(ctx, meters, Instant.now()).route(ROUTE);
            ctx.next();
        });
        router.route(path).handler(BodyHandler.create(false).setBodyLimit(settings.bodyLimitBytes()));
        router.post(path).handler(this::handle);
        router.route(path).handler(ctx -> SpiExchange.of(ctx, meters).answer(200, SpiErrorCode.MALFORMED_REQUEST,
                "method " + ctx.request().method().name() + " not allowed; webhooks are POST", null));
        router.route(path).failureHandler(this::failure);
    }

    public void close() {
        workers.close();
    }

    private void handle(RoutingContext ctx) {
        SpiExchange exchange = SpiExchange.of(ctx, meters);
        exchange.route(ROUTE);
        try (SpiExchange.MdcScope ignored = exchange.enterMdc()) {
            Buffer buffer = ctx.body() == null ? null : ctx.body().buffer();
            byte[] raw = buffer == null ? new byte[0] : buffer.getBytes();
            String signature = ctx.request().getHeader(WebhookSignature.HEADER);
            Optional<SpiApp> app = WebhookSignature.signer(apps, signature, raw);
            if (app.isEmpty()) {
                exchange.answer(401, SpiErrorCode.BAD_SIGNATURE, "signature verification failed", null);
                return;
            }
            exchange.clientKey(app.get().clientKey());
            JsonNode envelope = readTree(raw);
            if (!(envelope instanceof ObjectNode) || !envelope.path("event").isTextual()) {
                exchange.answer(200, SpiErrorCode.MALFORMED_REQUEST, "body must be a webhook envelope with an event",
                        null);
                return;
            }
            String clientKey = envelope.path("client_key").asText("");
            if (!clientKey.isEmpty() && !clientKey.equals(app.get().clientKey())) {
                exchange.answer(401, SpiErrorCode.BAD_SIGNATURE, "client_key does not match the signature", null);
                return;
            }
            exchange.adoptLogid(envelope.path("log_id").asText(null));
            String event = envelope.path("event").asText();
            JsonNode content = content(envelope.get("content"));
            if (EVENT_VERIFY.equals(event)) {
                ObjectNode echo = SpiJson.mapper().createObjectNode();
                echo.set("challenge", content == null ? null : content.get("challenge"));
                exchange.answerRaw(200, 0, Buffer.buffer(echo.toString()));
                return;
            }
            String header = ctx.request().getHeader(MSG_ID_HEADER);
            String msgId = header != null && !header.isBlank() ? Logids.loggable(header.trim(), 128)
                    : "sig:" + HexFormat.of().formatHex(WebhookSignature.sign(app.get().clientSecret(), raw));
            if (!inbox.claim(msgId)) {
                exchange.answer(200, SpiErrorCode.OK, "duplicate message; already taken on", null);
                return;
            }
            if (!EVENT_POI_CHANGE.equals(event)) {
                LOG.info("webhook event {} (msg {}) acknowledged without processing", Logids.loggable(event, 64), msgId);
                exchange.answer(200, SpiErrorCode.OK, "acknowledged", null);
                return;
            }
            PoiChange change;
            try {
                change = SpiJson.mapper().treeToValue(content, PoiChange.class);
                if (change == null) {
                    throw new InvalidFieldException("content", "is missing");
                }
                Fields.check(change);
            } catch (JsonProcessingException | IllegalArgumentException | InvalidFieldException e) {
                inbox.release(msgId);
                String detail = e instanceof InvalidFieldException invalid ? invalid.getMessage().replaceFirst("field ", "field content.")
                        : "content is not a valid " + EVENT_POI_CHANGE + " payload";
                LOG.warn("webhook {} (msg {}) refused: {}", EVENT_POI_CHANGE, msgId, detail);
                exchange.answer(200, SpiErrorCode.MALFORMED_REQUEST, detail, null);
                return;
            }
            WebhookCall call = new WebhookCall(app.get().clientKey(), msgId, exchange.logid(),
                    content == null ? "" : content.toString());
            deadlineWork.run(exchange, settings.deadline().toMillis(),
                    () -> {
                        poiChanges.onPoiChange(change, call);
                        return Boolean.TRUE;
                    },
                    () -> exchange.answer(503, SpiErrorCode.RETRY, "processing took too long; please retry", null),
                    ar -> {
                        if (ar.succeeded()) {
                            exchange.answer(200, SpiErrorCode.OK, "success", null);
                        } else {
                            inbox.release(msgId);
                            LOG.error("webhook {} (msg {}) handler failed", EVENT_POI_CHANGE, msgId, ar.cause());
                            exchange.answer(503, SpiErrorCode.RETRY, "temporary failure; please retry", null);
                        }
                    });
        }
    }

    /** {@code content} is a JSON string holding JSON (events) or an object (verify_webhook); tolerate both. */
    private static JsonNode content(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return readTree(node.asText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return node;
    }

    private static JsonNode readTree(byte[] raw) {
        try {
            return raw.length == 0 ? null : SpiJson.mapper().readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    private void failure(RoutingContext ctx) {
        SpiExchange exchange = SpiExchange.of(ctx, meters);
        exchange.route(ROUTE);
        try (SpiExchange.MdcScope ignored = exchange.enterMdc()) {
            int status = ctx.statusCode();
            if (status == 413) {
                exchange.answer(200, SpiErrorCode.MALFORMED_REQUEST,
                        "request body exceeds " + settings.bodyLimitBytes() + " bytes", null);
            } else if (status >= 400 && status < 500) {
                exchange.answer(200, SpiErrorCode.MALFORMED_REQUEST, "malformed request", null);
            } else {
                LOG.error("unexpected failure while handling a webhook", ctx.failure());
                exchange.answer(200, SpiErrorCode.INTERNAL_ERROR, "internal error", null);
            }
        }
    }
}
