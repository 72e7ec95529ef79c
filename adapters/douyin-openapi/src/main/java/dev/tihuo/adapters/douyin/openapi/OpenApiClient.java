package dev.tihuo.adapters.douyin.openapi;

import dev.tihuo.adapters.douyin.openapi.DouyinFailure.TokenExpired;
import dev.tihuo.application.port.out.TokenStore;
import dev.tihuo.adapters.douyin.openapi.dto.Ack;
import dev.tihuo.adapters.douyin.openapi.dto.Auth;
import dev.tihuo.adapters.douyin.openapi.dto.Certificates;
import dev.tihuo.adapters.douyin.openapi.dto.Goods;
import dev.tihuo.adapters.douyin.openapi.dto.Orders;
import dev.tihuo.adapters.douyin.openapi.dto.PoiStock;
import dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;

/**
 * Douyin's OpenAPI for one app, one method per call. Each call takes the shared client token; when Douyin refuses the
 * token (2190002 / 2190008 / 10008) the token is renewed once for all waiting callers and the call is retried once.
 * Other failures are returned as typed {@link DouyinFailure}s; {@link DouyinOpenApiPlatform} turns them into the
 * port's exceptions, and the application's outbox decides about retries.
 */
public final class OpenApiClient {
    private final DouyinHttp http;
    private final ClientTokens tokens;

    public OpenApiClient(DouyinHttp http, ClientTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** Wires the wire client, circuit breaker and token owner of one app; the config's instance id owns the refresh lease. */
    public static OpenApiClient create(Vertx vertx, DouyinOpenApiConfig settings, TokenStore store, Clock clock,
                                       MeterRegistry registry) {
        DouyinHttp http = new DouyinHttp(DouyinHttp.webClient(vertx, settings), settings,
                DouyinHttp.circuitBreaker("douyin-" + settings.clientKey(), settings.circuit(), clock), registry);
        ClientTokens.Fetcher fetcher = () -> http.call(Endpoints.O9_CLIENT_TOKEN,
                        Auth.ClientTokenRequest.of(settings.clientKey(), settings.clientSecret()), null)
                .map(a -> new ClientTokens.Fetched(a.data().accessToken(), Duration.ofSeconds(a.data().expiresIn()), a.logid()));
        ClientTokens tokens = new ClientTokens(vertx, settings.clientKey(), store, fetcher, clock, settings.instanceId(),
                ClientTokens.MARGIN, ClientTokens.LEASE, Duration.ofMillis(100), registry);
        return new OpenApiClient(http, tokens);
    }

    public ClientTokens tokens() { return tokens; }

    public DouyinHttp http() { return http; }

    public <Q, R> Future<Answer<R>> call(Endpoint<Q, R> endpoint, Q request) {
        return tokens.current().compose(token -> http.call(endpoint, request, token).recover(e -> {
            if (!(e instanceof TokenExpired)) return Future.failedFuture(e);
            return tokens.renewAfterRejection(token).compose(fresh -> http.call(endpoint, request, fresh));
        }));
    }

    // ---- products (§4)
    public Future<Answer<Goods.CategoryData>> categories(Goods.CategoryQuery q) { return call(Endpoints.G1_CATEGORY_GET, q); }
    public Future<Answer<Goods.TemplateData>> template(Goods.TemplateQuery q) { return call(Endpoints.G2_TEMPLATE_GET, q); }
    public Future<Answer<Goods.ProductSaveData>> saveProduct(Goods.ProductSaveRequest r) { return call(Endpoints.G3_PRODUCT_SAVE, r); }
    public Future<Answer<Goods.SkuBatchSaveData>> saveSkus(Goods.SkuBatchSaveRequest r) { return call(Endpoints.G4_SKU_BATCH_SAVE, r); }
    public Future<Answer<Ack>> operateProduct(Goods.ProductOperateRequest r) { return call(Endpoints.G5_PRODUCT_OPERATE, r); }
    public Future<Answer<Goods.OnlineGetData>> onlineProducts(Goods.OnlineGetQuery q) { return call(Endpoints.G8_ONLINE_GET, q); }
    public Future<Answer<Goods.OnlineQueryData>> queryOnlineProducts(Goods.OnlineQuery q) { return call(Endpoints.G9_ONLINE_QUERY, q); }

    // ---- store stock (§4.8, §4.9)
    public Future<Answer<PoiStock.SaveData>> saveStoreStock(PoiStock.SaveRequest r) { return call(Endpoints.O7_POISTOCK_SAVE, r); }
    public Future<Answer<PoiStock.DetailData>> storeStock(PoiStock.DetailRequest r) { return call(Endpoints.O8_POISTOCK_DETAIL, r); }

    // ---- vouchers (§5, §6.2)
    public Future<Answer<Certificates.PrepareData>> prepare(Certificates.PrepareQuery q) { return call(Endpoints.O6_CERTIFICATE_PREPARE, q); }
    public Future<Answer<Certificates.VerifyData>> verify(Certificates.VerifyRequest r) { return call(Endpoints.O3_CERTIFICATE_VERIFY, r); }
    public Future<Answer<Certificates.CancelData>> cancelVerification(Certificates.CancelRequest r) { return call(Endpoints.O4_CERTIFICATE_CANCEL, r); }
    public Future<Answer<Certificates.QueryData>> queryCertificates(Certificates.Query q) { return call(Endpoints.O5_CERTIFICATE_QUERY, q); }

    // ---- third-party code callbacks (§6.1, §6.4)
    public Future<Answer<ThirdPartyCode.IssueCodeCallbackData>> issueCodeCallback(ThirdPartyCode.IssueCodeCallbackRequest r) {
        return call(Endpoints.O1_ISSUE_CODE_CALLBACK, r);
    }
    public Future<Answer<Ack>> auditRefund(ThirdPartyCode.RefundAuditRequest r) { return call(Endpoints.O2_REFUND_AUDIT, r); }

    // ---- orders (§7)
    public Future<Answer<Orders.QueryData>> queryOrders(Orders.Query q) { return call(Endpoints.O10_ORDER_QUERY, q); }
}
