package dev.tihuo.simulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Douyin's side of the world, in memory: apps and their tokens, the goods catalogue, per-store stock, orders with
 * their certificates, verifications and after-sales. One lock (this object) guards all of it: the simulator is a
 * test tool and correctness beats throughput.
 */
public final class PlatformState {

  final Ids ids = new Ids();
  final Map<String, App> apps = new LinkedHashMap<>();
  final Map<String, Product> products = new LinkedHashMap<>();
  final Map<String, Sku> skus = new LinkedHashMap<>();
  /** key: sku_id + "|" + (poi_id or "ext:" + ext_id). */
  final Map<String, PoiStock> poiStock = new LinkedHashMap<>();
  final Map<String, Order> orders = new LinkedHashMap<>();
  final Map<String, AfterSale> afterSales = new LinkedHashMap<>();
  final Map<String, Prepared> prepared = new LinkedHashMap<>();
  /** verify_token → the reply given, so an identical retry gets the identical answer (openapi.md §5.2). */
  final Map<String, JsonObject> verifyReplies = new LinkedHashMap<>();

  // ---------------------------------------------------------------- apps and tokens (openapi.md §3)

  /** An open-platform app: client_key/secret and the tokens issued to it. */
  public static final class App {
    final String clientKey;
    final String clientSecret;
    /** The sandbox account comes with a fixed token (openapi.md §1); null for normal apps. */
    final String fixedToken;
    final List<Token> tokens = new ArrayList<>();
    final List<Instant> fetches = new ArrayList<>();

    App(String clientKey, String clientSecret, String fixedToken) {
      this.clientKey = clientKey;
      this.clientSecret = clientSecret;
      this.fixedToken = fixedToken;
    }

    public String clientKey() { return clientKey; }
    public String clientSecret() { return clientSecret; }
    public List<Token> tokens() { return List.copyOf(tokens); }
  }

  public record Token(String value, String clientKey, Instant issuedAt) {}

  public synchronized App addApp(String clientKey, String clientSecret, String fixedToken) {
    App app = new App(clientKey, clientSecret, fixedToken);
    apps.put(clientKey, app);
    return app;
  }

  public synchronized Optional<App> app(String clientKey) {
    return Optional.ofNullable(apps.get(clientKey));
  }

  // ---------------------------------------------------------------- goods (openapi.md §4)

  /** A product (SPU) saved with G3; `raw` keeps what the client sent, for read-back. */
  public static final class Product {
    final String productId;
    final String accountId;
    String outId;
    JsonObject raw;
    /** Simulator choice: 1 online, 2 offline (enum unconfirmed, openapi.md §10). Audit passes at once. */
    int onlineStatus = 2;
    JsonObject stock;
    long createTime;
    long updateTime;
    final List<String> skuIds = new ArrayList<>();

    Product(String productId, String accountId) {
      this.productId = productId;
      this.accountId = accountId;
    }

    public String productId() { return productId; }
    public String outId() { return outId; }
    public int onlineStatus() { return onlineStatus; }
    public List<String> skuIds() { return List.copyOf(skuIds); }
  }

  public static final class Sku {
    final String skuId;
    final String productId;
    String outSkuId;
    JsonObject raw;

    Sku(String skuId, String productId) {
      this.skuId = skuId;
      this.productId = productId;
    }

    public String skuId() { return skuId; }
    public String productId() { return productId; }
    public String outSkuId() { return outSkuId; }
    long actualAmount() { return raw.getLong("actual_amount", 0L); }
    String name() { return raw.getString("sku_name", ""); }
  }

  /** Stock of one SKU in one store, as set by O7 (absolute, D12). */
  public static final class PoiStock {
    final String productId;
    final String skuId;
    final String poiId;
    final String extId;
    long stockQty;

    PoiStock(String productId, String skuId, String poiId, String extId, long stockQty) {
      this.productId = productId;
      this.skuId = skuId;
      this.poiId = poiId;
      this.extId = extId;
      this.stockQty = stockQty;
    }

    public long stockQty() { return stockQty; }
  }

  static String stockKey(String skuId, String poiId, String extId) {
    return skuId + "|" + (poiId != null && !poiId.isEmpty() && !poiId.equals("0") ? poiId : "ext:" + extId);
  }

  /** Seeds a product with SKUs without going through G3/G4 (tests, demo). Returns the product. */
  public synchronized Product seedProduct(String accountId, String outId, String name, List<String> poiIds,
      List<JsonObject> skuList) {
    Product p = new Product(ids.product(), accountId);
    p.outId = outId;
    JsonArray pois = new JsonArray();
    poiIds.forEach(id -> pois.add(new JsonObject().put("poi_id", id)));
    p.raw = new JsonObject().put("out_id", outId).put("product_name", name).put("pois", pois);
    p.onlineStatus = 1;
    products.put(p.productId, p);
    for (JsonObject s : skuList) {
      Sku sku = new Sku(ids.sku(), p.productId);
      sku.outSkuId = s.getString("out_sku_id");
      sku.raw = s.copy();
      skus.put(sku.skuId, sku);
      p.skuIds.add(sku.skuId);
    }
    return p;
  }

