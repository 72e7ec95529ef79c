package dev.tihuo.simulator;

import dev.tihuo.simulator.DouyinPlatformClient.Spi;
import dev.tihuo.simulator.PlatformState.AfterSale;
import dev.tihuo.simulator.PlatformState.AfterSaleKind;
import dev.tihuo.simulator.PlatformState.AfterSaleStatus;
import dev.tihuo.simulator.PlatformState.CertStatus;
import dev.tihuo.simulator.PlatformState.Certificate;
import dev.tihuo.simulator.PlatformState.Mode;
import dev.tihuo.simulator.PlatformState.Order;
import dev.tihuo.simulator.PlatformState.OrderStatus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buyer's journey as Douyin drives it against tihuo's SPI, and Douyin's reading of every answer
 * (flows.md §2). Each method returns when the journey has reached a point where it waits for someone else: the
 * merchant (O1, O2), the buyer (pay, pick up, refund) or the clock.
 */
public final class BuyerJourney implements PlatformReactions {

  private static final Logger log = LoggerFactory.getLogger(BuyerJourney.class);

  /** spi.md §5.5: a refund apply that errors is retried hourly (generic 三方码 refund [DOC-SIB]). */
  static final Duration REFUND_APPLY_RETRY = Duration.ofHours(1);
  /** flows.md §2.5: refunds not answered within 72 hours are approved automatically [DOC-SIB]. */
  static final Duration AUTO_APPROVE_AFTER = Duration.ofHours(72);

  /**
   * How Douyin paces re-sends.
   *
   * @param compression real waiting time = schedule gap / compression (1 = real time, 1000 = 10 s in 10 ms);
   *                    0 means do not wait at all, only move the clock
   */
  public record Pacing(RetrySchedule issueCode, RetrySchedule notifications, double compression) {
    public static Pacing realTime() {
      return new Pacing(RetrySchedule.ISSUE_CODE, RetrySchedule.ISSUE_CODE, 1);
    }

    public static Pacing compressed(double factor) {
      return new Pacing(RetrySchedule.ISSUE_CODE, RetrySchedule.ISSUE_CODE, factor);
    }
  }

  private final Vertx vertx;
  private final PlatformState state;
  private final SimClock clock;
  private final DouyinPlatformClient client;
  private final Function<Duration, Future<Void>> advanceTime;
  private volatile Pacing pacing;
  /**
   * Whether Douyin refunds an approved after-sale at once and sends the refund notice (S6) by itself (default).
   * Off, the refund happens only when a test calls {@link #refund(String)}, so each exchange is written out.
   */
  private volatile boolean autoRefund = true;
  private final Set<String> inFlight = new HashSet<>();

  BuyerJourney(Vertx vertx, PlatformState state, SimClock clock, DouyinPlatformClient client,
      Function<Duration, Future<Void>> advanceTime, Pacing pacing) {
    this.vertx = vertx;
    this.state = state;
    this.clock = clock;
    this.client = client;
    this.advanceTime = advanceTime;
    this.pacing = pacing;
  }

  public void pacing(Pacing p) {
    this.pacing = p;
  }

  public DouyinPlatformClient client() {
    return client;
  }

  public void autoRefund(boolean on) {
    this.autoRefund = on;
  }

  // ============================================================ purchase: S1 (+ S2), then S4

  /**
   * The whole purchase. After-pay (Douyin's default, D2): S1 after payment, then S4. Before-pay: S1 only; the
   * order waits for {@link #pay(String)}.
   */
  public Future<Order> buy(Purchase p) {
    Order order = newOrder(p);
    return createOrder(order).compose(o -> o.status == OrderStatus.PAID ? issue(o.orderId) : Future.succeededFuture(o));
  }

  /** S1 only: creates the order on Douyin's side and asks tihuo to create its own (spi.md §5.1). */
  public Future<Order> createOrder(Purchase p) {
    return createOrder(newOrder(p));
  }

