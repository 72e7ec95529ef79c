package dev.tihuo.adapters.douyin.openapi;

import dev.tihuo.adapters.douyin.openapi.dto.Certificates;
import dev.tihuo.adapters.douyin.openapi.dto.Goods;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import dev.tihuo.application.port.out.TokenStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The application's {@link DouyinPlatform} port on Douyin's OpenAPI. Each {@link DouyinCall} becomes its wire call(s)
 * through {@link DouyinWireMapper}; the answer becomes a {@link Delivery}. Failures become the port's two exceptions:
 * {@code Transient} (and a token refusal that survived one renewal and retry, and a call without an answer within
 * {@link DouyinOpenApiConfig#callTimeout()}) → {@link DouyinUnavailable}; {@code Permanent} → {@link DouyinRefused}.
 * Retrying, back-off and parking are the application's {@code OutboxService}'s business, not this class's.
 *
 * <p>Blocking from the caller's point of view: the application calls it from worker threads, each call waits for the
 * Vert.x future with a timeout. Calling it on an event-loop thread is a bug and fails at once.
 */
public final class DouyinOpenApiPlatform implements DouyinPlatform {
    private static final DouyinWireMapper MAP = DouyinWireMapper.INSTANCE;
    private static final int MAX_SHORT_LINK_HOPS = 3;

    private final OpenApiClient client;
    private final WebClient links;
    private final DouyinOpenApiConfig config;

    DouyinOpenApiPlatform(OpenApiClient client, WebClient links, DouyinOpenApiConfig config) {
        this.client = client;
        this.links = links;
        this.config = config;
    }

    /**
     * The composition root's entry: one platform per Douyin app. {@code tokens} is shared by every instance (D14);
     * {@code clock} drives token expiry and the circuit breaker; {@code registry} gets {@code tihuo.douyin.calls} and
     * {@code tihuo.douyin.token.refreshes}.
     */
    public static DouyinOpenApiPlatform create(Vertx vertx, DouyinOpenApiConfig config, TokenStore tokens, Clock clock,
                                               MeterRegistry registry) {
        return new DouyinOpenApiPlatform(OpenApiClient.create(vertx, config, tokens, clock, registry),
                DouyinHttp.webClient(vertx, config), config);
    }

    /**
     * For readiness: Douyin counts as usable when the circuit is closed, and as "waiting" (not a failure of tihuo)
     * when it is open: messages then stay in the outbox until Douyin answers again.
     */
    public String health() {
        return switch (client.http().breaker().getState()) {
            case CLOSED -> "UP (circuit closed)";
            case OPEN, FORCED_OPEN -> "DOWN (circuit open: messages wait in the outbox)";
            default -> "RECOVERING (circuit " + client.http().breaker().getState() + ")";
        };
    }

    /** The wire client underneath, for the calls the port does not (yet) name (O8, O10, G1, G2, G5, G8, G9). */
    public OpenApiClient client() { return client; }

    // ---------------------------------------------------------------- outbox messages

    @Override
    public Delivery deliver(DouyinCall call) {
        if (call instanceof DouyinCall.IssueCallback c) {
            Answer<dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode.IssueCodeCallbackData> a =
                    await(() -> client.issueCodeCallback(MAP.issueCallback(c)));
            List<IssuedCode> certificates = a.data() == null || a.data().certificateInfoList() == null ? List.of()
                    : MAP.issued(a.data().certificateInfoList());
            return new Delivery(a.logid(), certificates, List.of(), null, List.of());
        }
        if (call instanceof DouyinCall.RefundAudit c) {
            return Delivery.of(await(() -> client.auditRefund(MAP.refundAudit(c))).logid());
        }
        if (call instanceof DouyinCall.Verify c) {
            Answer<Certificates.VerifyData> a = await(() -> client.verify(MAP.verify(c)));
            return new Delivery(a.logid(), List.of(), a.data().verifyResults().stream().map(MAP::verifiedOwnCode).toList(),
                    null, List.of());
        }
        if (call instanceof DouyinCall.CancelVerify c) {
            if (c.verifyId() == null) throw new DouyinUnavailable("O4 cancel waits for the verify id of O3", "-");
            return Delivery.of(await(() -> client.cancelVerification(MAP.cancel(c))).logid());
        }
        if (call instanceof DouyinCall.StockPush c) {
            return Delivery.of(await(() -> client.saveStoreStock(MAP.stock(c))).logid());
        }
        if (call instanceof DouyinCall.ProductSave c) {
            return saveProduct(c);
        }
        throw new DouyinRefused(0, "no OpenAPI call for " + call.kind(), "-");
    }

    /** G3 (upsert on out_id, so a retry after a failed G4 is harmless), then G4 with the product id G3 answered. */
    private Delivery saveProduct(DouyinCall.ProductSave c) {
        Answer<Goods.ProductSaveData> product = await(() -> client.saveProduct(MAP.productSave(c, config.goods())));
        String productId = product.data().productId();
        if (c.skus() == null || c.skus().isEmpty()) {
            return new Delivery(product.logid(), List.of(), List.of(), productId, MAP.skuLinks(c, product.data().skuIds()));
        }
        Answer<Goods.SkuBatchSaveData> skus = await(() -> client.saveSkus(MAP.skuSave(c, productId)));
        return new Delivery(product.logid() + "," + skus.logid(), List.of(), List.of(), productId,
                MAP.skuLinks(c, skus.data().skuIds()));
    }

    // ---------------------------------------------------------------- synchronous calls

    /** O6: a scanned QR short link is resolved to its {@code object_id} ({@code encrypted_data}); anything else is a typed code. */
    @Override
    public PreparedCode prepare(String codeOrQr, String poiId) {
        String input = codeOrQr == null ? "" : codeOrQr.trim();
        Certificates.PrepareQuery query = isLink(input)
                ? new Certificates.PrepareQuery(objectIdOf(input), null, poiId)
                : new Certificates.PrepareQuery(null, input, poiId);
        return MAP.prepared(await(() -> client.prepare(query)).data());
    }

    @Override
    public List<Verified> verifyDouyinCodes(String verifyToken, String poiId, String orderId, List<String> encryptedCodes) {
        Certificates.VerifyRequest request = build(() -> Certificates.VerifyRequest.douyinCodes(verifyToken, poiId, orderId, encryptedCodes));
        return await(() -> client.verify(request)).data().verifyResults().stream().map(MAP::verifiedDouyinCode).toList();
    }

    @Override
    public void cancelDouyinVerification(String verifyId, String certificateId) {
        Certificates.CancelRequest request = build(() ->
                new Certificates.CancelRequest(verifyId, certificateId, MAP.cancelToken(verifyId, certificateId), null));
        await(() -> client.cancelVerification(request));
    }

    @Override
    public List<CertificateStatus> certificates(String orderId) {
        Certificates.Query query = build(() -> Certificates.Query.byOrder(orderId));
        Certificates.QueryData data = await(() -> client.queryCertificates(query)).data();
        return data.certificates() == null ? List.of() : MAP.certificateStatuses(data.certificates());
    }

    // ---------------------------------------------------------------- QR short links (openapi.md §5.1)

    private static boolean isLink(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.startsWith("https://") || l.startsWith("http://");
    }

    /**
     * Follows the short link's redirects (at most {@value #MAX_SHORT_LINK_HOPS}, no token sent) until a URL carries
     * {@code object_id}, and reads only that parameter: Douyin may change host and path.
     */
    private String objectIdOf(String link) {
        URI uri = URI.create(link);
        for (int hop = 0; ; hop++) {
            String id = queryParam(uri, "object_id");
            if (id != null) return id;
            if (hop >= MAX_SHORT_LINK_HOPS) break;
            URI current = uri;
            HttpResponse<Buffer> resp = awaitRaw("QR short link", () -> links.getAbs(current.toString())
                    .timeout(config.readTimeout().toMillis()).send());
            String location = resp.getHeader("location");
            if (resp.statusCode() / 100 != 3 || location == null) break;
            uri = current.resolve(location);
        }
        throw new DouyinRefused(0, "QR link without object_id: " + link, "-");
    }

    private static String queryParam(URI uri, String name) {
        String q = uri.getRawQuery();
        if (q == null) return null;
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return v.isBlank() ? null : v;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- blocking and failure mapping

    /** Builds a request; a request the DTO refuses (missing id...) would be refused by Douyin too: permanent. */
    private static <T> T build(Supplier<T> request) {
        try {
            return request.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DouyinRefused(0, "request cannot be built: " + e.getMessage(), "-");
        }
    }

    private <T> T await(Supplier<Future<T>> call) {
        try {
            return awaitRaw("Douyin", call);
        } catch (DouyinFailure f) {
            throw translate(f);
        }
    }

    private <T> T awaitRaw(String what, Supplier<Future<T>> call) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("DouyinPlatform blocks: call it from a worker thread, never from an event loop");
        }
        Future<T> future;
        try {
            future = call.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DouyinRefused(0, "request cannot be built: " + e.getMessage(), "-");
        }
        Duration timeout = config.callTimeout();
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DouyinUnavailable(what + ": no answer within " + timeout, "-");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DouyinUnavailable(what + ": interrupted while waiting", "-");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DouyinFailure f) throw f;
            if (cause instanceof DouyinUnavailable || cause instanceof DouyinRefused) throw (RuntimeException) cause;
            throw new DouyinUnavailable(what + ": " + cause, "-");
        }
    }

    /** Transient and a token refused again after renewal → unavailable (a retry may help); permanent → refused. */
    static RuntimeException translate(DouyinFailure f) {
        if (f instanceof DouyinFailure.Permanent) {
            return new DouyinRefused(code(f), f.summary(), f.logid());
        }
        return new DouyinUnavailable(f.summary(), f.logid());
    }

    /** The first non-zero envelope code, else the first failed item's code, else the HTTP status, else 0. */
    static long code(DouyinFailure f) {
        long first = f.codes().first();
        if (first != 0) return first;
        for (DouyinFailure.ItemFailure item : f.itemFailures()) {
            try {
                long c = Long.parseLong(item.code());
                if (c != 0) return c;
            } catch (NumberFormatException ignored) {
                // not a number: keep looking
            }
        }
        return f.codes().httpStatus();
    }
}
