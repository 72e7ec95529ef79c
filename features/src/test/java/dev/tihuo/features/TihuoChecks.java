package dev.tihuo.features;

import static dev.tihuo.features.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.SpiReply;
import io.cucumber.java.en.Then;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** What tihuo answered, and what it now shows through its merchant API. */
public final class TihuoChecks {
    private static final Map<String, List<String>> ORDER_STATES = Map.of(
            "awaiting payment", List.of("CREATED"), "paid", List.of("PAID"), "cancelled", List.of("CANCELLED"),
            "issuing", List.of("ISSUING"), "issued", List.of("ISSUED"), "issue failed", List.of("ISSUE_FAILED"),
            "partly picked up", List.of("PARTIALLY_REDEEMED"), "picked up", List.of("REDEEMED"),
            "partly refunded", List.of("PARTIALLY_REFUNDED"), "refunded", List.of("REFUNDED"));
    private static final Map<String, String> CODE_STATES = Map.of("valid", "VALID", "redeemed", "REDEEMED",
            "refunding", "REFUNDING", "refunded", "REFUNDED");
    private static final Map<String, List<String>> AFTER_SALE_STATES = Map.of(
            "pending", List.of("APPLIED", "PENDING"), "approved", List.of("APPROVED", "AUTO_APPROVED"),
            "rejected", List.of("REJECTED"), "awaiting goods", List.of("AWAITING_GOODS"),
            "goods received", List.of("GOODS_RECEIVED"), "refunded", List.of("SUCCEEDED", "REFUNDED"));
    private static final Map<String, String> COUNTER_ERRORS = Map.of(
            "code belongs to another store", "wrong_store", "code mistyped", "code_mistyped",
            "code already redeemed", "already_redeemed", "too late to cancel", "redemption_cancel_window_closed",
            "refused by Douyin", "douyin_refused");

    private final World w;

    public TihuoChecks(World world) {
        this.w = world;
    }

    @Then("tihuo answers {string}")
    public void answers(String expected) {
        World.Answer a = w.answer;
        assertThat(a).as("tihuo has not answered anything yet").isNotNull();
        if (a.counter() != null) {
            MerchantApi.Reply r = a.counter();
            switch (expected) {
                case "redeemed", "redemption cancelled" -> assertThat(r.status()).as("counter answer " + r).isEqualTo(200);
                default -> assertThat(r.errorCode()).as("counter answer " + r).isEqualTo(COUNTER_ERRORS.get(expected));
            }
            return;
        }
        SpiReply r = a.spi();
        String seen = "tihuo's answer " + r;
        switch (expected) {
            case "signature refused" -> assertThat(r.httpStatus()).as(seen).isEqualTo(401);
            case "request too old" -> assertThat(r.errorCode()).as(seen).isEqualTo(40002);
            case "out of stock at the chosen store" -> assertThat(r.errorCode()).as(seen).isEqualTo(40005);
            case "unknown product or store" -> assertThat(r.errorCode()).as(seen).isEqualTo(40006);
            case "received" -> assertThat(r.errorCode()).as(seen).isZero();
            case "try again later" -> assertThat(r.errorCode()).as(seen).isEqualTo(100);
            case "order accepted" -> {
                assertThat(r.errorCode()).as(seen).isZero();
                assertThat(r.data().getString("order_out_id")).as(seen).isNotBlank();
            }
            case "codes issued", "refund approved" -> result(r, 1);
            case "issuing", "refund pending", "return pending" -> result(r, 0);
            case "issue failed" -> result(r, 2);
            case "refund rejected" -> {
                result(r, 2);
                assertThat(r.codes()).as(seen).isEmpty();
            }
            case "refund rejected with the codes" -> {
                result(r, 2);
                assertThat(r.codes()).as(seen).isNotEmpty();
            }
            default -> throw new IllegalArgumentException("unknown answer " + expected);
        }
    }

    private static void result(SpiReply r, int result) {
        assertThat(r.errorCode()).as("tihuo's answer " + r).isZero();
        assertThat(r.result()).as("tihuo's answer " + r).isEqualTo(result);
    }

    @Then("tihuo answers the same as the first time")
    public void sameAsFirst() {
        World.Answer first = w.previousAnswer;
        World.Answer again = w.answer;
        assertThat(first).as("a first answer").isNotNull();
        assertThat(again.spi().httpStatus()).isEqualTo(first.spi().httpStatus());
        // the outcome must be the same; the human-readable description may say it was a repeat
        io.vertx.core.json.JsonObject a = first.spi().data().copy();
        io.vertx.core.json.JsonObject b = again.spi().data().copy();
        a.remove("description");
        b.remove("description");
        assertThat(b).as("the answer to the repeated request " + again.spi() + ", first " + first.spi()).isEqualTo(a);
    }

    @Then("tihuo shows order {string} as {string}")
    public void orderAs(String order, String state) {
        List<String> states = ORDER_STATES.get(state);
        assertThat(states).as("order state " + state).isNotNull();
        eventually(() -> assertThat(w.tihuoOrderOrFail(order).getJsonObject("order").getString("state"))
                .as("tihuo's state of " + order).isIn(states));
    }

    @Then("tihuo shows order {string} for pickup at {string}")
    public void pickupAt(String order, String store) {
        eventually(() -> assertThat(w.tihuoOrderOrFail(order).getJsonObject("order").getString("store_id"))
                .isEqualTo(w.storeId(store)));
    }

    @Then("tihuo shows {int} code(s) of order {string} as {string}")
    public void codesAs(int count, String order, String state) {
        String wanted = CODE_STATES.get(state);
        assertThat(wanted).as("code state " + state).isNotNull();
        eventually(() -> {
            List<JsonObject> vouchers = w.tihuoOrder(order).isPresent() ? w.vouchers(order) : List.of();
            assertThat(vouchers.stream().filter(v -> wanted.equals(v.getString("state"))
                    && (!"VALID".equals(wanted) || v.getString("code") != null)).count())
                    .as("codes of " + order + " " + state + " in " + vouchers).isEqualTo(count);
        });
    }

    @Then("tihuo shows after-sale {string} as {string}")
    public void afterSaleAs(String afterSale, String state) {
        List<String> states = AFTER_SALE_STATES.get(state);
        assertThat(states).as("after-sale state " + state).isNotNull();
        eventually(() -> {
            MerchantApi.Reply r = w.api.get(w.admin(), "/after-sales/" + w.afterSaleId(afterSale)).orFail("reading " + afterSale);
            assertThat(r.body().getString("state")).as("tihuo's after-sale " + afterSale + " " + r.body()).isIn(states);
        });
    }

    @Then("tihuo counts {int} unit(s) of {string} on hand and {int} available at {string}")
    public void counts(int onHand, String sku, int available, String store) {
        eventually(() -> {
            JsonObject level = w.stock(store, sku);
            assertThat(level.getInteger("on_hand")).as("on hand at " + store + " " + level).isEqualTo(onHand);
            assertThat(level.getInteger("available")).as("available at " + store + " " + level).isEqualTo(available);
        });
    }

    @Then("tihuo has no order {string}")
    public void noOrder(String order) {
        assertThat(w.tihuoOrder(order)).as("tihuo's order " + order).isEmpty();
    }

    @Then("tihuo flags order {string} for the merchant")
    public void flagged(String order) {
        eventually(() -> assertThat(w.tihuoOrderOrFail(order).getJsonObject("order").getString("attention"))
                .as("attention on " + order).isNotBlank());
    }
}
