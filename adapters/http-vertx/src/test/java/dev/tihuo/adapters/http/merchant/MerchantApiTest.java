package dev.tihuo.adapters.http.merchant;

import static dev.tihuo.adapters.http.merchant.MerchantWorld.ADMIN_X;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.ADMIN_Y;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.CLERK_A;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.STORE_A;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.X;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.adapters.http.merchant.MerchantWorld.Response;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.OutboxMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every route of the merchant API: success, validation errors, 401 and 403; merchants never see each other. */
class MerchantApiTest {
    private MerchantWorld world;

    @BeforeEach
    void start() {
        world = new MerchantWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    /** Every authenticated route with a plausible request; the admin-only ones are refused to clerks. */
    static Stream<Arguments> routes() {
        String code = "{\"code\":\"ABCD-EFGH-JKMN-P\",\"store_id\":\"store-a\"}";
        return Stream.of(
                Arguments.of("GET", "/api/v1/me", null, false),
                Arguments.of("GET", "/api/v1/stores", null, true),
                Arguments.of("POST", "/api/v1/stores", "{\"store_id\":\"s9\",\"poi_id\":\"p9\",\"name\":\"n\"}", true),
                Arguments.of("PUT", "/api/v1/stores/store-a", "{\"poi_id\":\"poi-a\",\"name\":\"n\"}", true),
                Arguments.of("GET", "/api/v1/products", null, true),
                Arguments.of("POST", "/api/v1/products", "{\"product_out_id\":\"p9\",\"name\":\"n\",\"validity_days\":30}", true),
                Arguments.of("GET", "/api/v1/products/tea-box", null, true),
                Arguments.of("PUT", "/api/v1/products/tea-box", "{\"name\":\"n\",\"validity_days\":30}", true),
                Arguments.of("POST", "/api/v1/products/tea-box/publish", null, true),
                Arguments.of("PUT", "/api/v1/products/tea-box/douyin", "{\"douyin_product_id\":\"dp-tea\"}", true),
                Arguments.of("GET", "/api/v1/stock", null, true),
                Arguments.of("PUT", "/api/v1/stock/store-a/tea-500g", "{\"on_hand\":3}", true),
                Arguments.of("POST", "/api/v1/stock/store-a/tea-500g/adjustments", "{\"delta\":1,\"reason\":\"found\"}", true),
                Arguments.of("GET", "/api/v1/orders", null, true),
                Arguments.of("GET", "/api/v1/vouchers", null, true),
                Arguments.of("GET", "/api/v1/orders/order-1", null, true),
                Arguments.of("POST", "/api/v1/orders/order-1/reconcile", null, true),
                Arguments.of("GET", "/api/v1/after-sales", null, true),
                Arguments.of("GET", "/api/v1/after-sales/as-1", null, true),
                Arguments.of("POST", "/api/v1/after-sales/as-1/approve", "{}", true),
                Arguments.of("POST", "/api/v1/after-sales/as-1/reject", "{\"reason\":\"r\"}", true),
                Arguments.of("POST", "/api/v1/after-sales/as-1/goods-received", null, true),
                Arguments.of("POST", "/api/v1/counter/look-up", code, false),
                Arguments.of("POST", "/api/v1/counter/redeem", code, false),
                Arguments.of("POST", "/api/v1/counter/cancel", code, false),
                Arguments.of("GET", "/api/v1/outbox/stuck", null, true),
                Arguments.of("POST", "/api/v1/outbox/1/retry", null, true));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void every_route_answers_401_without_a_key_or_with_a_wrong_one(String method, String path, String body, boolean adminOnly) {
        for (String key : new String[] {null, "not-a-configured-key-at-all", ADMIN_X + "x", ""}) {
            Response r = world.call(method, path, key, body);
            assertThat(r.status()).as("%s %s with key %s", method, path, key).isEqualTo(401);
            assertThat(r.errorCode()).isEqualTo("unauthorized");
            assertThat(r.body()).doesNotContain(ADMIN_X);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void a_clerk_key_is_refused_everything_but_the_counter_and_changes_nothing(String method, String path, String body, boolean adminOnly) {
        int before = world.tihuo.outbox().all().size();
        Response r = world.call(method, path, CLERK_A, body);
        if (adminOnly) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("forbidden");
            assertThat(world.tihuo.outbox().all()).hasSize(before);
        } else {
            assertThat(r.status()).isNotIn(401, 403);
        }
    }

    @Test
    void the_key_tells_who_it_is_without_showing_itself() {
        JsonObject me = world.get("/api/v1/me", CLERK_A).json();
        assertThat(me.getString("merchant")).isEqualTo(X.value());
        assertThat(me.getString("role")).isEqualTo("clerk");
        assertThat(me.getJsonArray("stores")).containsExactly(STORE_A);
        assertThat(me.getString("key_fingerprint")).hasSize(8).isEqualTo(ApiKeys.fingerprint(CLERK_A));
        assertThat(me.encode()).doesNotContain(CLERK_A);
        Response viaHeader = world.call("GET", "/api/v1/me", null, null);
        assertThat(viaHeader.status()).isEqualTo(401);
    }

    @Test
    void stores_are_created_updated_and_listed() {
        Response created = world.post("/api/v1/stores", ADMIN_X, "{\"store_id\":\"store-c\",\"poi_id\":\"poi-c\",\"name\":\"西湖店\",\"extra\":1}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json()).isEqualTo(new JsonObject().put("store_id", "store-c").put("poi_id", "poi-c").put("name", "西湖店"));

        Response updated = world.put("/api/v1/stores/store-c", ADMIN_X, "{\"poi_id\":\"poi-c2\",\"name\":\"西湖店二\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().getString("poi_id")).isEqualTo("poi-c2");

        JsonArray items = world.get("/api/v1/stores", ADMIN_X).json().getJsonArray("items");
        assertThat(items.stream().map(o -> ((JsonObject) o).getString("store_id")).toList()).containsExactlyInAnyOrder("store-a", "store-b", "store-c");
    }

    @Test
    void store_requests_are_validated() {
        assertError(world.post("/api/v1/stores", ADMIN_X, "{\"poi_id\":\"p\",\"name\":\"n\"}"), 400, "validation_failed");
        assertError(world.post("/api/v1/stores", ADMIN_X, "{not json"), 400, "validation_failed");
        assertError(world.post("/api/v1/stores", ADMIN_X, null), 400, "validation_failed");
        assertError(world.post("/api/v1/stores", ADMIN_X, "{\"store_id\":\"store-a\",\"poi_id\":\"poi-z\",\"name\":\"n\"}"), 409, "already_exists");
        assertError(world.post("/api/v1/stores", ADMIN_X, "{\"store_id\":\"store-z\",\"poi_id\":\"poi-a\",\"name\":\"n\"}"), 409, "already_exists");
        assertError(world.put("/api/v1/stores/nowhere", ADMIN_X, "{\"poi_id\":\"p\",\"name\":\"n\"}"), 404, "not_found");
        assertError(world.post("/api/v1/stores", ADMIN_X, "{\"store_id\":[1],\"poi_id\":\"p\",\"name\":\"n\"}"), 400, "validation_failed");
    }

    @Test
    void products_are_created_updated_listed_published_and_linked() {
        Response created = world.post("/api/v1/products", ADMIN_X, """
                {"product_out_id":"mooncake","name":"月饼礼盒","code_issuing":"AT_ONCE","validity_days":60,
                 "skus":[{"sku_out_id":"mooncake-6","name":"六只装","price_fen":19800}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().getString("publication")).isEqualTo("DRAFT");
        assertThat(created.json().getJsonArray("skus").getJsonObject(0).getLong("price_fen")).isEqualTo(19800);

        Response updated = world.put("/api/v1/products/mooncake", ADMIN_X, """
                {"name":"月饼礼盒（新）","validity_days":90,"skus":[{"sku_out_id":"mooncake-8","name":"八只装","price_fen":25800}]}""");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().getInteger("validity_days")).isEqualTo(90);
        assertThat(updated.json().getJsonArray("skus")).hasSize(2);

        assertThat(world.get("/api/v1/products/mooncake", ADMIN_X).json().getString("name")).isEqualTo("月饼礼盒（新）");
        assertThat(world.get("/api/v1/products", ADMIN_X).json().getJsonArray("items")).hasSize(2);

        int before = world.tihuo.outbox().all().size();
        Response published = world.post("/api/v1/products/mooncake/publish", ADMIN_X, null);
        assertThat(published.status()).as(published.body()).isEqualTo(202);
        assertThat(world.tihuo.outbox().all()).hasSize(before + 1);
        assertThat(world.tihuo.outbox().all().stream().map(OutboxMessage::call)).anyMatch(c -> c instanceof DouyinCall.ProductSave);

        Response linked = world.put("/api/v1/products/mooncake/douyin", ADMIN_X,
                "{\"douyin_product_id\":\"dp-moon\",\"sku_ids\":{\"mooncake-6\":\"ds-6\",\"mooncake-8\":\"ds-8\"}}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().getString("douyin_product_id")).isEqualTo("dp-moon");
    }

    @Test
    void product_requests_are_validated() {
        assertError(world.post("/api/v1/products", ADMIN_X, "{\"name\":\"n\",\"validity_days\":30}"), 400, "validation_failed");
        assertError(world.post("/api/v1/products", ADMIN_X, "{\"product_out_id\":\"p\",\"name\":\"n\"}"), 400, "validation_failed");
        assertError(world.post("/api/v1/products", ADMIN_X, "{\"product_out_id\":\"p\",\"name\":\"n\",\"validity_days\":30,\"code_issuing\":\"SOMETIMES\"}"), 400, "validation_failed");
        assertError(world.post("/api/v1/products", ADMIN_X, "{\"product_out_id\":\"p\",\"name\":\"n\",\"validity_days\":30,\"skus\":[{\"sku_out_id\":\"s\",\"name\":\"n\",\"price_fen\":-1}]}"), 400, "validation_failed");
        assertError(world.post("/api/v1/products", ADMIN_X, "{\"product_out_id\":\"tea-box\",\"name\":\"n\",\"validity_days\":30}"), 409, "already_exists");
        assertError(world.post("/api/v1/products", ADMIN_X, "{\"product_out_id\":\"p2\",\"name\":\"n\",\"validity_days\":30,\"skus\":[{\"sku_out_id\":\"tea-500g\",\"name\":\"n\",\"price_fen\":1}]}"), 409, "already_exists");
        assertError(world.put("/api/v1/products/none", ADMIN_X, "{\"name\":\"n\",\"validity_days\":30}"), 404, "not_found");
        assertError(world.get("/api/v1/products/none", ADMIN_X), 404, "not_found");
        assertError(world.post("/api/v1/products/none/publish", ADMIN_X, null), 404, "not_found");
        assertError(world.put("/api/v1/products/tea-box/douyin", ADMIN_X, "{}"), 400, "validation_failed");
    }

    @Test
    void stock_is_set_adjusted_viewed_and_pushed_to_douyin() {
        int before = world.tihuo.outbox().all().size();
        Response set = world.put("/api/v1/stock/store-a/tea-500g", ADMIN_X, "{\"on_hand\":40}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json()).isEqualTo(new JsonObject().put("store_id", "store-a").put("sku_out_id", "tea-500g")
                .put("on_hand", 40).put("reserved", 0).put("available", 40));

        Response adjusted = world.post("/api/v1/stock/store-a/tea-500g/adjustments", ADMIN_X, "{\"delta\":-3,\"reason\":\"damaged\"}");
        assertThat(adjusted.status()).as(adjusted.body()).isEqualTo(200);
        assertThat(adjusted.json().getInteger("on_hand")).isEqualTo(37);
        assertThat(world.tihuo.outbox().all().size()).isGreaterThan(before);
        assertThat(world.tihuo.outbox().all().stream().map(OutboxMessage::call)).anyMatch(c -> c instanceof DouyinCall.StockPush);

        world.codeAt("poi-a");
        JsonArray levels = world.get("/api/v1/stock?store_id=store-a", ADMIN_X).json().getJsonArray("items");
        assertThat(levels).hasSize(1);
        assertThat(levels.getJsonObject(0).getInteger("reserved")).isEqualTo(1);
        assertThat(levels.getJsonObject(0).getInteger("available")).isEqualTo(36);
        assertThat(world.get("/api/v1/stock", ADMIN_X).json().getJsonArray("items")).hasSize(2);
    }

    @Test
    void stock_requests_are_validated() {
        assertError(world.put("/api/v1/stock/store-a/tea-500g", ADMIN_X, "{}"), 400, "validation_failed");
        assertError(world.put("/api/v1/stock/store-a/tea-500g", ADMIN_X, "{\"on_hand\":\"many\"}"), 400, "validation_failed");
        assertError(world.put("/api/v1/stock/store-a/tea-500g", ADMIN_X, "{\"on_hand\":-1}"), 400, "validation_failed");
        assertError(world.post("/api/v1/stock/store-a/tea-500g/adjustments", ADMIN_X, "{\"delta\":0,\"reason\":\"x\"}"), 400, "validation_failed");
        assertError(world.post("/api/v1/stock/store-a/tea-500g/adjustments", ADMIN_X, "{\"delta\":2}"), 400, "validation_failed");
        assertError(world.put("/api/v1/stock/nowhere/tea-500g", ADMIN_X, "{\"on_hand\":1}"), 404, "not_found");
        assertError(world.put("/api/v1/stock/store-a/no-sku", ADMIN_X, "{\"on_hand\":1}"), 404, "not_found");
        world.codeAt("poi-a");
        assertError(world.put("/api/v1/stock/store-a/tea-500g", ADMIN_X, "{\"on_hand\":0}"), 409, "stock_below_reserved");
    }

    @Test
    void orders_are_listed_with_filters_and_cursor_paging_and_shown_with_history() {
        for (int i = 0; i < 3; i++) {
            world.codeAt("poi-a");
        }
        MerchantWorld.Placed atB = world.order(X, "poi-b", "dp-tea", "ds-tea");

        JsonObject first = world.get("/api/v1/orders?limit=2", ADMIN_X).json();
        assertThat(first.getJsonArray("items")).hasSize(2);
        String cursor = first.getString("next_cursor");
        assertThat(cursor).isNotNull();
        JsonObject second = world.get("/api/v1/orders?limit=2&cursor=" + cursor, ADMIN_X).json();
        assertThat(second.getJsonArray("items")).hasSize(2);
        assertThat(second.getValue("next_cursor")).isNull();

        JsonArray atStoreB = world.get("/api/v1/orders?store_id=store-b", ADMIN_X).json().getJsonArray("items");
        assertThat(atStoreB).hasSize(1);
        assertThat(atStoreB.getJsonObject(0).getString("order_id")).isEqualTo(atB.orderId());
        assertThat(world.get("/api/v1/orders?state=ISSUED,REDEEMED", ADMIN_X).json().getJsonArray("items")).hasSize(4);
        assertThat(world.get("/api/v1/orders?state=CANCELLED", ADMIN_X).json().getJsonArray("items")).isEmpty();
        assertThat(world.get("/api/v1/orders?from=2024-01-01T00:00:00Z&to=2024-02-01T00:00:00Z", ADMIN_X).json().getJsonArray("items")).isEmpty();
        assertThat(world.get("/api/v1/orders?from=2024-01-01T00:00:00Z&to=2030-02-01T00:00:00Z", ADMIN_X).json().getJsonArray("items")).hasSize(4);

        JsonObject detail = world.get("/api/v1/orders/" + atB.orderId(), ADMIN_X).json();
        assertThat(detail.getJsonObject("order").getString("store_id")).isEqualTo("store-b");
        assertThat(detail.getJsonArray("vouchers").getJsonObject(0).getString("code")).isEqualTo(atB.code());
        assertThat(detail.getJsonArray("history")).isNotEmpty();
        assertThat(detail.getJsonArray("history").getJsonObject(0).getString("at")).endsWith("Z");
    }

    @Test
    void vouchers_are_listed_by_state_and_store_with_their_order_and_cursor_paging() {
        String redeemed = world.codeAt("poi-a");
        world.post("/api/v1/counter/redeem", CLERK_A, "{\"code\":\"" + redeemed + "\"}");
        world.codeAt("poi-a");
        MerchantWorld.Placed atB = world.order(X, "poi-b", "dp-tea", "ds-tea");

        JsonArray all = world.get("/api/v1/vouchers", ADMIN_X).json().getJsonArray("items");
        assertThat(all).hasSize(3);
        JsonArray picked = world.get("/api/v1/vouchers?state=REDEEMED", ADMIN_X).json().getJsonArray("items");
        assertThat(picked).hasSize(1);
        assertThat(picked.getJsonObject(0).getJsonObject("voucher").getString("code")).isEqualTo(redeemed);
        JsonArray atStoreB = world.get("/api/v1/vouchers?store_id=store-b&state=VALID", ADMIN_X).json().getJsonArray("items");
        assertThat(atStoreB).singleElement().satisfies(row -> {
            assertThat(((JsonObject) row).getString("order_id")).isEqualTo(atB.orderId());
            assertThat(((JsonObject) row).getString("store_id")).isEqualTo("store-b");
        });
        JsonObject first = world.get("/api/v1/vouchers?limit=2", ADMIN_X).json();
        assertThat(first.getJsonArray("items")).hasSize(2);
        assertThat(world.get("/api/v1/vouchers?limit=2&cursor=" + first.getString("next_cursor"), ADMIN_X).json()
                .getJsonArray("items")).hasSize(1);
        assertError(world.get("/api/v1/vouchers?state=LOST", ADMIN_X), 400, "validation_failed");
        assertThat(world.get("/api/v1/vouchers", ADMIN_Y).json().getJsonArray("items")).as("merchant Y sees none of X").isEmpty();
    }

    @Test
    void order_queries_are_validated() {
        assertError(world.get("/api/v1/orders?limit=0", ADMIN_X), 400, "validation_failed");
        assertError(world.get("/api/v1/orders?limit=abc", ADMIN_X), 400, "validation_failed");
        assertError(world.get("/api/v1/orders?limit=201", ADMIN_X), 400, "validation_failed");
        assertError(world.get("/api/v1/orders?from=yesterday", ADMIN_X), 400, "validation_failed");
        assertError(world.get("/api/v1/orders?state=HAPPY", ADMIN_X), 400, "validation_failed");
        assertError(world.get("/api/v1/orders/none", ADMIN_X), 404, "not_found");
        assertError(world.post("/api/v1/orders/none/reconcile", ADMIN_X, null), 404, "not_found");
    }

    @Test
    void pending_refunds_are_listed_and_approved_or_rejected_with_a_reason_through_the_outbox() {
        world.tihuo.policies().reviewManually(X);
        MerchantWorld.Placed one = world.order(X, "poi-a", "dp-tea", "ds-tea");
        MerchantWorld.Placed two = world.order(X, "poi-a", "dp-tea", "ds-tea");
        String first = world.refundRequested(one.orderId(), one.code());
        String second = world.refundRequested(two.orderId(), two.code());

        JsonArray pending = world.get("/api/v1/after-sales?state=PENDING", ADMIN_X).json().getJsonArray("items");
        assertThat(pending.stream().map(o -> ((JsonObject) o).getString("after_sale_id")).toList()).containsExactlyInAnyOrder(first, second);
        assertThat(world.get("/api/v1/after-sales/" + first, ADMIN_X).json().getString("state")).isEqualTo("PENDING");

        assertError(world.post("/api/v1/after-sales/" + second + "/reject", ADMIN_X, "{}"), 400, "validation_failed");

        Response approved = world.post("/api/v1/after-sales/" + first + "/approve", ADMIN_X, null);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().getString("decision")).isEqualTo("approved");
        Response rejected = world.post("/api/v1/after-sales/" + second + "/reject", ADMIN_X, "{\"reason\":\"已提货\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().getString("state")).isEqualTo("REJECTED");

        List<DouyinCall.RefundAudit> audits = world.tihuo.outbox().all().stream().map(OutboxMessage::call)
                .filter(DouyinCall.RefundAudit.class::isInstance).map(DouyinCall.RefundAudit.class::cast).toList();
        assertThat(audits).extracting(DouyinCall.RefundAudit::approved).containsExactlyInAnyOrder(true, false);
        assertThat(world.get("/api/v1/after-sales?state=PENDING", ADMIN_X).json().getJsonArray("items")).isEmpty();

        assertError(world.post("/api/v1/after-sales/" + first + "/approve", ADMIN_X, null), 409, "conflict");
        assertError(world.post("/api/v1/after-sales/none/approve", ADMIN_X, null), 404, "not_found");
        assertError(world.post("/api/v1/after-sales/" + first + "/goods-received", ADMIN_X, null), 409, "conflict");
        assertError(world.get("/api/v1/after-sales?state=WHATEVER", ADMIN_X), 400, "validation_failed");
    }

    @Test
    void stuck_outbox_messages_are_listed_and_retried() {
        String code = world.codeAt("poi-a");
        world.post("/api/v1/counter/redeem", CLERK_A, "{\"code\":\"" + code + "\"}");
        OutboxMessage verify = world.tihuo.outbox().all().stream().filter(m -> m.call() instanceof DouyinCall.Verify).findFirst().orElseThrow();
        world.tihuo.outbox().park(verify.id(), "Douyin said no", "logid-9");

        JsonArray stuck = world.get("/api/v1/outbox/stuck", ADMIN_X).json().getJsonArray("items");
        assertThat(stuck).hasSize(1);
        assertThat(stuck.getJsonObject(0).getLong("id")).isEqualTo(verify.id());
        assertThat(world.get("/api/v1/outbox/stuck", ADMIN_Y).json().getJsonArray("items")).isEmpty();

        assertError(world.post("/api/v1/outbox/" + verify.id() + "/retry", ADMIN_Y, null), 404, "not_found");
        Response retried = world.post("/api/v1/outbox/" + verify.id() + "/retry", ADMIN_X, null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().getBoolean("queued")).isTrue();
        assertError(world.post("/api/v1/outbox/abc/retry", ADMIN_X, null), 400, "validation_failed");
        assertError(world.post("/api/v1/outbox/999999/retry", ADMIN_X, null), 404, "not_found");
        assertError(world.get("/api/v1/outbox/stuck?limit=-4", ADMIN_X), 400, "validation_failed");
    }

    @Test
    void an_order_is_reconciled_on_request() {
        MerchantWorld.Placed placed = world.order(X, "poi-a", "dp-tea", "ds-tea");
        Response report = world.post("/api/v1/orders/" + placed.orderId() + "/reconcile", ADMIN_X, null);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().getString("order_id")).isEqualTo(placed.orderId());
        assertThat(report.json().getJsonArray("differences")).isEmpty();
    }

    @Test
    void an_admin_of_merchant_y_sees_and_changes_nothing_of_merchant_x() {
        MerchantWorld.Placed placed = world.order(X, "poi-a", "dp-tea", "ds-tea");
        world.tihuo.policies().reviewManually(X);
        MerchantWorld.Placed refunded = world.order(X, "poi-a", "dp-tea", "ds-tea");
        String afterSale = world.refundRequested(refunded.orderId(), refunded.code());
        int outboxBefore = world.tihuo.outbox().all().size();

        assertThat(world.get("/api/v1/stores", ADMIN_Y).json().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("store_id")).toList()).containsExactly("store-y");
        assertThat(world.get("/api/v1/products", ADMIN_Y).json().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("product_out_id")).toList()).containsExactly("rice-bag");
        assertThat(world.get("/api/v1/orders", ADMIN_Y).json().getJsonArray("items")).isEmpty();
        assertThat(world.get("/api/v1/after-sales", ADMIN_Y).json().getJsonArray("items")).isEmpty();
        assertThat(world.get("/api/v1/stock", ADMIN_Y).json().getJsonArray("items").stream()
                .map(o -> ((JsonObject) o).getString("store_id")).toList()).containsOnly("store-y");

        assertError(world.get("/api/v1/orders/" + placed.orderId(), ADMIN_Y), 404, "not_found");
        assertError(world.post("/api/v1/orders/" + placed.orderId() + "/reconcile", ADMIN_Y, null), 404, "not_found");
        assertError(world.get("/api/v1/after-sales/" + afterSale, ADMIN_Y), 404, "not_found");
        assertError(world.post("/api/v1/after-sales/" + afterSale + "/approve", ADMIN_Y, null), 404, "not_found");
        assertError(world.post("/api/v1/after-sales/" + afterSale + "/reject", ADMIN_Y, "{\"reason\":\"x\"}"), 404, "not_found");
        assertError(world.get("/api/v1/products/tea-box", ADMIN_Y), 404, "not_found");
        assertError(world.put("/api/v1/products/tea-box", ADMIN_Y, "{\"name\":\"n\",\"validity_days\":30}"), 404, "not_found");
        assertError(world.post("/api/v1/products/tea-box/publish", ADMIN_Y, null), 404, "not_found");
        assertError(world.put("/api/v1/stores/store-a", ADMIN_Y, "{\"poi_id\":\"x\",\"name\":\"n\"}"), 404, "not_found");
        assertError(world.put("/api/v1/stock/store-a/tea-500g", ADMIN_Y, "{\"on_hand\":1}"), 404, "not_found");
        assertError(world.post("/api/v1/counter/look-up", ADMIN_Y, "{\"code\":\"" + placed.code() + "\",\"store_id\":\"store-a\"}"), 404, "not_found");
        assertError(world.post("/api/v1/counter/redeem", ADMIN_Y, "{\"code\":\"" + placed.code() + "\",\"store_id\":\"store-a\"}"), 404, "not_found");
        assertError(world.post("/api/v1/counter/look-up", ADMIN_Y, "{\"code\":\"" + placed.code() + "\",\"store_id\":\"store-y\"}"), 404, "code_unknown");
        assertError(world.post("/api/v1/counter/redeem", ADMIN_Y, "{\"code\":\"" + placed.code() + "\",\"store_id\":\"store-y\"}"), 404, "code_unknown");

        assertThat(world.tihuo.outbox().all()).hasSize(outboxBefore);
        assertThat(world.tihuo.available(X, STORE_A, "tea-500g")).isEqualTo(498);
        assertThat(world.get("/api/v1/after-sales/" + afterSale, ADMIN_X).json().getString("state")).isEqualTo("PENDING");
        assertThat(world.get("/api/v1/orders/" + placed.orderId(), ADMIN_X).json().getJsonArray("vouchers").getJsonObject(0)
                .getString("state")).isEqualTo("VALID");
    }

    @Test
    void unknown_routes_and_oversized_bodies_answer_in_the_envelope() {
        assertError(world.get("/api/v1/nothing-here", ADMIN_X), 404, "not_found");
        assertError(world.call("DELETE", "/api/v1/stores", ADMIN_X, null), 404, "not_found");
        assertError(world.post("/api/v1/stores", ADMIN_X, "{\"name\":\"" + "x".repeat(70_000) + "\"}"), 413, "payload_too_large");
    }

    @Test
    void the_counter_page_is_served_without_a_key() {
        Response page = world.get("/counter/", null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("提货券核销").contains("counter.js");
        assertThat(world.get("/counter/counter.js", null).status()).isEqualTo(200);
        assertThat(world.get("/counter", null).status()).isEqualTo(200); // the client follows the redirect
    }

    static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.errorCode()).as(r.body()).isEqualTo(code);
        assertThat(r.json().getJsonObject("error").getString("message")).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("dev.tihuo").doesNotContain("\tat ");
    }
}
