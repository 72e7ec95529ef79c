package dev.tihuo.bench;

import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.PlatformState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shop every run uses: merchant {@link TihuoProcess#ACCOUNT}, stores s1/s2 (POIs), a product whose codes are
 * issued at once (S4 result 1) and one issued by callback (S4 result 0, then O1). Seeded through the merchant API;
 * the same product is seeded in the simulator so tihuo's stock pushes (O7) and O1 find it.
 */
final class Shop {

  static final String POI1 = "7100000000000000001";
  static final String POI2 = "7100000000000000002";
  static final long UNIT = 6800;

  /** One sellable SKU: our ids and Douyin's. */
  record Item(String productOut, String skuOut, String productId, String skuId) {}

  final Item atOnce;
  final Item byCallback;
  private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000_000);

  private Shop(Item atOnce, Item byCallback) {
    this.atOnce = atOnce;
    this.byCallback = byCallback;
  }

  static Shop seed(Merchant m, DouyinSimulator sim, int stock) {
    m.ok("POST", "/api/v1/stores", new JsonObject().put("store_id", "s1").put("poi_id", POI1).put("name", "Jing'an"));
    m.ok("POST", "/api/v1/stores", new JsonObject().put("store_id", "s2").put("poi_id", POI2).put("name", "Xuhui"));
    Item a = product(m, sim, "P-AT", "SKU-A", "AT_ONCE", stock);
    Item b = product(m, sim, "P-CB", "SKU-B", "BY_CALLBACK", stock);
    return new Shop(a, b);
  }

  /** The ids of an already seeded shop (restart on the same data). */
  static Shop of(Item atOnce, Item byCallback) {
    return new Shop(atOnce, byCallback);
  }

  private static Item product(Merchant m, DouyinSimulator sim, String out, String skuOut, String issuing, int stock) {
    PlatformState.Product p = sim.state().seedProduct(TihuoProcess.ACCOUNT, out, "Oolong " + out, List.of(POI1, POI2),
        List.of(new JsonObject().put("out_sku_id", skuOut).put("sku_name", "500 ml").put("actual_amount", UNIT)));
    String skuId = p.skuIds().get(0);
    m.ok("POST", "/api/v1/products", new JsonObject().put("product_out_id", out).put("name", "Oolong " + out)
        .put("code_issuing", issuing).put("validity_days", 30)
        .put("skus", new JsonArray().add(new JsonObject().put("sku_out_id", skuOut).put("douyin_sku_id", skuId)
            .put("name", "500 ml").put("price_fen", UNIT))));
    m.ok("PUT", "/api/v1/products/" + out + "/douyin", new JsonObject().put("douyin_product_id", p.productId())
        .put("sku_ids", new JsonObject().put(skuOut, skuId)));
    m.ok("PUT", "/api/v1/stock/s1/" + skuOut, new JsonObject().put("on_hand", stock));
    m.ok("PUT", "/api/v1/stock/s2/" + skuOut, new JsonObject().put("on_hand", stock));
    return new Item(out, skuOut, p.productId(), skuId);
  }

  static String nextOrderId() {
    return "1" + String.format("%018d", NEXT.incrementAndGet());
  }

  static String nextId(String prefix) {
    return prefix + NEXT.incrementAndGet();
  }

  /** One Douyin order as the harness knows it. */
  static final class Order {
    final String orderId = nextOrderId();
    final Item item;
    final String poi;
    final int count;
    final List<String> certificateIds = new ArrayList<>();
    final List<String> itemIds = new ArrayList<>();
    volatile String outId;
    final List<String> codes = new ArrayList<>();

    Order(Item item, String poi, int count) {
      this.item = item;
      this.poi = poi;
      this.count = count;
      for (int i = 0; i < count; i++) {
        certificateIds.add(nextId("8"));
        itemIds.add(nextId("9"));
      }
    }

    JsonObject s1() {
      return new JsonObject().put("order_id", orderId).put("open_id", "_000bench_openid")
          .put("account_id", TihuoProcess.ACCOUNT).put("poi_id", poi)
          .put("sku_list", new JsonArray().add(new JsonObject().put("sku_id", item.skuId()).put("product_id", item.productId())
              .put("sku_out_id", item.skuOut()).put("product_out_id", item.productOut()).put("count", count)
              .put("unit_amount", UNIT)))
          .put("amount", new JsonObject().put("origin_amount", UNIT * count).put("discount_amount", 0)
              .put("pay_amount", UNIT * count));
    }

    JsonObject s2() {
      long now = System.currentTimeMillis() / 1000;
      return new JsonObject().put("order_id", orderId).put("order_out_id", outId).put("pay_time", now).put("timestamp", now);
    }

    JsonObject s3(int cancelType) {
      return new JsonObject().put("order_id", orderId).put("order_out_id", outId).put("cancel_type", cancelType)
          .put("timestamp", System.currentTimeMillis() / 1000);
    }

    JsonObject s4() {
      long start = System.currentTimeMillis() / 1000;
      JsonArray certs = new JsonArray();
      for (int i = 0; i < count; i++) {
        certs.add(new JsonObject().put("certificate_id", certificateIds.get(i)).put("order_item_id", itemIds.get(i))
            .put("sku_id", item.skuId()).put("start_time", start).put("expire_time", start + 30 * 86400));
      }
      return new JsonObject().put("order_id", orderId).put("order_out_id", outId).put("account_id", TihuoProcess.ACCOUNT)
          .put("poi_id", poi).put("open_id", "_000bench_openid").put("sku_id", item.skuId())
          .put("product_id", item.productId()).put("sku_out_id", item.skuOut()).put("product_out_id", item.productOut())
          .put("count", count).put("certificates", certs)
          .put("amount", new JsonObject().put("original_amount", UNIT * count).put("pay_amount", UNIT * count)
              .put("merchant_ticket_amount", 0));
    }

    /** S5 (or S7 with {@code afterSaleType} 1) for units [from, to). */
    JsonObject afterSale(String afterSaleId, int from, int to, boolean withCertificate, Integer afterSaleType) {
      JsonArray items = new JsonArray();
      for (int i = from; i < to; i++) {
        JsonObject it = new JsonObject().put("order_item_id", itemIds.get(i)).put("item_refund_amount", UNIT);
        if (withCertificate) {
          it.put("certificate", new JsonObject().put("certificate_id", certificateIds.get(i))
              .put("code", i < codes.size() ? codes.get(i) : ""));
        }
        items.add(it);
      }
      JsonObject b = new JsonObject().put("order_id", orderId).put("order_out_id", outId).put("biz_uniq_key", afterSaleId)
          .put("refund_amount", UNIT * (to - from)).put("refund_info_list", items).put("refund_reason", "bench")
          .put("handle_time", System.currentTimeMillis());
      if (afterSaleType != null) {
        b.put("after_sale_type", afterSaleType);
      }
      return b;
    }

    /** Reads the S4 answer: codes by certificate, in certificate order. */
    boolean takeCodes(Reply r) {
      JsonArray certs = r.data().getJsonArray("certificates");
      if (r.code() != 0 || r.data().getInteger("result", -1) != 1 || certs == null) {
        return false;
      }
      synchronized (codes) {
        codes.clear();
        for (String id : certificateIds) {
          for (int i = 0; i < certs.size(); i++) {
            if (id.equals(certs.getJsonObject(i).getString("certificate_id"))) {
              codes.add(certs.getJsonObject(i).getString("code"));
            }
          }
        }
      }
      return codes.size() == count;
    }
  }

  static final class Paths {
    static final String S1 = "/spi/orders/create";
    static final String S2 = "/spi/orders/pay-notify";
    static final String S3 = "/spi/orders/cancel-notify";
    static final String S4 = "/spi/codes/issue";
    static final String S5 = "/spi/refunds/apply";
    static final String S6 = "/spi/refunds/notify";
    static final String S7 = "/spi/returns/apply";
    static final String S8 = "/spi/returns/timeout-notify";
    static final String W1 = "/webhooks/douyin";

    private Paths() {}
  }
}