  private Order newOrder(Purchase p) {
    if (p.mode() == Mode.DOUYIN_CODE) {
      throw new IllegalArgumentException("Douyin-code orders have no S1: use douyinCodeOrder");
    }
    synchronized (state) {
      Order o = new Order(state.ids.order(), p.mode(), p.accountId(), p.openId(), p.poiId(), p.productId(),
          p.skuId(), p.skuOutId(), p.productOutId(), p.count(), p.unitAmount(), p.discountAmount(), clock.instant());
      for (int i = 0; i < p.count(); i++) {
        o.certificates.add(new Certificate(state.ids.certificate(), state.ids.orderItem(), o.orderId));
      }
      o.status = OrderStatus.CREATED;
      if (p.mode() == Mode.AFTER_PAY) {
        o.paidAt = clock.instant(); // after-pay: the buyer has already paid when S1 is sent
      }
      state.orders.put(o.orderId, o);
      o.note(clock.instant(), "bought " + p.count() + " × sku " + p.skuId() + " at poi " + p.poiId()
          + " (" + p.mode() + ")");
      return o;
    }
  }

  private Future<Order> createOrder(Order o) {
    JsonArray skuList = new JsonArray().add(new JsonObject().put("sku_id", o.skuId).put("product_id", o.productId)
        .put("sku_out_id", o.skuOutId).put("product_out_id", o.productOutId).put("count", o.count)
        .put("unit_amount", o.unitAmount));
    JsonObject body = new JsonObject().put("order_id", o.orderId).put("open_id", o.openId)
        .put("account_id", o.accountId).put("poi_id", o.poiId).put("sku_list", skuList)
        .put("amount", new JsonObject().put("origin_amount", o.originAmount())
            .put("discount_amount", o.discountAmount).put("pay_amount", o.payAmount()));
    // D1: success carries data.order_out_id; an answer without it is unreadable and retried.
    return deliver(Spi.S1_CREATE_ORDER, body, pacing.notifications(),
        r -> r.asksForRetry() || (r.accepted() && isBlank(r.data().getString("order_out_id"))))
        .map(reply -> {
          synchronized (state) {
            if (reply.accepted() && !isBlank(reply.data().getString("order_out_id"))) {
              o.orderOutId = reply.data().getString("order_out_id");
              o.status = o.mode == Mode.AFTER_PAY ? OrderStatus.PAID : OrderStatus.CREATED;
              o.note(clock.instant(), "S1 accepted, order_out_id=" + o.orderOutId);
            } else {
              // The merchant refused (e.g. 40005 out of stock) or never answered: the order is rejected and,
              // after-pay, the buyer gets the money back at once (flows.md §2.2).
              o.status = OrderStatus.REJECTED;
              o.note(clock.instant(), "S1 refused: " + reply);
            }
            return o;
          }
        });
  }

  /** Before-pay mode: the buyer pays, Douyin sends S2, then asks for codes (S4) (D2). */
  public Future<Order> pay(String orderId) {
    return pay(orderId, true);
  }

  /** Before-pay mode: the buyer pays and Douyin sends S2; with {@code thenIssue} it then asks for codes (S4). */
  public Future<Order> pay(String orderId, boolean thenIssue) {
    Order o = order(orderId);
    synchronized (state) {
      if (o.mode != Mode.BEFORE_PAY || o.status != OrderStatus.CREATED) {
        return Future.failedFuture(new IllegalStateException("order " + orderId + " cannot be paid: " + o.status));
      }
      o.status = OrderStatus.PAID;
      o.paidAt = clock.instant();
    }
    JsonObject body = new JsonObject().put("order_id", o.orderId).put("order_out_id", o.orderOutId)
        .put("pay_time", clock.epochSeconds()).put("timestamp", clock.epochSeconds());
    return notification(Spi.S2_PAY_NOTIFY, body, o)
        .compose(r -> thenIssue ? issue(orderId) : Future.succeededFuture(o));
  }

