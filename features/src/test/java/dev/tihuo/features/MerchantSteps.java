package dev.tihuo.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.PlatformState;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** What the merchant and the clerks do, through tihuo's merchant API (catalogue, stock, counter, after-sales). */
public final class MerchantSteps {
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private final World w;

    public MerchantSteps(World world) {
        this.w = world;
    }

    @Given("the merchant {string} sells {string} and {string} for pickup at {string} and {string}")
    public void theMerchantSells(String merchantName, String sku1, String sku2, String store1, String store2) {
        int n = w.merchant.number();
        int i = 1;
        for (String store : List.of(store1, store2)) {
            String poi = String.format("66%06d%02d", n, i++);
            w.pois.put(store, poi);
            w.api.post(w.admin(), "/stores", new JsonObject().put("store_id", w.storeId(store)).put("poi_id", poi)
                    .put("name", store)).orFail("creating store " + store);
        }
        w.productOutId = "oolong-" + n;
        List<String> names = List.of(sku1, sku2);
        List<JsonObject> douyinSkus = new ArrayList<>();
        JsonArray ourSkus = new JsonArray();
        for (String name : names) {
            douyinSkus.add(new JsonObject().put("out_sku_id", Stack.slug(name)).put("sku_name", name)
                    .put("actual_amount", 3900));
            ourSkus.add(new JsonObject().put("sku_out_id", Stack.slug(name)).put("name", name).put("price_fen", 3900));
        }
        PlatformState.Product product = w.sim.state().seedProduct(w.merchant.accountId(), w.productOutId,
                merchantName + " Oolong", List.copyOf(w.pois.values()), douyinSkus);
        w.douyinProductId = product.productId();
        JsonObject links = new JsonObject();
        for (String skuId : product.skuIds()) {
            PlatformState.Sku sku = w.sim.state().sku(skuId).orElseThrow();
            String name = names.stream().filter(x -> Stack.slug(x).equals(sku.outSkuId())).findFirst().orElseThrow();
            w.skus.put(name, new World.Sku(name, sku.outSkuId(), skuId, product.productId(), 3900));
            links.put(sku.outSkuId(), skuId);
        }
        w.api.post(w.admin(), "/products", new JsonObject().put("product_out_id", w.productOutId).put("name", "Oolong")
                .put("code_issuing", "AT_ONCE").put("validity_days", 30).put("skus", ourSkus)).orFail("creating product");
        w.api.put(w.admin(), "/products/" + w.productOutId + "/douyin", new JsonObject()
                .put("douyin_product_id", product.productId()).put("sku_ids", links)).orFail("linking Douyin's ids");
    }

    @Given("the store {string} has {int} unit(s) of {string} on hand")
    public void onHand(String store, int units, String sku) {
        w.api.put(w.admin(), "/stock/" + w.storeId(store) + "/" + w.sku(sku).outId(), new JsonObject().put("on_hand", units))
                .orFail("setting stock on hand");
    }

    @When("the merchant counts {int} unit(s) of {string} on hand at {string}")
    public void counts(int units, String sku, String store) {
        onHand(store, units, sku);
    }

    @Given("the merchant's code supply is {string}")
    public void codeSupply(String supply) {
        switch (supply) {
            case "working" -> w.codeIssuing("AT_ONCE");
            case "slow" -> w.codeIssuing("BY_CALLBACK");
            default -> throw new IllegalArgumentException("unknown code supply " + supply);
        }
    }

    @Given("the merchant reviews after-sales by hand")
    public void byHand() {
        assertThat(w.merchant.manualReview()).as("this scenario's merchant account reviews after-sales by hand").isTrue();
    }

    @When("the merchant settles after-sale {string} as {string}")
    public void settles(String afterSale, String decision) {
        String id = w.afterSaleId(afterSale);
        switch (decision) {
            case "approved" -> w.api.post(w.admin(), "/after-sales/" + id + "/approve", new JsonObject())
                    .orFail("approving " + afterSale);
            case "rejected" -> w.api.post(w.admin(), "/after-sales/" + id + "/reject",
                    new JsonObject().put("reason", "goods were handed over")).orFail("rejecting " + afterSale);
            default -> throw new IllegalArgumentException(decision);
        }
    }