  public synchronized Optional<Product> product(String productId) {
    return Optional.ofNullable(products.get(productId));
  }

  public synchronized Optional<Sku> sku(String skuId) {
    return Optional.ofNullable(skus.get(skuId));
  }

  public synchronized Optional<Long> stockOf(String skuId, String poiId) {
    return Optional.ofNullable(poiStock.get(stockKey(skuId, poiId, null))).map(s -> s.stockQty);
  }

  // ---------------------------------------------------------------- orders and certificates

  /** How the order was bought: the two third-party-code modes of D2, or a Douyin-code order (flows.md §3). */
  public enum Mode { AFTER_PAY, BEFORE_PAY, DOUYIN_CODE }

  /** Douyin's view of an order (flows.md §4.1, from the platform's side). */
  public enum OrderStatus {
    /** S1 accepted, buyer has not paid (before-pay mode). */
    CREATED,
    PAID,
    /** S1 refused by the merchant (after-pay: the buyer is refunded at once). */
    REJECTED,
    CANCELLED,
    /** S4 answered result 0: waiting for O1, at most 10 minutes. */
    ISSUING,
    ISSUED,
    ISSUE_FAILED,
    REFUNDED
  }

  /** Certificate status values of openapi.md §5.4 (third-party SDK comment, [3P]). */
  public static final class CertStatus {
    public static final int INITIAL = 0;
    public static final int UNUSED = 1;
    public static final int USED = 2;
    public static final int REFUND_REQUESTED = 3;
    public static final int REFUNDED = 4;
    public static final int REFUND_FAILED = 5;
    public static final int REFUNDING = 6;

    private CertStatus() {}
  }

  public static final class Order {
    final String orderId;
    final Mode mode;
    final String accountId;
    final String openId;
    String poiId;
    final String productId;
    final String skuId;
    final String skuOutId;
    final String productOutId;
    final int count;
    final long unitAmount;
    final long discountAmount;
    final Instant createdAt;
    OrderStatus status;
    String orderOutId;
    Instant paidAt;
    /** When Douyin first asked for codes; the 10-minute window of S4/O1 counts from here. */
    Instant issueStartedAt;
    /** True once S4 was answered "issuing" (result 0): only such orders may use O1. */
    boolean awaitsCallback;
    /** Douyin-code orders: the QR payload (`object_id`) behind the short link. */
    String qrObjectId;
    final List<Certificate> certificates = new ArrayList<>();
    final List<String> history = new ArrayList<>();

    Order(String orderId, Mode mode, String accountId, String openId, String poiId, String productId, String skuId,
        String skuOutId, String productOutId, int count, long unitAmount, long discountAmount, Instant createdAt) {
      this.orderId = orderId;
      this.mode = mode;
      this.accountId = accountId;
      this.openId = openId;
      this.poiId = poiId;
      this.productId = productId;
      this.skuId = skuId;
      this.skuOutId = skuOutId;
      this.productOutId = productOutId;
      this.count = count;
      this.unitAmount = unitAmount;
      this.discountAmount = discountAmount;
      this.createdAt = createdAt;
    }

    public String orderId() { return orderId; }
    public Mode mode() { return mode; }
    public String accountId() { return accountId; }
    public String poiId() { return poiId; }
    public String productId() { return productId; }
    public String skuId() { return skuId; }
    public int count() { return count; }
    public OrderStatus status() { return status; }
    public String orderOutId() { return orderOutId; }
    public String qrObjectId() { return qrObjectId; }
    public boolean awaitsCallback() { return awaitsCallback; }
    public List<Certificate> certificates() { return List.copyOf(certificates); }
    public List<String> history() { return List.copyOf(history); }
    public long originAmount() { return unitAmount * count; }
    public long payAmount() { return originAmount() - discountAmount; }

    /** The short link a buyer's QR code points to (flows.md §3: resolve, then read only `object_id`). */
    public String qrShortLink(String simulatorBaseUrl) {
      return qrObjectId == null ? null : simulatorBaseUrl + "/s/" + qrObjectId;
    }

    /** Codes issued to the buyer (third-party codes, or Douyin's 12-digit codes). */
    public List<String> codes() {
      return certificates.stream().map(c -> c.code).filter(c -> c != null && !c.isEmpty()).distinct().toList();
    }

    void note(Instant at, String event) {
      history.add(at + " " + event);
    }

    long itemAmount() {
      return count == 0 ? 0 : payAmount() / count;
    }
  }

  /** One purchased unit (份): Douyin keeps one certificate per unit (flows.md §4.2). */
  public static final class Certificate {
    final String certificateId;
    final String orderItemId;
    final String orderId;
    String code;
    /** Douyin codes only: the encrypted form handed out by prepare. */
    String encryptedCode;
    int status = CertStatus.INITIAL;
    final List<Verification> verifications = new ArrayList<>();

