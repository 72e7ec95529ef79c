package dev.tihuo.simulator;

import dev.tihuo.simulator.PlatformState.AfterSale;
import dev.tihuo.simulator.PlatformState.AfterSaleStatus;
import dev.tihuo.simulator.PlatformState.App;
import dev.tihuo.simulator.PlatformState.CertStatus;
import dev.tihuo.simulator.PlatformState.Certificate;
import dev.tihuo.simulator.PlatformState.Order;
import dev.tihuo.simulator.PlatformState.OrderStatus;
import dev.tihuo.simulator.PlatformState.PoiStock;
import dev.tihuo.simulator.PlatformState.Prepared;
import dev.tihuo.simulator.PlatformState.Product;
import dev.tihuo.simulator.PlatformState.Sku;
import dev.tihuo.simulator.PlatformState.Token;
import dev.tihuo.simulator.PlatformState.Verification;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Douyin's OpenAPI as tihuo sees it (openapi.md): every outbound path tihuo calls, with Douyin's envelope, its
 * three error layers and the documented rules. The handlers say which rule they enforce and where it is written.
 */
final class OpenApi {

  private static final Logger log = LoggerFactory.getLogger(OpenApi.class);

  // openapi.md §3: tokens live 2 h; the previous one stays valid 5 min after a new fetch; 500 fetches / 5 min.
  static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
  static final Duration TOKEN_GRACE = Duration.ofMinutes(5);
  static final Duration FETCH_WINDOW = Duration.ofMinutes(5);
  static final int FETCH_LIMIT = 500;
  // spi.md §5.4 / openapi.md §6.1: O1 must land within 10 minutes.
  static final Duration ISSUE_WINDOW = Duration.ofMinutes(10);
  // openapi.md §5.3: a redemption can be cancelled within 1 hour.
  static final Duration CANCEL_WINDOW = Duration.ofHours(1);
  // simulator choice: vouchers are valid for 30 days from purchase.
  static final Duration VALIDITY = Duration.ofDays(30);

  static final String O1 = "/goodlife/v1/compre_retail/fulfilment/create/callback/";
  static final String O2 = "/goodlife/v1/compre_retail/order/refund/audit/";
  static final String O3 = "/goodlife/v1/compre_retail/fulfilment/certificate/verify/";
  static final String O4 = "/goodlife/v1/compre_retail/fulfilment/certificate/cancel/";
  static final String O5 = "/goodlife/v1/compre_retail/fulfilment/certificate/query/";
  static final String O6 = "/goodlife/v1/compre_retail/fulfilment/certificate/prepare/";
  static final String O7 = "/goodlife/v1/goods/pickupcoupon/poistock/save/";
  static final String O8 = "/goodlife/v1/goods/pickupcoupon/poistock/detail/";
  static final String O9 = "/oauth/client_token/";
  static final String O10 = "/goodlife/v1/trade/order/query/";
  static final String G1 = "/goodlife/v1/goods/category/get/";
  static final String G2 = "/goodlife/v1/goods/template/get/";
  static final String G3 = "/goodlife/v1/goods/product/save/";
  static final String G4 = "/goodlife/v1/goods/sku/batch_save/";
  static final String G5 = "/goodlife/v1/goods/product/operate/";
  static final String G6 = "/goodlife/v1/goods/product/free_audit/";
  static final String G7 = "/goodlife/v1/goods/stock/sync/";
  static final String G8 = "/goodlife/v1/goods/product/online/get/";
  static final String G9 = "/goodlife/v1/goods/product/online/query/";
  static final String G10_GET = "/goodlife/v1/goods/product/draft/get/";
  static final String G10_QUERY = "/goodlife/v1/goods/product/draft/query/";
  static final String G11 = "/goodlife/v1/goods/sku/get/";

  private static final String LOST_REPLY = "sim.lostReply";
  private static final DateTimeFormatter LOGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  private final Vertx vertx;
  private final PlatformState state;
  private final SimClock clock;
  private final CallLog calls;
  private final Faults faults;
  private final PlatformReactions reactions;
  private final Duration timeoutHold;

  OpenApi(Vertx vertx, PlatformState state, SimClock clock, CallLog calls, Faults faults,
      PlatformReactions reactions, Duration timeoutHold) {
    this.vertx = vertx;
    this.state = state;
    this.clock = clock;
    this.calls = calls;
    this.faults = faults;
    this.reactions = reactions;
    this.timeoutHold = timeoutHold;
  }

  void mount(Router router) {
    router.route().handler(this::recordAndInjectFaults);
    router.post(O9).handler(this::clientToken);
    post(router, O1, this::issueCallback);
    post(router, O2, this::refundAudit);
    post(router, O3, this::verify);
    post(router, O4, this::cancelVerification);
    get(router, O5, this::queryCertificates);
    get(router, O6, this::prepare);
    post(router, O7, this::saveStoreStock);
    post(router, O8, this::storeStockDetail);
    get(router, O10, this::queryOrders);
    get(router, G1, this::categories);
    get(router, G2, this::template);
    post(router, G3, this::saveProduct);
    post(router, G4, this::saveSkus);
    post(router, G5, this::operateProduct);
    post(router, G6, this::freeAudit);
    post(router, G7, this::syncProductStock);
    get(router, G8, (ctx, q) -> productsByIds(q, true));
    get(router, G9, (ctx, q) -> queryProducts(q));
    get(router, G10_GET, (ctx, q) -> productsByIds(q, false));
    get(router, G10_QUERY, (ctx, q) -> queryProducts(q));
    get(router, G11, this::getSkus);
    router.route().last().handler(ctx -> send(ctx, 404, error(404, "no such path on the simulated OpenAPI", 0, "")));
  }

  // ============================================================ plumbing: recording, faults, envelope, auth