    @When("the clerk at {string} receives the returned goods of after-sale {string}")
    public void goodsReceived(String store, String afterSale) {
        w.api.post(w.admin(), "/after-sales/" + w.afterSaleId(afterSale) + "/goods-received",
                new JsonObject().put("store_id", w.storeId(store))).orFail("receiving the goods of " + afterSale);
    }

    // ------------------------------------------------------------------ counter

    @When("the clerk at {string} redeems {int} code(s) of order {string}")
    public void redeems(String store, int count, String order) {
        List<String> done = w.redeemed.computeIfAbsent(order, k -> new ArrayList<>());
        List<String> codes = lins(order);
        List<String> fresh = new ArrayList<>(codes.stream().filter(c -> !done.contains(c)).toList());
        if (fresh.size() < count) {
            fresh.addAll(done); // Lin shows a code that was already redeemed
        }
        for (String code : fresh.subList(0, count)) {
            MerchantApi.Reply reply = counter(store, "/counter/redeem", code);
            w.answered(reply);
            if (reply.ok()) {
                done.add(code);
            }
        }
    }

    @When("the clerk at {string} types a code of order {string} with one character wrong")
    public void typesWrong(String store, String order) {
        String code = lins(order).get(0);
        int at = code.length() / 2;
        char c = Character.toUpperCase(code.charAt(at));
        char other = ALPHABET.charAt((ALPHABET.indexOf(c) + 1 + ALPHABET.length()) % ALPHABET.length());
        w.answered(counter(store, "/counter/redeem", code.substring(0, at) + other + code.substring(at + 1)));
    }

    @When("the clerk at {string} cancels the redemption of order {string}")
    public void cancelsRedemption(String store, String order) {
        JsonObject douyinRedemption = w.douyinRedemptions.get(order);
        if (douyinRedemption != null) {
            // a Douyin code is cancelled by the verification its redemption answered; the unit goes back on the shelf
            w.answered(w.api.post(w.merchant.clerkKey(store), "/counter/cancel", new JsonObject()
                    .put("store_id", w.storeId(store)).put("verify_id", douyinRedemption.getString("verify_id"))
                    .put("certificate_id", douyinRedemption.getString("certificate_id"))
                    .put("sku_out_id", douyinRedemption.getString("sku"))));
            return;
        }
        List<String> done = w.redeemed.getOrDefault(order, List.of());
        assertThat(done).as("codes redeemed for " + order).isNotEmpty();
        w.answered(counter(store, "/counter/cancel", done.get(done.size() - 1)));
    }

    @When("the clerk at {string} redeems the Douyin code of order {string} by {string}")
    public void redeemsDouyinCode(String store, String order, String how) {
        PlatformState.Order o = w.douyinOrder(order);
        String code = switch (how) {
            case "scanning the buyer's QR code" -> o.qrShortLink(w.sim.baseUrl());
            case "typing the 12-digit code" -> o.certificates().get(0).code();
            default -> throw new IllegalArgumentException(how);
        };
        MerchantApi.Reply reply = counter(store, "/counter/redeem", code);
        w.answered(reply);
        if (reply.ok()) {
            w.redeemed.computeIfAbsent(order, k -> new ArrayList<>()).add(code);
            w.douyinRedemptions.put(order, reply.body());
        }
    }

    /** The codes Lin has on Douyin for this order, one per unit. */
    private List<String> lins(String order) {
        List<String> codes = w.douyinOrder(order).certificates().stream().map(PlatformState.Certificate::code)
                .filter(c -> c != null && !c.isBlank()).toList();
        assertThat(codes).as("Lin's codes of " + order).isNotEmpty();
        return codes;
    }

    private MerchantApi.Reply counter(String store, String path, String code) {
        return w.api.post(w.merchant.clerkKey(store), path, new JsonObject().put("code", code)
                .put("store_id", w.storeId(store)));
    }
}