  /** S3: the buyer cancels before the code is issued (cancel_type 1 before pay, 2 after pay). */
  public Future<Order> cancel(String orderId) {
    Order o = order(orderId);
    int cancelType;
    synchronized (state) {
      if (o.status != OrderStatus.CREATED && o.status != OrderStatus.PAID) {
        return Future.failedFuture(new IllegalStateException("order " + orderId + " cannot be cancelled: "
            + o.status));
      }
      cancelType = o.paidAt == null ? 1 : 2;
      o.status = OrderStatus.CANCELLED;
      o.note(clock.instant(), "cancelled, cancel_type=" + cancelType);
    }
    JsonObject body = new JsonObject().put("order_id", o.orderId).put("order_out_id", o.orderOutId)
        .put("cancel_type", cancelType).put("timestamp", clock.epochSeconds());
    return notification(Spi.S3_CANCEL_NOTIFY, body, o).map(r -> o);
  }

  // ============================================================ S4 issue code (spi.md §5.4, D3, D4)

  /**
   * Asks tihuo for codes and re-sends on failure with Douyin's schedule (10 s … 240 s) over the simulator
   * clock, compressed by {@link Pacing#compression()}. Interprets the final answer: 1 issued, 2 failed (direct
   * refund), 0 issuing (O1 expected within 10 minutes).
   */
  public Future<Order> issue(String orderId) {
    Order o = order(orderId);
    synchronized (state) {
      if (o.mode == Mode.BEFORE_PAY && o.status == OrderStatus.CREATED && o.orderOutId != null) {
        // the buyer paid but the payment notice (S2) never reached the merchant: S4 alone says so (D2)
        o.status = OrderStatus.PAID;
        o.paidAt = clock.instant();
        o.note(clock.instant(), "paid; the payment notice was not delivered");
      }
      if (o.status != OrderStatus.PAID) {
        return Future.failedFuture(new IllegalStateException("order " + orderId + " is not paid: " + o.status));
      }
      o.issueStartedAt = clock.instant();
    }
    JsonArray certs = new JsonArray();
    long start = o.createdAt.getEpochSecond();
    o.certificates.forEach(c -> certs.add(new JsonObject().put("certificate_id", c.certificateId)
        .put("order_item_id", c.orderItemId).put("sku_id", o.skuId).put("start_time", start)
        .put("expire_time", start + OpenApi.VALIDITY.toSeconds())));
    JsonObject body = new JsonObject().put("order_id", o.orderId).put("order_out_id", o.orderOutId)
        .put("account_id", o.accountId).put("poi_id", o.poiId).put("open_id", o.openId)
        .put("sku_id", o.skuId).put("product_id", o.productId).put("sku_out_id", o.skuOutId)
        .put("product_out_id", o.productOutId).put("count", o.count).put("certificates", certs)
        .put("amount", new JsonObject().put("original_amount", o.originAmount()).put("pay_amount", o.payAmount())
            .put("merchant_ticket_amount", 0).put("platform_discount_amount", o.discountAmount)
            .put("payment_discount_amount", 0));
    // "If error_code ≠ 0, Douyin ignores data and re-sends" (spi.md §5.4); an unknown result is no answer either.
    return deliver(Spi.S4_ISSUE_CODE, body, pacing.issueCode(),
        r -> !r.accepted() ? r.httpStatus() != 401 : !readableIssueResult(o, r))
        .compose(reply -> {
          synchronized (state) {
            if (reply.httpStatus() == 401) {
              // tihuo refused the signature: the request did not come from this app as configured; nothing
              // changes on either side (D16), so Douyin's order stays paid.
              o.note(clock.instant(), "S4 refused as unsigned: " + reply);
              return Future.succeededFuture(o);
            }
            if (!reply.accepted() || !readableIssueResult(o, reply)) {
              o.note(clock.instant(), "S4 gave up after retries: " + reply);
              o.status = OrderStatus.ISSUING; // treated like a lapsed "issuing" below
            } else {
              int result = reply.result();
              if (result == 1) {
                OpenApi.assignCodes(o, reply.codes(), reply.certificates());
                o.status = OrderStatus.ISSUED;
                o.note(clock.instant(), "S4 issued codes " + o.codes());
                return Future.succeededFuture(o);
              }
              if (result == 0) {
                o.status = OrderStatus.ISSUING;
                o.awaitsCallback = true;
                o.note(clock.instant(), "S4 issuing: O1 expected before " + o.issueStartedAt.plus(OpenApi.ISSUE_WINDOW));
                return Future.succeededFuture(o);
              }
              o.status = OrderStatus.ISSUE_FAILED;
              o.note(clock.instant(), "S4 failed: " + reply.data().getString("fail_reason"));
            }
          }
          if (o.status == OrderStatus.ISSUE_FAILED) {
            return refundIssueFailure(o, "发券失败: " + reply.data().getString("fail_reason")).map(o);
          }
          return startTimeoutRefund(o).map(o);
        });
  }