  private void recordAndInjectFaults(RoutingContext ctx) {
    String path = ctx.normalizedPath();
    if (path.startsWith("/_sim") || path.startsWith("/s/") || path.startsWith("/coupon/")) {
      ctx.next();
      return;
    }
    Map<String, List<String>> query = new LinkedHashMap<>();
    ctx.queryParams().names().forEach(n -> query.put(n, List.copyOf(ctx.queryParams().getAll(n))));
    Map<String, String> headers = new LinkedHashMap<>();
    ctx.request().headers().names().forEach(n -> headers.put(n.toLowerCase(), ctx.request().getHeader(n)));
    String body = ctx.body() == null || ctx.body().buffer() == null ? "" : ctx.body().asString();
    calls.add(new RecordedCall(calls.nextSeq(), clock.instant(), ctx.request().method().name(), path,
        query, headers, body));
    log.info("OpenAPI ← {} {} {}", ctx.request().method(), ctx.request().uri(), body.length() > 300
        ? body.substring(0, 300) + "…" : body);
    Optional<FaultKind> fault = faults.take(path);
    if (fault.isEmpty()) {
      ctx.next();
      return;
    }
    log.info("fault {} injected on {}", fault.get(), path);
    switch (fault.get()) {
      case HTTP_5XX -> ctx.response().setStatusCode(503).putHeader("content-type", "text/html")
          .end("<html><body>503 Service Temporarily Unavailable</body></html>");
      case TIMEOUT -> vertx.setTimer(timeoutHold.toMillis(), t -> ctx.request().connection().close());
      case LOST_REPLY -> {
        ctx.put(LOST_REPLY, true);
        ctx.next();
      }
      case BUSY_2100004 -> send(ctx, 200, error(SimErrors.SYSTEM_BUSY, "系统繁忙，请稍后重试", 0, ""));
      case TOKEN_EXPIRED -> send(ctx, 200, error(SimErrors.TOKEN_EXPIRED, "access_token过期", 0, ""));
      case TOKEN_INVALID -> send(ctx, 200, error(SimErrors.TOKEN_INVALID, "access_token无效", 0, ""));
    }
  }

  private void send(RoutingContext ctx, int status, JsonObject body) {
    if (Boolean.TRUE.equals(ctx.get(LOST_REPLY))) {
      ctx.request().connection().close(); // processed, but the reply never reaches the caller
      return;
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }

  /** Douyin's `extra` gateway layer: logid (trace id, always log it) and server time in seconds (§2.2). */
  private JsonObject extra(int code, String description, int subCode, String subDescription) {
    String logid = LocalDateTime.ofInstant(clock.instant(), clock.getZone()).format(LOGID_TIME) + state.ids.hex(9);
    return new JsonObject().put("error_code", code).put("description", description)
        .put("sub_error_code", subCode).put("sub_description", subDescription)
        .put("logid", logid).put("now", clock.epochSeconds());
  }

  private JsonObject ok(JsonObject data) {
    return new JsonObject().put("data", data.put("error_code", 0).put("description", ""))
        .put("extra", extra(0, "", 0, ""));
  }

  /**
   * An error is reported in both layers, as Douyin does; the optional sub code narrows it down
   * ({@code extra.sub_error_code}, openapi.md §2.2).
   */
  private JsonObject error(int code, String description, int subCode, String subDescription) {
    return new JsonObject()
        .put("data", new JsonObject().put("error_code", code).put("description", description))
        .put("extra", extra(code, description, subCode, subDescription));
  }

  private void fail(RoutingContext ctx, int code, String description) {
    send(ctx, 200, error(code, description, 0, ""));
  }

  private interface Call {
    JsonObject handle(RoutingContext ctx, JsonObject params);
  }

  /** Thrown inside handlers to answer with a business error. */
  private static final class Refusal extends RuntimeException {
    final int code;

    Refusal(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private void post(Router router, String path, Call call) {
    router.post(path).handler(authenticated(call, true));
  }

  private void get(Router router, String path, Call call) {
    router.get(path).handler(authenticated(call, false));
  }

  private Handler<RoutingContext> authenticated(Call call, boolean json) {
    return ctx -> {
      Optional<JsonObject> tokenError = checkToken(ctx.request().getHeader("access-token"));
      if (tokenError.isPresent()) {
        send(ctx, 200, tokenError.get());
        return;
      }
      JsonObject params;
      if (json) {
        try {
          params = ctx.body().asJsonObject();
        } catch (DecodeException e) {
          params = null;
        }
        if (params == null) {
          fail(ctx, SimErrors.INVALID_PARAMETER, "body is not a JSON object");
          return;
        }
      } else {
        params = new JsonObject();
        for (String n : ctx.queryParams().names()) {
          params.put(n, ctx.queryParams().get(n));
        }
      }
      List<Runnable> after = new ArrayList<>();
      JsonObject reply;
      try {
        synchronized (state) {
          ctx.put("after", after);
          reply = call.handle(ctx, params);
        }
      } catch (Refusal r) {
        send(ctx, 200, error(r.code, r.getMessage(), 0, ""));
        after.forEach(Runnable::run);
        return;
      }
      send(ctx, 200, reply);
      after.forEach(Runnable::run); // platform reactions run outside the lock, after the reply
    };
  }

  private static void afterReply(RoutingContext ctx, Runnable r) {
    List<Runnable> after = ctx.get("after");
    after.add(r);
  }

  /**
   * openapi.md §3: a token lives 2 h; at most the two newest tokens of an app are valid, and the older of the two
   * only for 5 minutes after the newer was fetched. Missing/unknown/superseded → 2190002; past 2 h → 2190008.
   */
  private Optional<JsonObject> checkToken(String value) {
    if (value == null || value.isBlank()) {
      return Optional.of(error(SimErrors.TOKEN_INVALID, "access-token header missing", 0, ""));
    }
    Instant now = clock.instant();
    synchronized (state) {
      for (App app : state.apps.values()) {
        if (value.equals(app.fixedToken)) {
          return Optional.empty();
        }
        List<Token> tokens = app.tokens;
        for (int i = 0; i < tokens.size(); i++) {
          Token t = tokens.get(i);
          if (!t.value().equals(value)) {
            continue;
          }
          if (!now.isBefore(t.issuedAt().plus(TOKEN_LIFETIME))) {
            return Optional.of(error(SimErrors.TOKEN_EXPIRED, "access_token过期", 0, ""));
          }
          int newer = tokens.size() - 1 - i;
          boolean valid = newer == 0
              || (newer == 1 && now.isBefore(tokens.get(i + 1).issuedAt().plus(TOKEN_GRACE)));
          return valid ? Optional.empty()
              : Optional.of(error(SimErrors.TOKEN_INVALID, "access_token已被新token替换", 0, ""));
        }
      }
    }
    return Optional.of(error(SimErrors.TOKEN_INVALID, "access_token无效", 0, ""));
  }

  private static String str(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v == null ? null : String.valueOf(v);
  }

  private static String required(JsonObject o, String key) {
    String v = str(o, key);
    if (v == null || v.isBlank()) {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "missing " + key);
    }
    return v;
  }

  private static List<String> list(JsonObject o, String key) {
    Object v = o.getValue(key);
    if (v instanceof JsonArray a) {
      return a.stream().map(String::valueOf).toList();
    }
    if (v instanceof String s && !s.isBlank()) {
      return Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList(); // GET: a,b
    }
    return List.of();
  }

  private static Object int64(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return id;
    }
  }

  // ============================================================ O9 client_token (openapi.md §3)

  private void clientToken(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException e) {
      body = null;
    }
    JsonObject reply;
    synchronized (state) {
      reply = issueToken(body);
    }
    send(ctx, 200, reply);
  }