    Certificate(String certificateId, String orderItemId, String orderId) {
      this.certificateId = certificateId;
      this.orderItemId = orderItemId;
      this.orderId = orderId;
    }

    public String certificateId() { return certificateId; }
    public String orderItemId() { return orderItemId; }
    public String code() { return code; }
    public String encryptedCode() { return encryptedCode; }
    public int status() { return status; }
    public List<Verification> verifications() { return List.copyOf(verifications); }

    Optional<Verification> activeVerification() {
      return verifications.stream().filter(v -> !v.cancelled).reduce((a, b) -> b);
    }
  }

  /** One redemption (O3) of one certificate; cancellable within 1 hour (O4). */
  public static final class Verification {
    final String verifyId;
    final String certificateId;
    final String poiId;
    final Instant verifyTime;
    boolean cancelled;

    Verification(String verifyId, String certificateId, String poiId, Instant verifyTime) {
      this.verifyId = verifyId;
      this.certificateId = certificateId;
      this.poiId = poiId;
      this.verifyTime = verifyTime;
    }

    public String verifyId() { return verifyId; }
    public String poiId() { return poiId; }
    public Instant verifyTime() { return verifyTime; }
    public boolean cancelled() { return cancelled; }
  }

  /** A prepare (O6) result: one verify_token, consumed by exactly one verify (openapi.md §5, 1:1). */
  static final class Prepared {
    final String verifyToken;
    final String orderId;
    final List<String> certificateIds;
    boolean used;

    Prepared(String verifyToken, String orderId, List<String> certificateIds) {
      this.verifyToken = verifyToken;
      this.orderId = orderId;
      this.certificateIds = certificateIds;
    }
  }

  public enum AfterSaleKind {
    /** The buyer asked for a refund (S5). */
    REFUND,
    /** Issuing lapsed after 10 minutes; Douyin refunds through merchant audit, 补码 possible (S5). */
    ISSUE_TIMEOUT_REFUND,
    /** Issue failed (S4/O1 result 2): refunded directly, no audit, only S6. */
    ISSUE_FAILED_REFUND,
    /** Return of picked-up goods (S7, D9). */
    RETURN
  }

  /** Refund / return lifecycle (flows.md §4.3, §4.4). */
  public enum AfterSaleStatus { APPLIED, PENDING, APPROVED, REJECTED, AUTO_APPROVED, SUCCEEDED }

  public static final class AfterSale {
    final String afterSaleId;
    final String orderId;
    final AfterSaleKind kind;
    final List<String> certificateIds;
    final long refundAmount;
    final String reason;
    final Instant appliedAt;
    AfterSaleStatus status = AfterSaleStatus.APPLIED;
    /** When the next S5/S7 attempt is due if the merchant did not answer (hourly, spi.md §5.5). */
    Instant nextAttemptAt;
    String outAfterSaleId;
    String rejectReason;
    final List<String> history = new ArrayList<>();

    AfterSale(String afterSaleId, String orderId, AfterSaleKind kind, List<String> certificateIds, long refundAmount,
        String reason, Instant appliedAt) {
      this.afterSaleId = afterSaleId;
      this.orderId = orderId;
      this.kind = kind;
      this.certificateIds = certificateIds;
      this.refundAmount = refundAmount;
      this.reason = reason;
      this.appliedAt = appliedAt;
    }

    public String afterSaleId() { return afterSaleId; }
    public String orderId() { return orderId; }
    public AfterSaleKind kind() { return kind; }
    public AfterSaleStatus status() { return status; }
    public List<String> certificateIds() { return certificateIds; }
    public String outAfterSaleId() { return outAfterSaleId; }
    public List<String> history() { return List.copyOf(history); }

    /** S6 `after_sale_type`: 1 return and refund, 3 refund only (spi.md §5.6). */
    int afterSaleType() {
      return kind == AfterSaleKind.RETURN ? 1 : 3;
    }

    /** O2 may only settle an after-sale that is still open (not yet decided). */
    boolean open() {
      return status == AfterSaleStatus.APPLIED || status == AfterSaleStatus.PENDING;
    }
  }

  public synchronized Optional<Order> order(String orderId) {
    return Optional.ofNullable(orders.get(orderId));
  }

  public synchronized Collection<Order> orders() {
    return List.copyOf(orders.values());
  }

  public synchronized Optional<AfterSale> afterSale(String afterSaleId) {
    return Optional.ofNullable(afterSales.get(afterSaleId));
  }

  public synchronized List<AfterSale> afterSalesOf(String orderId) {
    return afterSales.values().stream().filter(a -> a.orderId.equals(orderId)).toList();
  }

  synchronized Optional<Certificate> certificate(String certificateId) {
    return orders.values().stream().flatMap(o -> o.certificates.stream())
        .filter(c -> c.certificateId.equals(certificateId)).findFirst();
  }
}