  /** result 1 must carry usable codes (D3, D4); 0 and 2 are readable as they are. */
  private boolean readableIssueResult(Order o, SpiReply r) {
    Integer result = r.result();
    if (result == null || result < 0 || result > 2) {
      return false;
    }
    if (result != 1) {
      return true;
    }
    int codes = r.codes().size();
    JsonArray pairs = r.certificates();
    boolean pairsCover = pairs != null && pairs.size() == o.certificates.size();
    return pairsCover || codes == o.certificates.size() || codes == 1;
  }

  // ============================================================ platform reactions (OpenAPI side)

  @Override
  public void issueFailed(Order order, String reason) {
    refundIssueFailure(order, reason).onFailure(e -> log.warn("refund after issue failure", e));
  }

  @Override
  public void issueWindowLapsed(Order order) {
    startTimeoutRefund(order).onFailure(e -> log.warn("refund after lapsed issue window", e));
  }

  @Override
  public void auditDecided(AfterSale as) {
    settle(as).onFailure(e -> log.warn("settling after-sale " + as.afterSaleId, e));
  }

  /** Issue failed (S4/O1 result 2): no audit, Douyin refunds the buyer and tells the merchant with S6. */
  private Future<Void> refundIssueFailure(Order o, String reason) {
    AfterSale as;
    synchronized (state) {
      as = newAfterSale(o, AfterSaleKind.ISSUE_FAILED_REFUND, o.certificates, reason);
      as.status = AfterSaleStatus.APPROVED;
    }
    return settle(as);
  }

  /**
   * No O1 within 10 minutes: Douyin marks the issue failed and asks the merchant to audit the refund (S5). The
   * merchant may reject it and supply the code now (补码) (spi.md §5.4, §5.5).
   */
  private Future<Void> startTimeoutRefund(Order o) {
    AfterSale as;
    synchronized (state) {
      if (o.status != OrderStatus.ISSUING) {
        return Future.succeededFuture(); // settled meanwhile, or already lapsed
      }
      o.status = OrderStatus.ISSUE_FAILED;
      o.note(clock.instant(), "issue window lapsed: refund through S5 (补码 possible)");
      as = newAfterSale(o, AfterSaleKind.ISSUE_TIMEOUT_REFUND, o.certificates, "发券超时自动退款");
    }
    return askMerchant(as);
  }

  // ============================================================ after-sales: S5, S7, S8, S6

