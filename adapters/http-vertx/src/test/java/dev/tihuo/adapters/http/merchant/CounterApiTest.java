package dev.tihuo.adapters.http.merchant;

import static dev.tihuo.adapters.http.merchant.MerchantApiTest.assertError;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.ADMIN_X;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.CLERK_A;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.CLERK_B;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.STORE_A;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.X;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.adapters.http.merchant.MerchantWorld.Response;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.domain.voucher.PickupCode;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counter through the API: look up, redeem, cancel; a clerk acts at its own store only. */
class CounterApiTest {
    private MerchantWorld world;

    @BeforeEach
    void start() {
        world = new MerchantWorld();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    private static String at(String code, String store) {
        JsonObject body = new JsonObject().put("code", code);
        if (store != null) {
            body.put("store_id", store);
        }
        return body.encode();
    }

    @Test
    void a_clerk_looks_up_redeems_and_cancels_a_code_of_its_store() {
        String code = world.codeAt("poi-a");

        Response found = world.post("/api/v1/counter/look-up", CLERK_A, at(code.toLowerCase(), null));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonObject view = found.json();
        assertThat(view.getString("kind")).isEqualTo("OURS");
        assertThat(view.getString("store_id")).isEqualTo(STORE_A);
        assertThat(view.getInteger("quantity")).isEqualTo(1);
        assertThat(view.getBoolean("at_this_store")).isTrue();
        assertThat(view.getJsonArray("units").getJsonObject(0).getString("sku")).isEqualTo("tea-500g");
        assertThat(view.getJsonArray("units").getJsonObject(0).getString("state")).isEqualTo("VALID");

        Response redeemed = world.post("/api/v1/counter/redeem", CLERK_A, at(new PickupCode(code).grouped(), STORE_A));
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.json().getString("state")).isEqualTo("REDEEMED");
        assertThat(redeemed.json().getString("store_id")).isEqualTo(STORE_A);
        assertThat(world.tihuo.outbox().all().stream().map(OutboxMessage::call)).anyMatch(c -> c instanceof DouyinCall.Verify);

        assertError(world.post("/api/v1/counter/redeem", CLERK_A, at(code, null)), 409, "already_redeemed");

        Response cancelled = world.post("/api/v1/counter/cancel", CLERK_A, at(code, null));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().getString("state")).isEqualTo("VALID");
        assertThat(world.tihuo.outbox().all().stream().map(OutboxMessage::call)).anyMatch(c -> c instanceof DouyinCall.CancelVerify);
    }

    @Test
    void a_clerk_of_store_a_cannot_look_up_redeem_or_cancel_at_store_b() {
        String codeOfB = world.codeAt("poi-b");
        for (String route : List.of("look-up", "redeem", "cancel")) {
            assertError(world.post("/api/v1/counter/" + route, CLERK_A, at(codeOfB, "store-b")), 403, "forbidden");
        }
        // At its own counter, a code bought for store B is refused without showing B's voucher.
        Response lookUp = world.post("/api/v1/counter/look-up", CLERK_A, at(codeOfB, null));
        assertError(lookUp, 409, "wrong_store");
        assertThat(lookUp.body()).doesNotContain("store-b").doesNotContain("tea-500g");
        assertError(world.post("/api/v1/counter/redeem", CLERK_A, at(codeOfB, null)), 409, "wrong_store");
        assertThat(world.get("/api/v1/orders?state=REDEEMED", ADMIN_X).json().getJsonArray("items")).isEmpty();

        // Redeemed at B by B's clerk, it cannot be cancelled from A.
        assertThat(world.post("/api/v1/counter/redeem", CLERK_B, at(codeOfB, null)).status()).isEqualTo(200);
        assertError(world.post("/api/v1/counter/cancel", CLERK_A, at(codeOfB, null)), 409, "wrong_store");
        assertError(world.post("/api/v1/counter/cancel", CLERK_A, at(codeOfB, "store-b")), 403, "forbidden");
        assertThat(world.get("/api/v1/orders?state=REDEEMED", ADMIN_X).json().getJsonArray("items")).hasSize(1);
    }

    @Test
    void an_admin_names_the_store_it_acts_at() {
        String code = world.codeAt("poi-b");
        assertError(world.post("/api/v1/counter/redeem", ADMIN_X, at(code, null)), 400, "validation_failed");
        Response atA = world.post("/api/v1/counter/look-up", ADMIN_X, at(code, STORE_A));
        assertThat(atA.status()).isEqualTo(200);
        assertThat(atA.json().getBoolean("at_this_store")).isFalse();
        assertThat(atA.json().getString("store_id")).isEqualTo("store-b");
        assertThat(world.post("/api/v1/counter/redeem", ADMIN_X, at(code, "store-b")).status()).isEqualTo(200);
        assertError(world.post("/api/v1/counter/redeem", ADMIN_X, at(world.codeAt("poi-a"), "nowhere")), 404, "not_found");
    }

    @Test
    void mistyped_unknown_expired_and_refunded_codes_have_their_own_answers() {
        String code = world.codeAt("poi-a");
        char last = code.charAt(code.length() - 1);
        String mistyped = code.substring(0, code.length() - 1) + (last == '2' ? '3' : '2');
        assertError(world.post("/api/v1/counter/look-up", CLERK_A, at(mistyped, null)), 400, "code_mistyped");
        assertError(world.post("/api/v1/counter/redeem", CLERK_A, at(code.substring(0, 12) + "0", null)), 400, "code_mistyped");
        assertError(world.post("/api/v1/counter/redeem", CLERK_A, at(PickupCode.generate(new java.util.Random(7)).value(), null)), 404, "code_unknown");
        assertError(world.post("/api/v1/counter/redeem", CLERK_A, "{}"), 400, "validation_failed");
        assertError(world.post("/api/v1/counter/redeem", CLERK_A, "[1,2]"), 400, "validation_failed");

        MerchantWorld.Placed refunded = world.order(X, "poi-a", "dp-tea", "ds-tea");
        world.refundRequested(refunded.orderId(), refunded.code());
        assertError(world.post("/api/v1/counter/redeem", CLERK_A, at(refunded.code(), null)), 409, "refunded");

        world.tihuo.clock().advance(Duration.ofDays(400));
        assertError(world.post("/api/v1/counter/redeem", CLERK_A, at(code, null)), 409, "expired");
    }

    @Test
    void a_redemption_can_be_cancelled_within_the_hour_only() {
        String code = world.codeAt("poi-a");
        assertError(world.post("/api/v1/counter/cancel", CLERK_A, at(code, null)), 409, "conflict");
        world.post("/api/v1/counter/redeem", CLERK_A, at(code, null));
        world.tihuo.clock().advance(Duration.ofMinutes(61));
        assertError(world.post("/api/v1/counter/cancel", CLERK_A, at(code, null)), 409, "redemption_cancel_window_closed");
    }

    @Test
    void a_douyin_code_is_looked_up_redeemed_and_cancelled_through_douyin() {
        String qr = "https://v.douyin.com/qr-payload-1/";
        world.tihuo.douyin().preparing(qr, new DouyinPlatform.PreparedCode("vt-1", "dy-order-1",
                List.of(new DouyinPlatform.PreparedCertificate("cert-1", "enc-1", "ds-tea", "茶叶 500g", 9900, 4_102_444_800L))));
        Response found = world.post("/api/v1/counter/look-up", CLERK_A, at(qr, null));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().getString("kind")).isEqualTo("DOUYIN");
        assertThat(found.json().getJsonArray("units").getJsonObject(0).getString("sku")).isEqualTo("tea-500g");

        Response redeemed = world.post("/api/v1/counter/redeem", CLERK_A, at(qr, null));
        assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
        assertThat(redeemed.json().getString("kind")).isEqualTo("DOUYIN");
        assertThat(world.tihuo.available(X, STORE_A, "tea-500g")).isEqualTo(499);

        JsonObject cancel = new JsonObject().put("verify_id", redeemed.json().getString("verify_id"))
                .put("certificate_id", redeemed.json().getString("certificate_id")).put("sku_out_id", "tea-500g");
        Response cancelled = world.post("/api/v1/counter/cancel", CLERK_A, cancel.encode());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(world.tihuo.douyin().calls()).anySatisfy(c -> assertThat(c.toString()).contains("cancel-verify"));
        assertThat(world.tihuo.available(X, STORE_A, "tea-500g")).as("the unit is back on the shelf (D18)").isEqualTo(500);

        assertError(world.post("/api/v1/counter/look-up", CLERK_A, at("123456789012", null)), 409, "douyin_refused");
    }
}