  /** This endpoint answers {@code {data, message}} without {@code extra}, as the doc sample shows (§3). */
  private JsonObject issueToken(JsonObject body) {
    String key = str(body, "client_key");
    String secret = str(body, "client_secret");
    if (key == null || secret == null || !"client_credential".equals(str(body, "grant_type"))) {
      return oauthError(SimErrors.OAUTH_PARAMETER, "参数错误");
    }
    App app = state.apps.get(key);
    if (app == null) {
      return oauthError(SimErrors.OAUTH_NO_CLIENT_KEY, "client_key不存在");
    }
    if (!app.clientSecret.equals(secret)) {
      return oauthError(SimErrors.OAUTH_WRONG_SECRET, "client_key或client_secret错误");
    }
    Instant now = clock.instant();
    app.fetches.removeIf(t -> !t.isAfter(now.minus(FETCH_WINDOW)));
    if (app.fetches.size() >= FETCH_LIMIT) {
      return oauthError(SimErrors.OAUTH_TOO_OFTEN, "调用太频繁（5分钟内超过500次）");
    }
    app.fetches.add(now);
    Token token = new Token(state.ids.token(), key, now);
    app.tokens.add(token);
    if (app.tokens.size() > 2) {
      app.tokens.subList(0, app.tokens.size() - 2).clear(); // at most the two newest are ever valid
    }
    return new JsonObject().put("data", new JsonObject().put("access_token", token.value())
            .put("expires_in", TOKEN_LIFETIME.toSeconds()).put("error_code", 0).put("description", ""))
        .put("message", "success");
  }

  private static JsonObject oauthError(int code, String description) {
    return new JsonObject().put("data", new JsonObject().put("error_code", code).put("description", description))
        .put("message", "error");
  }

  // ============================================================ O1 issue-code callback (openapi.md §6.1, D3, D4)