  /** The buyer asks for a refund of {@code units} unredeemed vouchers (S5; partial refunds allowed). */
  public Future<AfterSale> applyRefund(String orderId, int units) {
    Order o = order(orderId);
    AfterSale as;
    synchronized (state) {
      List<Certificate> certs = new ArrayList<>(o.certificates.stream().filter(c -> c.status == CertStatus.UNUSED)
          .limit(units).toList());
      // a buyer may ask for units already picked up too: Douyin asks the merchant, who rejects them (D7)
      o.certificates.stream().filter(c -> c.status == CertStatus.USED).limit(units - certs.size()).forEach(certs::add);
      if (certs.size() < units) {
        return Future.failedFuture(new IllegalStateException("only " + certs.size() + " refundable vouchers"));
      }
      as = newAfterSale(o, AfterSaleKind.REFUND, certs, "用户申请退款");
    }
    return askMerchant(as).map(as);
  }

  /** The buyer returns {@code units} picked-up items (S7, D9: after_sale_type 1). */
  public Future<AfterSale> applyReturn(String orderId, int units) {
    Order o = order(orderId);
    AfterSale as;
    synchronized (state) {
      List<Certificate> certs = o.certificates.stream().filter(c -> c.status == CertStatus.USED)
          .limit(units).toList();
      if (certs.size() < units) {
        return Future.failedFuture(new IllegalStateException("only " + certs.size() + " redeemed vouchers"));
      }
      as = newAfterSale(o, AfterSaleKind.RETURN, certs, "用户申请退货");
    }
    return askMerchant(as).map(as);
  }

  /** The merchant did not handle a return in time: Douyin approves it (S8), then refunds (S6) (D9). */
  public Future<AfterSale> timeoutReturn(String afterSaleId) {
    AfterSale as = afterSale(afterSaleId);
    Order o = order(as.orderId);
    synchronized (state) {
      if (as.kind != AfterSaleKind.RETURN || !as.open()) {
        return Future.failedFuture(new IllegalStateException("not an open return: " + as.status));
      }
      as.status = AfterSaleStatus.AUTO_APPROVED;
      as.history.add(clock.instant() + " return timed out: auto-approved");
    }
    return notification(Spi.S8_RETURN_TIMEOUT_NOTIFY, afterSaleBody(o, as, false).put("notice_type", 0), o)
        .compose(r -> settle(as)).map(as);
  }

  private AfterSale newAfterSale(Order o, AfterSaleKind kind, List<Certificate> certs, String reason) {
    AfterSale as = new AfterSale(state.ids.afterSale(), o.orderId, kind,
        certs.stream().map(c -> c.certificateId).toList(), o.itemAmount() * certs.size(), reason, clock.instant());
    if (kind != AfterSaleKind.ISSUE_FAILED_REFUND) {
      certs.forEach(c -> {
        previousStatus.put(c.certificateId, c.status);
        c.status = CertStatus.REFUND_REQUESTED;
      });
    }
    state.afterSales.put(as.afterSaleId, as);
    o.note(clock.instant(), kind + " " + as.afterSaleId + " for " + as.certificateIds);
    return as;
  }

  /** certificate → status before its after-sale, restored when the after-sale is rejected. */
  private final Map<String, Integer> previousStatus = new HashMap<>();

  private JsonObject afterSaleBody(Order o, AfterSale as, boolean withCertificate) {
    JsonArray items = new JsonArray();
    for (Certificate c : o.certificates) {
      if (!as.certificateIds.contains(c.certificateId)) {
        continue;
      }
      JsonObject item = new JsonObject().put("order_item_id", c.orderItemId).put("item_refund_amount", o.itemAmount());
      if (withCertificate) {
        item.put("certificate", new JsonObject().put("certificate_id", c.certificateId)
            .put("code", c.code == null ? "" : c.code)); // empty when issuing failed (spi.md §5.5)
      }
      items.add(item);
    }
    JsonObject body = new JsonObject().put("order_id", o.orderId).put("order_out_id", o.orderOutId)
        .put("biz_uniq_key", as.afterSaleId).put("refund_amount", as.refundAmount).put("refund_info_list", items)
        .put("refund_reason", as.reason).put("handle_time", clock.millis());
    if (as.kind == AfterSaleKind.RETURN) {
      body.put("after_sale_type", as.afterSaleType());
    }
    return body;
  }

  /**
   * S5 (refund) or S7 (return), and Douyin's reading of the answer (D6, spi.md §5.5): 1 approve → refund + S6;
   * 2 reject (with the code when the voucher never got one, else Douyin waits for O2); 0 or an unreadable result
   * → pending until O2. An error or no answer is retried hourly.
   */
  private Future<Void> askMerchant(AfterSale as) {
    Order o = order(as.orderId);
    synchronized (state) {
      if (!inFlight.add(as.afterSaleId)) {
        return Future.succeededFuture();
      }
    }
    Spi spi = as.kind == AfterSaleKind.RETURN ? Spi.S7_RETURN_APPLY : Spi.S5_REFUND_APPLY;
    return client.send(spi, afterSaleBody(o, as, true)).compose(reply -> {
      boolean approved = false;
      synchronized (state) {
        inFlight.remove(as.afterSaleId);
        Instant now = clock.instant();
        if (!as.open()) {
          return Future.succeededFuture(); // decided meanwhile (O2 or 72 h)
        }
        if (!reply.accepted()) {
          as.nextAttemptAt = now.plus(REFUND_APPLY_RETRY);
          as.history.add(now + " " + spi + " failed, retry at " + as.nextAttemptAt + ": " + reply);
          return Future.succeededFuture();
        }
        as.nextAttemptAt = null;
        Integer result = reply.result();
        if (result != null && result == 1) {
          as.status = AfterSaleStatus.APPROVED;
          approved = true;
        } else if (result != null && result == 2) {
          boolean lacksCode = o.certificates.stream()
              .anyMatch(c -> as.certificateIds.contains(c.certificateId) && isBlank(c.code));
          if (!lacksCode) {
            as.status = AfterSaleStatus.REJECTED;
            as.rejectReason = reply.data().getString("reason");
            restore(as);
          } else if (!reply.codes().isEmpty() || reply.certificates() != null) {
            try {
              OpenApi.assignCodes(o, reply.codes(), reply.certificates()); // 补码: the late code arrives here
              as.status = AfterSaleStatus.REJECTED;
              o.status = OrderStatus.ISSUED;
              o.note(now, "补码: refund rejected with codes " + o.codes());
            } catch (RuntimeException unreadable) {
              as.status = AfterSaleStatus.PENDING;
            }
          } else {
            as.status = AfterSaleStatus.PENDING; // a rejection without the missing code is not accepted
          }
        } else {
          as.status = AfterSaleStatus.PENDING;
        }
        as.history.add(now + " " + spi + " answered result=" + result + " → " + as.status);
      }
      return approved ? settle(as) : Future.succeededFuture();
    });
  }

  private void restore(AfterSale as) {
    for (String id : as.certificateIds) {
      state.certificate(id).ifPresent(c -> c.status = previousStatus.getOrDefault(id, CertStatus.UNUSED));
    }
  }

  /**
   * Douyin refunds an approved after-sale now (money back to the buyer, S6 to the merchant). Used when
   * {@link #autoRefund(boolean)} is off.
   */
  public Future<AfterSale> refund(String afterSaleId) {
    AfterSale as = afterSale(afterSaleId);
    return settleNow(as).map(as);
  }

  /**
   * A refund by Douyin's customer service (客服强退): no audit, Douyin refunds {@code units} unredeemed vouchers
   * and sends the refund notice (S6) at once.
   */
  public Future<AfterSale> customerServiceRefund(String orderId, int units) {
    Order o = order(orderId);
    AfterSale as;
    synchronized (state) {
      List<Certificate> certs = o.certificates.stream()
          .filter(c -> c.status == CertStatus.UNUSED || c.status == CertStatus.INITIAL).limit(units).toList();
      if (certs.size() < units) {
        certs = o.certificates.stream().filter(c -> c.status != CertStatus.REFUNDED).limit(units).toList();
      }
      as = newAfterSale(o, AfterSaleKind.REFUND, certs, "客服退款");
      as.status = AfterSaleStatus.APPROVED;
    }
    return settleNow(as).map(as);
  }