  private JsonObject issueCallback(RoutingContext ctx, JsonObject body) {
    String orderId = required(body, "order_id");
    Order order = state.orders.get(orderId);
    if (order == null) {
      throw new Refusal(SimErrors.NOT_FOUND, "order not found: " + orderId);
    }
    // O1 exists only to finish an S4 that was answered "issuing" (spi.md §5.4).
    if (!order.awaitsCallback) {
      throw new Refusal(SimErrors.CALLBACK_NOT_EXPECTED, "order did not answer the issue request with 'issuing'");
    }
    int result = body.getInteger("result", -1);
    if (order.status == OrderStatus.ISSUED && result == 1
        && order.codes().equals(list(body, "codes").stream().distinct().toList())) {
      return ok(certificateInfo(order)); // a retried, identical success callback: same answer
    }
    Instant now = clock.instant();
    if (!now.isBefore(order.issueStartedAt.plus(ISSUE_WINDOW))) {
      // Past 10 minutes Douyin has given up on the callback and refunds (spi.md §5.4).
      if (order.status == OrderStatus.ISSUING) {
        afterReply(ctx, () -> reactions.issueWindowLapsed(order));
      }
      throw new Refusal(SimErrors.CALLBACK_WINDOW_CLOSED, "issue window of 10 minutes lapsed; refund started");
    }
    if (order.status != OrderStatus.ISSUING) {
      throw new Refusal(SimErrors.CALLBACK_WINDOW_CLOSED, "issue already settled: " + order.status);
    }
    if (result == 2) {
      order.status = OrderStatus.ISSUE_FAILED;
      order.note(now, "O1 result=2 " + str(body, "fail_reason"));
      afterReply(ctx, () -> reactions.issueFailed(order, "发券回调失败: " + str(body, "fail_reason")));
      return ok(new JsonObject());
    }
    if (result != 1) {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "result must be 1 or 2");
    }
    assignCodes(order, list(body, "codes"), body.getJsonArray("certificates"));
    order.status = OrderStatus.ISSUED;
    order.note(now, "O1 result=1 codes=" + order.codes());
    return ok(certificateInfo(order));
  }

  /**
   * D4: one code per certificate, matched by `certificates[{certificate_id, code}]` when sent, else in order.
   * The pickup refund page says one code per order suffices, so a single code for several certificates is
   * accepted and shared.
   */
  static void assignCodes(Order order, List<String> codes, JsonArray pairs) {
    Map<String, String> byCert = new HashMap<>();
    if (pairs != null) {
      for (Object p : pairs) {
        JsonObject pair = (JsonObject) p;
        byCert.put(str(pair, "certificate_id"), str(pair, "code"));
      }
    }
    List<Certificate> certs = order.certificates;
    boolean matched = !byCert.isEmpty() && certs.stream().allMatch(c -> byCert.get(c.certificateId) != null);
    if (!matched && codes.size() != certs.size() && codes.size() != 1) {
      throw new Refusal(SimErrors.INVALID_PARAMETER,
          "expected " + certs.size() + " codes (one per certificate) or one per order, got " + codes.size());
    }
    for (int i = 0; i < certs.size(); i++) {
      Certificate c = certs.get(i);
      c.code = matched ? byCert.get(c.certificateId) : codes.size() == 1 ? codes.get(0) : codes.get(i);
      c.status = CertStatus.UNUSED;
    }
  }

  private static JsonObject certificateInfo(Order order) {
    JsonArray list = new JsonArray();
    order.certificates.forEach(c -> list.add(new JsonObject().put("certificate_id", c.certificateId)
        .put("code", c.code)));
    return new JsonObject().put("certificate_info_list", list);
  }

  // ============================================================ O2 refund audit (openapi.md §6.4, shape B, D8)

  private JsonObject refundAudit(RoutingContext ctx, JsonObject body) {
    String orderId = required(body, "order_id");
    String afterSaleId = required(body, "after_sale_id");
    AfterSale as = state.afterSales.get(afterSaleId);
    if (as == null || !as.orderId.equals(orderId)) {
      throw new Refusal(SimErrors.NOT_FOUND, "after-sale " + afterSaleId + " not found for order " + orderId);
    }
    // Only an after-sale that is still open can be decided; a decided one cannot be re-decided.
    if (!as.open()) {
      throw new Refusal(SimErrors.AFTER_SALE_NOT_OPEN, "after-sale is " + as.status + ", not open");
    }
    int auditResult = body.getInteger("audit_result", -1);
    Order order = state.orders.get(orderId);
    Instant now = clock.instant();
    if (auditResult == 1) {
      as.status = AfterSaleStatus.APPROVED;
    } else if (auditResult == 2) {
      boolean needsCode = order.certificates.stream()
          .anyMatch(c -> as.certificateIds.contains(c.certificateId) && (c.code == null || c.code.isEmpty()));
      if (needsCode) {
        // spi.md §5.5: rejecting a refund of a voucher that never got a code needs the code (补码). Shape B has no
        // field for it; the simulator accepts `codes` / `certificates` as in S4 (tolerant extension).
        List<String> codes = list(body, "codes");
        if (codes.isEmpty() && body.getJsonArray("certificates") == null) {
          throw new Refusal(SimErrors.CODE_REQUIRED, "rejecting a refund of an unissued voucher needs the code");
        }
        assignCodes(order, codes, body.getJsonArray("certificates"));
        order.status = OrderStatus.ISSUED;
      }
      as.status = AfterSaleStatus.REJECTED;
      as.rejectReason = str(body, "reason_msg");
    } else {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "audit_result must be 1 or 2");
    }
    as.outAfterSaleId = str(body, "out_after_sale_id");
    as.history.add(now + " O2 audit_result=" + auditResult);
    afterReply(ctx, () -> reactions.auditDecided(as));
    return ok(new JsonObject());
  }

  // ============================================================ O6 prepare (openapi.md §5.1)

  private JsonObject prepare(RoutingContext ctx, JsonObject q) {
    String code = str(q, "code");
    String encryptedData = str(q, "encrypted_data");
    Order order;
    if (encryptedData != null && !encryptedData.isBlank()) {
      order = state.orders.values().stream().filter(o -> encryptedData.equals(o.qrObjectId)).findFirst()
          .orElseThrow(() -> new Refusal(SimErrors.NOT_FOUND, "QR payload unknown or stale"));
    } else if (code != null && !code.isBlank()) {
      order = state.orders.values().stream()
          .filter(o -> o.certificates.stream().anyMatch(c -> code.equals(c.code)))
          .findFirst().orElseThrow(() -> new Refusal(SimErrors.NOT_FOUND, "code not found"));
    } else {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "encrypted_data or code is required");
    }
    List<Certificate> usable = order.certificates.stream()
        .filter(c -> c.status == CertStatus.UNUSED)
        .filter(c -> code == null || code.isBlank() || code.equals(c.code))
        .toList();
    if (usable.isEmpty()) {
      throw new Refusal(SimErrors.NO_USABLE_CERTIFICATE, "no usable certificate in this order");
    }
    String token = UUID.randomUUID().toString();
    state.prepared.put(token, new Prepared(token, order.orderId,
        usable.stream().map(c -> c.certificateId).toList()));
    JsonArray certs = new JsonArray();
    usable.forEach(c -> certs.add(certificateJson(order, c)));
    return ok(new JsonObject().put("verify_token", token).put("order_id", order.orderId)
        .put("certificates", certs));
  }

  private JsonObject certificateJson(Order order, Certificate c) {
    Sku sku = state.skus.get(order.skuId);
    long start = order.createdAt.getEpochSecond();
    JsonArray records = new JsonArray();
    c.verifications.forEach(v -> records.add(verifyJson(c, v)));
    JsonObject json = new JsonObject()
        .put("certificate_id", c.certificateId)
        .put("encrypted_code", c.encryptedCode != null ? c.encryptedCode : "")
        .put("status", c.status)
        .put("start_time", start)
        .put("expire_time", start + VALIDITY.toSeconds())
        .put("amount", new JsonObject().put("original_amount", order.unitAmount)
            .put("pay_amount", order.itemAmount()).put("coupon_pay_amount", order.itemAmount())
            .put("merchant_ticket_amount", 0).put("brand_ticket_amount", 0).put("platform_discount_amount", 0)
            .put("payment_discount_amount", 0).put("list_market_amount", order.unitAmount)
            .put("origin_list_market_amount", order.unitAmount).put("original_currency", "CNY"))
        .put("sku", new JsonObject().put("sku_id", order.skuId).put("title", sku == null ? "" : sku.name())
            .put("groupon_type", 1).put("market_price", order.unitAmount)
            .put("third_sku_id", order.skuOutId == null ? "" : order.skuOutId).put("account_id", order.accountId))
        .put("book_info", new JsonObject().put("book_poi_id", order.poiId).put("book_product_number", 1))
        .put("verify_records", records)
        .put("additional_map", new JsonObject());
    if (order.mode == PlatformState.Mode.DOUYIN_CODE || c.code != null) {
      json.put("code", c.code);
    }
    c.activeVerification().ifPresent(v -> json.put("verify", verifyJson(c, v)));
    return json;
  }

  private JsonObject verifyJson(Certificate c, Verification v) {
    boolean canCancel = !v.cancelled && clock.instant().isBefore(v.verifyTime.plus(CANCEL_WINDOW));
    return new JsonObject().put("verify_id", v.verifyId).put("certificate_id", c.certificateId)
        .put("verify_time", v.verifyTime.getEpochSecond()).put("can_cancel", canCancel)
        .put("verify_type", 4).put("poi_id", v.poiId);
  }

  // ============================================================ O3 verify (openapi.md §5.2, §6.2, D15)

  private JsonObject verify(RoutingContext ctx, JsonObject body) {
    String verifyToken = required(body, "verify_token");
    String poiId = required(body, "poi_id");
    // Idempotency: the same token with the same body is a retry and gets the same answer (openapi.md §5.2).
    JsonObject earlier = state.verifyReplies.get(verifyToken);
    if (earlier != null) {
      if (!earlier.getJsonObject("request").equals(body)) {
        throw new Refusal(SimErrors.VERIFY_TOKEN_UNUSABLE, "verify_token reused with different parameters");
      }
      return ok(earlier.getJsonObject("data").copy());
    }
    List<String> encrypted = list(body, "encrypted_codes");
    List<Certificate> targets = new ArrayList<>();
    List<String> asked = new ArrayList<>();
    Order order;
    if (!encrypted.isEmpty()) {
      Prepared p = state.prepared.get(verifyToken);
      if (p == null || p.used) {
        throw new Refusal(SimErrors.VERIFY_TOKEN_UNUSABLE, "verify_token unknown or already used: prepare again");
      }
      p.used = true; // prepare and verify pair 1:1
      order = state.orders.get(p.orderId);
      for (String e : encrypted) {
        asked.add(e);
        targets.add(order.certificates.stream()
            .filter(c -> e.equals(c.encryptedCode) && p.certificateIds.contains(c.certificateId))
            .findFirst().orElse(null));
      }
    } else {
      List<String> codes = new ArrayList<>();
      JsonArray withTime = body.getJsonArray("code_with_time_list"); // wins over `codes` when both are sent
      if (withTime != null && !withTime.isEmpty()) {
        withTime.forEach(o -> codes.add(str((JsonObject) o, "code")));
      } else {
        codes.addAll(list(body, "codes"));
      }
      if (codes.isEmpty()) {
        throw new Refusal(SimErrors.INVALID_PARAMETER, "codes, code_with_time_list or encrypted_codes required");
      }
      String orderId = required(body, "order_id");
      order = state.orders.get(orderId);
      if (order == null) {
        throw new Refusal(SimErrors.NOT_FOUND, "order not found: " + orderId);
      }
      List<Certificate> taken = new ArrayList<>();
      for (String code : codes) {
        asked.add(code);
        // one entry redeems one certificate: a code shared by several certificates is repeated to redeem more
        Certificate c = order.certificates.stream()
            .filter(x -> code.equals(x.code) && !taken.contains(x) && x.status == CertStatus.UNUSED)
            .findFirst()
            .orElse(order.certificates.stream().filter(x -> code.equals(x.code) && !taken.contains(x))
                .findFirst().orElse(null));
        if (c != null) {
          taken.add(c);
        }
        targets.add(c);
      }
    }
    Instant now = clock.instant();
    JsonArray results = new JsonArray();
    for (int i = 0; i < targets.size(); i++) {
      Certificate c = targets.get(i);
      JsonObject r = new JsonObject().put("code", asked.get(i));
      if (c == null) {
        results.add(r.put("result", SimErrors.NOT_FOUND).put("msg", "券码不存在"));
      } else if (c.status == CertStatus.USED) {
        // verify only once per certificate
        results.add(r.put("result", SimErrors.ALREADY_VERIFIED).put("msg", "券码已核销")
            .put("certificate_id", c.certificateId));
      } else if (c.status != CertStatus.UNUSED) {
        results.add(r.put("result", SimErrors.CERTIFICATE_NOT_VERIFIABLE).put("msg", "券状态不可核销: " + c.status)
            .put("certificate_id", c.certificateId));
      } else {
        Verification v = new Verification(state.ids.verify(), c.certificateId, poiId, now);
        c.verifications.add(v);
        c.status = CertStatus.USED;
        order.note(now, "O3 verified " + c.certificateId + " at " + poiId);
        results.add(r.put("result", 0).put("msg", "").put("origin_code", c.code)
            .put("verify_id", v.verifyId).put("certificate_id", c.certificateId)
            .put("account_id", order.accountId).put("order_id", order.orderId).put("product_id", order.productId));
      }
    }
    JsonObject data = new JsonObject().put("verify_results", results);
    state.verifyReplies.put(verifyToken, new JsonObject().put("request", body.copy()).put("data", data.copy()));
    return ok(data);
  }

  // ============================================================ O4 cancel redemption (openapi.md §5.3, D15)

  private JsonObject cancelVerification(RoutingContext ctx, JsonObject body) {
    String verifyId = required(body, "verify_id");
    String certificateId = required(body, "certificate_id");
    Certificate c = state.certificate(certificateId)
        .orElseThrow(() -> new Refusal(SimErrors.NOT_FOUND, "certificate not found"));
    Verification v = c.verifications.stream().filter(x -> x.verifyId.equals(verifyId)).findFirst()
        .orElseThrow(() -> new Refusal(SimErrors.NOT_FOUND, "verify record not found"));
    if (v.cancelled) {
      throw new Refusal(SimErrors.ALREADY_CANCELLED, "verification already cancelled");
    }
    Instant now = clock.instant();
    // Cancel only within 1 hour of the verification (openapi.md §5.3 [3P]).
    if (!now.isBefore(v.verifyTime.plus(CANCEL_WINDOW))) {
      throw new Refusal(SimErrors.CANCEL_WINDOW_CLOSED, "more than 1 hour since verification: cannot cancel");
    }
    v.cancelled = true;
    c.status = CertStatus.UNUSED;
    Order order = state.orders.get(c.orderId);
    order.note(now, "O4 cancelled " + verifyId);
    return ok(new JsonObject().put("cancel_results", new JsonArray().add(new JsonObject()
        .put("order_id", order.orderId).put("verify_id", verifyId).put("result_code", 0).put("result_msg", ""))));
  }

  // ============================================================ O5 batch status query (openapi.md §5.4)

  private JsonObject queryCertificates(RoutingContext ctx, JsonObject q) {
    String orderId = str(q, "order_id");
    String encrypted = str(q, "encrypted_code");
    JsonArray certs = new JsonArray();
    if (orderId != null && !orderId.isBlank()) {
      Order o = state.orders.get(orderId);
      if (o == null) {
        throw new Refusal(SimErrors.NOT_FOUND, "order not found: " + orderId);
      }
      o.certificates.forEach(c -> certs.add(certificateJson(o, c)));
    } else if (encrypted != null && !encrypted.isBlank()) {
      for (Order o : state.orders.values()) {
        o.certificates.stream().filter(c -> encrypted.equals(c.encryptedCode))
            .forEach(c -> certs.add(certificateJson(o, c)));
      }
      if (certs.isEmpty()) {
        throw new Refusal(SimErrors.NOT_FOUND, "encrypted_code not found");
      }
    } else {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "order_id or encrypted_code is required");
    }
    return ok(new JsonObject().put("certificates", certs));
  }

  // ============================================================ O7 / O8 store stock (openapi.md §4.8, §4.9, D12)

  private JsonObject saveStoreStock(RoutingContext ctx, JsonObject body) {
    required(body, "account_id");
    required(body, "root_life_account_id");
    JsonArray list = body.getJsonArray("poi_stock_list");
    if (list == null || list.isEmpty()) {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "missing poi_stock_list");
    }
    JsonArray failed = new JsonArray();
    for (Object o : list) {
      JsonObject e = (JsonObject) o;
      JsonObject poi = e.getJsonObject("poi", new JsonObject());
      String poiId = str(poi, "poi_id");
      String extId = str(poi, "ext_id");
      String skuId = str(e, "sku_id");
      String productId = str(e, "product_id");
      Long qty = e.getLong("stock_qty");
      Sku sku = skuId == null ? null : state.skus.get(skuId);
      String reason = sku == null ? "sku not found"
          : productId != null && !productId.equals(sku.productId) ? "sku does not belong to product"
          : (poiId == null || poiId.isBlank()) && (extId == null || extId.isBlank()) ? "poi_id or ext_id required"
          : qty == null || qty < 0 ? "stock_qty must be >= 0" : null;
      if (reason != null) {
        // partial failure is reported per entry (openapi.md §2.2)
        failed.add(new JsonObject().put("poi", poi).put("product_id", e.getValue("product_id"))
            .put("sku_id", e.getValue("sku_id")).put("code", "1").put("reason", reason));
        continue;
      }
      // D12: the value is absolute: it overwrites.
      state.poiStock.put(PlatformState.stockKey(skuId, poiId, extId),
          new PoiStock(sku.productId, skuId, poiId, extId, qty));
    }
    JsonObject reply = ok(new JsonObject().put("fail_poi_list", failed));
    return reply.put("BaseResp", new JsonObject().put("StatusCode", 0).put("StatusMessage", ""));
  }

  private JsonObject storeStockDetail(RoutingContext ctx, JsonObject body) {
    required(body, "account_id");
    required(body, "root_life_account_id");
    JsonArray list = body.getJsonArray("sku_poi_list");
    if (list == null) {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "missing sku_poi_list");
    }
    JsonObject map = new JsonObject();
    for (Object o : list) {
      JsonObject e = (JsonObject) o;
      String skuId = required(e, "sku_id");
      JsonArray entries = new JsonArray();
      for (Object p : e.getJsonArray("poi_list", new JsonArray())) {
        JsonObject poi = (JsonObject) p;
        String poiId = str(poi, "poi_id");
        String extId = str(poi, "ext_id");
        PoiStock s = state.poiStock.get(PlatformState.stockKey(skuId, poiId, extId));
        long stock = s == null ? 0 : s.stockQty;
        long held = heldUnits(skuId, poiId);
        // ids are int64 numbers here, and the keys PascalCase, as in the SDK model (openapi.md §4.9)
        entries.add(new JsonObject()
            .put("Poi", new JsonObject().put("poi_id", poiId == null ? 0L : int64(poiId))
                .put("ext_id", extId == null ? "" : extId))
            .put("PoiName", "模拟门店 " + (poiId != null ? poiId : extId))
            .put("StockQty", stock)
            .put("AvailQty", Math.max(0, stock - held)));
      }
      map.put(skuId, entries);
    }
    JsonObject reply = ok(new JsonObject().put("sku_id_poi_stock_list_map", map));
    return reply.put("BaseResp", new JsonObject().put("StatusCode", 0).put("StatusMessage", ""));
  }

  /** Units sold through the simulator at this store that are not yet picked up or refunded. */
  private long heldUnits(String skuId, String poiId) {
    if (poiId == null) {
      return 0;
    }
    return state.orders.values().stream()
        .filter(o -> o.skuId.equals(skuId) && poiId.equals(o.poiId))
        .filter(o -> o.status != OrderStatus.CANCELLED && o.status != OrderStatus.REJECTED
            && o.status != OrderStatus.REFUNDED && o.status != OrderStatus.ISSUE_FAILED)
        .flatMap(o -> o.certificates.stream())
        .filter(c -> c.status == CertStatus.INITIAL || c.status == CertStatus.UNUSED
            || c.status == CertStatus.REFUND_REQUESTED)
        .count();
  }

  // ============================================================ O10 order query (openapi.md §7)

  /** Simulator choice for the unconfirmed `order_status` enum (openapi.md §10). */
  static int orderStatusCode(OrderStatus s) {
    return switch (s) {
      case CREATED -> 1;
      case PAID -> 2;
      case CANCELLED -> 3;
      case ISSUING -> 4;
      case ISSUED -> 5;
      case ISSUE_FAILED -> 6;
      case REFUNDED -> 7;
      case REJECTED -> 8;
    };
  }

  private JsonObject queryOrders(RoutingContext ctx, JsonObject q) {
    String accountId = required(q, "account_id");
    int pageNum = Math.max(1, Integer.parseInt(Optional.ofNullable(str(q, "page_num")).orElse("1")));
    int pageSize = Integer.parseInt(Optional.ofNullable(str(q, "page_size")).orElse("0"));
    String orderId = str(q, "order_id");
    String ext = str(q, "ext_order_id");
    List<Order> matching = state.orders.values().stream()
        .filter(o -> o.accountId.equals(accountId))
        .filter(o -> orderId == null || orderId.equals(o.orderId))
        .filter(o -> ext == null || ext.equals(o.orderOutId))
        .toList();
    JsonArray orders = new JsonArray();
    // page_size 0 or absent returns nothing (catering twin, openapi.md §7)
    matching.stream().skip((long) (pageNum - 1) * pageSize).limit(pageSize).forEach(o -> {
      Sku sku = state.skus.get(o.skuId);
      JsonArray certs = new JsonArray();
      o.certificates.forEach(c -> certs.add(new JsonObject().put("certificate_id", c.certificateId)
          .put("order_item_id", c.orderItemId).put("item_status", c.status)));
      orders.add(new JsonObject().put("order_id", o.orderId).put("order_status", orderStatusCode(o.status))
          .put("order_type", o.mode == PlatformState.Mode.DOUYIN_CODE ? 1 : 2)
          .put("sku_id", o.skuId).put("sku_name", sku == null ? "" : sku.name())
          .put("third_sku_id", o.skuOutId == null ? "" : o.skuOutId).put("count", o.count)
          .put("original_amount", o.originAmount()).put("pay_amount", o.payAmount())
          .put("discount_amount", o.discountAmount)
          .put("pay_time", o.paidAt == null ? 0 : o.paidAt.getEpochSecond())
          .put("create_order_time", o.createdAt.getEpochSecond())
          .put("poi_id", o.poiId).put("intention_poi_id", o.poiId)
          .put("certificate", certs)
          .put("merchant_info", new JsonObject().put("account_id", o.accountId)));
    });
    return ok(new JsonObject().put("orders", orders).put("page", new JsonObject().put("page_num", pageNum)
        .put("page_size", pageSize).put("total", matching.size())));
  }

  // ============================================================ G1–G11 goods (openapi.md §4)

  private JsonObject categories(RoutingContext ctx, JsonObject q) {
    // A small fixed tree; the real pickup category is not published (openapi.md §4, [UNKNOWN]).
    JsonArray infos = new JsonArray()
        .add(category("4000000", "0", "综合到店", 1, false))
        .add(category("4009000", "4000000", "零售提货", 2, false))
        .add(category("4009001", "4009000", "提货券", 3, true));
    String parent = str(q, "category_id");
    if (parent != null && !parent.isBlank() && !parent.equals("0")) {
      JsonArray children = new JsonArray();
      infos.stream().map(JsonObject.class::cast).filter(c -> parent.equals(c.getString("parent_id")))
          .forEach(children::add);
      infos = children;
    }
    return ok(new JsonObject().put("category_infos", infos));
  }

  private static JsonObject category(String id, String parent, String name, int level, boolean leaf) {
    return new JsonObject().put("category_id", id).put("parent_id", parent).put("name", name)
        .put("level", level).put("is_leaf", leaf).put("enable", true);
  }

  private JsonObject template(RoutingContext ctx, JsonObject q) {
    required(q, "category_id");
    required(q, "product_type");
    JsonArray productAttrs = new JsonArray()
        .add(attr("image_list", "商品图片", true, true, 100))
        .add(attr("use_time", "使用时间", true, false, 101))
        .add(attr("description", "商品描述", false, false, 4));
    JsonArray skuAttrs = new JsonArray().add(attr("pickup_goods", "提货内容", false, false, 4));
    return ok(new JsonObject().put("product_attrs", productAttrs).put("sku_attrs", skuAttrs));
  }

  private static JsonObject attr(String key, String name, boolean required, boolean multi, int valueType) {
    return new JsonObject().put("key", key).put("name", name).put("desc", name).put("is_required", required)
        .put("is_multi", multi).put("value_type", valueType).put("value_demo", "");
  }

  /** G3 is an upsert keyed by `out_id` (openapi.md §4.3). Audit passes at once; the product starts offline. */
  private JsonObject saveProduct(RoutingContext ctx, JsonObject body) {
    String accountId = required(body, "account_id");
    JsonObject p = body.getJsonObject("product");
    if (p == null) {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "missing product");
    }
    String outId = required(p, "out_id");
    required(p, "product_name");
    Product product = Optional.ofNullable(str(p, "product_id")).map(state.products::get)
        .or(() -> state.products.values().stream()
            .filter(x -> x.accountId.equals(accountId) && outId.equals(x.outId)).findFirst())
        .orElse(null);
    long now = clock.epochSeconds();
    if (product == null) {
      product = new Product(state.ids.product(), accountId);
      product.createTime = now;
      state.products.put(product.productId, product);
    }
    product.outId = outId;
    product.raw = p.copy();
    product.updateTime = now;
    JsonObject skuIds = new JsonObject();
    JsonObject sku = body.getJsonObject("sku");
    if (sku != null) {
      Sku s = upsertSku(product, sku);
      skuIds.put(s.outSkuId == null ? s.skuId : s.outSkuId, s.skuId);
    }
    return ok(new JsonObject().put("product_id", product.productId).put("sku_ids", skuIds));
  }

  private Sku upsertSku(Product product, JsonObject in) {
    required(in, "sku_name");
    String skuId = str(in, "sku_id");
    String outSkuId = str(in, "out_sku_id");
    Sku sku = skuId != null ? state.skus.get(skuId) : null;
    if (sku == null && outSkuId != null) {
      sku = product.skuIds.stream().map(state.skus::get).filter(s -> outSkuId.equals(s.outSkuId))
          .findFirst().orElse(null);
    }
    if (sku == null) {
      sku = new Sku(state.ids.sku(), product.productId);
      state.skus.put(sku.skuId, sku);
      product.skuIds.add(sku.skuId);
    }
    sku.outSkuId = outSkuId;
    sku.raw = in.copy();
    return sku;
  }

  private Product productOf(JsonObject params) {
    String productId = str(params, "product_id");
    String outId = str(params, "out_id");
    String accountId = str(params, "account_id");
    return state.products.values().stream()
        .filter(p -> productId != null ? p.productId.equals(productId)
            : outId != null && outId.equals(p.outId) && (accountId == null || accountId.equals(p.accountId)))
        .findFirst().orElseThrow(() -> new Refusal(SimErrors.NOT_FOUND, "product not found"));
  }

  /** G4: SKUs are upserted by `out_sku_id`; omitted SKUs are left unchanged (unconfirmed, openapi.md §4.4). */
  private JsonObject saveSkus(RoutingContext ctx, JsonObject body) {
    required(body, "account_id");
    Product product = productOf(body);
    JsonArray list = body.getJsonArray("sku_list");
    if (list == null) {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "missing sku_list");
    }
    JsonObject skuIds = new JsonObject();
    for (Object o : list) {
      Sku s = upsertSku(product, (JsonObject) o);
      skuIds.put(s.outSkuId == null ? s.skuId : s.outSkuId, s.skuId);
    }
    return ok(new JsonObject().put("product_id", product.productId).put("sku_ids", skuIds));
  }

  private JsonObject operateProduct(RoutingContext ctx, JsonObject body) {
    required(body, "account_id");
    Product product = productOf(body);
    int op = body.getInteger("op_type", 0);
    if (op != 1 && op != 2) {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "op_type must be 1 (online) or 2 (offline)");
    }
    product.onlineStatus = op;
    return ok(new JsonObject());
  }

  private JsonObject freeAudit(RoutingContext ctx, JsonObject body) {
    required(body, "account_id");
    Product product = productOf(body);
    if (body.containsKey("sold_end_time")) {
      product.raw.put("sold_end_time", body.getValue("sold_end_time"));
    }
    if (body.containsKey("stock_qty")) {
      product.stock = new JsonObject().put("limit_type", 1).put("stock_qty", body.getValue("stock_qty"));
    }
    product.updateTime = clock.epochSeconds();
    return ok(new JsonObject());
  }

  private JsonObject syncProductStock(RoutingContext ctx, JsonObject body) {
    required(body, "account_id");
    Product product = productOf(body);
    JsonObject stock = body.getJsonObject("stock");
    if (stock == null) {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "missing stock");
    }
    product.stock = stock.copy();
    return ok(new JsonObject());
  }

  private JsonObject productJson(Product p) {
    JsonObject product = p.raw.copy().put("product_id", p.productId).put("creator_account_id", p.accountId)
        .put("owner_account_id", p.accountId).put("create_time", p.createTime).put("update_time", p.updateTime);
    JsonArray skus = new JsonArray();
    p.skuIds.stream().map(state.skus::get).forEach(s -> skus.add(s.raw.copy().put("sku_id", s.skuId)));
    JsonObject json = new JsonObject().put("product", product).put("online_status", p.onlineStatus)
        .put("skus", skus);
    if (!skus.isEmpty()) {
      json.put("sku", skus.getJsonObject(0));
    }
    if (p.stock != null) {
      json.put("stock", p.stock);
    }
    return json;
  }

  /** G8 (online/get) and G10 (draft/get): at most 10 ids per call (openapi.md §4.10). */
  private JsonObject productsByIds(JsonObject q, boolean online) {
    String accountId = required(q, "account_id");
    List<String> byId = list(q, "product_ids");
    List<String> byOut = list(q, "out_ids");
    if (byId.size() + byOut.size() == 0 || byId.size() > 10 || byOut.size() > 10) {
      throw new Refusal(SimErrors.INVALID_PARAMETER, "product_ids or out_ids required, at most 10");
    }
    JsonArray out = new JsonArray();
    state.products.values().stream()
        .filter(p -> p.accountId.equals(accountId))
        .filter(p -> byId.contains(p.productId) || byOut.contains(p.outId))
        .forEach(p -> out.add(productJson(p)));
    return ok(new JsonObject().put(online ? "product_onlines" : "product_drafts", out));
  }

  private JsonObject queryProducts(JsonObject q) {
    String accountId = required(q, "account_id");
    int count = Math.min(50, Integer.parseInt(Optional.ofNullable(str(q, "count")).orElse("5")));
    int cursor = Integer.parseInt(Optional.ofNullable(str(q, "cursor")).filter(s -> !s.isBlank()).orElse("0"));
    List<Product> all = state.products.values().stream().filter(p -> p.accountId.equals(accountId)).toList();
    JsonArray page = new JsonArray();
    all.stream().skip(cursor).limit(count).forEach(p -> page.add(productJson(p)));
    int next = cursor + page.size();
    return ok(new JsonObject().put("products", page).put("next_cursor", String.valueOf(next))
        .put("has_more", next < all.size()));
  }

  /** G11: parameters are unknown (openapi.md §4.10); accepts `sku_ids` (comma list) or `product_id`. */
  private JsonObject getSkus(RoutingContext ctx, JsonObject q) {
    List<String> skuIds = list(q, "sku_ids");
    String productId = str(q, "product_id");
    JsonArray out = new JsonArray();
    state.skus.values().stream()
        .filter(s -> skuIds.contains(s.skuId) || s.productId.equals(productId))
        .forEach(s -> out.add(s.raw.copy().put("sku_id", s.skuId).put("product_id", s.productId)));
    return ok(new JsonObject().put("skus", out));
  }
}