  /** An approved after-sale: the buyer gets the money back, the merchant gets S6 (spi.md §5.6). */
  private Future<Void> settle(AfterSale as) {
    if (!autoRefund) {
      synchronized (state) {
        if (as.status == AfterSaleStatus.REJECTED) {
          restore(as);
        }
      }
      return Future.succeededFuture();
    }
    return settleNow(as);
  }

  private Future<Void> settleNow(AfterSale as) {
    Order o = order(as.orderId);
    synchronized (state) {
      if (as.status == AfterSaleStatus.REJECTED) {
        restore(as);
        return Future.succeededFuture();
      }
      if (as.status != AfterSaleStatus.APPROVED && as.status != AfterSaleStatus.AUTO_APPROVED) {
        return Future.succeededFuture();
      }
      as.status = AfterSaleStatus.SUCCEEDED;
      for (Certificate c : o.certificates) {
        if (as.certificateIds.contains(c.certificateId)) {
          c.status = CertStatus.REFUNDED;
        }
      }
      if (o.certificates.stream().allMatch(c -> c.status == CertStatus.REFUNDED)) {
        o.status = OrderStatus.REFUNDED;
      }
      as.history.add(clock.instant() + " refunded " + as.refundAmount + " fen");
    }
    JsonObject body = afterSaleBody(o, as, false).put("notice_type", 0).put("desc", "")
        .put("after_sale_type", as.afterSaleType());
    return notification(Spi.S6_REFUND_NOTIFY, body, o).mapEmpty();
  }

  // ============================================================ W1 store change (spi.md §6.2, D13)

  /**
   * The buyer picks another store after purchase. W1's payload is unknown; the simulator sends
   * {@code order_id, account_id, old_poi_id, new_poi_id, change_time} inside {@code content} (see README).
   */
  public Future<SpiReply> changeStore(String orderId, String newPoiId) {
    Order o = order(orderId);
    String old;
    synchronized (state) {
      old = o.poiId;
      o.poiId = newPoiId;
      o.note(clock.instant(), "store changed " + old + " → " + newPoiId);
    }
    return client.webhook("life_retail_comp_poi_change", new JsonObject().put("order_id", o.orderId)
        .put("account_id", o.accountId).put("old_poi_id", old).put("new_poi_id", newPoiId)
        .put("change_time", clock.epochSeconds()));
  }

  // ============================================================ Douyin-code orders (flows.md §3)

  /** A Douyin-code order: paid, codes issued by Douyin itself, no SPI calls. Ready for prepare → verify. */
  public Order douyinCodeOrder(Purchase p) {
    synchronized (state) {
      Order o = new Order(state.ids.order(), Mode.DOUYIN_CODE, p.accountId(), p.openId(), p.poiId(), p.productId(),
          p.skuId(), p.skuOutId(), p.productOutId(), p.count(), p.unitAmount(), p.discountAmount(), clock.instant());
      for (int i = 0; i < p.count(); i++) {
        Certificate c = new Certificate(state.ids.certificate(), state.ids.orderItem(), o.orderId);
        c.code = state.ids.douyinCode();
        c.encryptedCode = state.ids.encryptedCode();
        c.status = CertStatus.UNUSED;
        o.certificates.add(c);
      }
      o.qrObjectId = state.ids.hex(16);
      o.paidAt = clock.instant();
      o.status = OrderStatus.ISSUED;
      state.orders.put(o.orderId, o);
      o.note(clock.instant(), "Douyin-code order, codes " + o.codes());
      return o;
    }
  }

  // ============================================================ time-driven behaviour

  /**
   * Everything Douyin does because time passed: lapsed 10-minute issue windows start the refund path, unanswered
   * refund applies are re-sent hourly, after-sales open for 72 hours are approved automatically.
   */
  public Future<Void> processDeadlines() {
    Instant now = clock.instant();
    List<Future<Void>> work = new ArrayList<>();
    List<Order> lapsed;
    List<AfterSale> resend;
    List<AfterSale> autoApprove;
    synchronized (state) {
      lapsed = state.orders.values().stream().filter(o -> o.status == OrderStatus.ISSUING
          && !now.isBefore(o.issueStartedAt.plus(OpenApi.ISSUE_WINDOW))).toList();
      autoApprove = state.afterSales.values().stream()
          .filter(a -> a.open() && !now.isBefore(a.appliedAt.plus(AUTO_APPROVE_AFTER))).toList();
      autoApprove.forEach(a -> {
        a.status = AfterSaleStatus.AUTO_APPROVED;
        a.history.add(now + " not decided within 72 h: auto-approved");
      });
      resend = state.afterSales.values().stream().filter(a -> a.status == AfterSaleStatus.APPLIED
          && a.nextAttemptAt != null && !now.isBefore(a.nextAttemptAt)).toList();
    }
    lapsed.forEach(o -> work.add(startTimeoutRefund(o)));
    autoApprove.forEach(a -> work.add(settle(a)));
    resend.forEach(a -> work.add(askMerchant(a)));
    return Future.join(work).mapEmpty();
  }

  // ============================================================ delivery with retries

  /** Notification SPIs (S2, S3, S6, S8): only 0 or 100 are expected; 100 and silence are retried (spi.md §2). */
  private Future<SpiReply> notification(Spi spi, JsonObject body, Order o) {
    return deliver(spi, body, pacing.notifications(), SpiReply::asksForRetry).onSuccess(r -> {
      synchronized (state) {
        String note = r.accepted() ? spi + " acknowledged"
            : r.outcome() == SpiReply.Outcome.ANSWERED
                ? spi + " answered a business error " + r.errorCode() + " (notifications must not): " + r
                : spi + " never acknowledged: " + r;
        o.note(clock.instant(), note);
      }
    });
  }

  private Future<SpiReply> deliver(Spi spi, JsonObject body, RetrySchedule schedule,
      java.util.function.Predicate<SpiReply> retry) {
    return attempt(spi, body, schedule, retry, 0);
  }

  private Future<SpiReply> attempt(Spi spi, JsonObject body, RetrySchedule schedule,
      java.util.function.Predicate<SpiReply> retry, int done) {
    return client.send(spi, body).compose(reply -> {
      if (!retry.test(reply) || done >= schedule.maxRetries()) {
        return Future.succeededFuture(reply);
      }
      return pause(schedule.gaps().get(done)).compose(v -> attempt(spi, body, schedule, retry, done + 1));
    });
  }

  /** Waits one retry gap: real time shrunk by the compression factor, simulator time in full. */
  private Future<Void> pause(Duration gap) {
    double factor = pacing.compression();
    long realMillis = factor <= 0 ? 0 : (long) (gap.toMillis() / factor);
    Promise<Void> slept = Promise.promise();
    vertx.setTimer(Math.max(1, realMillis), t -> slept.complete());
    Duration virtualPart = clock.isVirtual() ? gap : gap.minusMillis(Math.max(1, realMillis));
    return slept.future().compose(v -> virtualPart.isNegative() || virtualPart.isZero()
        ? Future.succeededFuture() : advanceTime.apply(virtualPart));
  }

  // ============================================================ lookups

  private Order order(String orderId) {
    return state.order(orderId).orElseThrow(() -> new NoSuchElementException("no order " + orderId));
  }

  private AfterSale afterSale(String id) {
    return state.afterSale(id).orElseThrow(() -> new NoSuchElementException("no after-sale " + id));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
