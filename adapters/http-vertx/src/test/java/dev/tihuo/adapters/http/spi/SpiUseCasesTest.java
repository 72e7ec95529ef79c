package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.voucher.VoucherState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole SPI door: HTTP, signature, pipeline, {@code SpiUseCases}, the application services and the in-memory
 * adapters. Every endpoint's success answer, each D16 error it can give, idempotent replays, and that a refused
 * request leaves the stored state as it was.
 */
class SpiUseCasesTest extends SpiDoorTestBase {
    static final String O1 = ORDER_IDS.get(0);
    static final String O2 = ORDER_IDS.get(1);
    static final String O3 = ORDER_IDS.get(2);
    static final String AS1 = AFTER_SALE_IDS.get(0);
    static final String AS2 = AFTER_SALE_IDS.get(1);

    // ---- S1 create order ---------------------------------------------------------------------------------------------

    @Test
    void s1_creates_the_order_reserves_stock_and_answers_our_order_out_id() throws Exception {
        Reply reply = call(SpiEndpoint.CREATE_ORDER, createOrderBody(O1, POI_A, DOUYIN_SKU_A, 2));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isZero();
        assertThat(reply.description()).isEqualTo("success");
        Order order = order(O1);
        assertThat(reply.data().getString("order_out_id")).isEqualTo(order.outId().value());
        assertThat(reply.data().fieldNames()).containsExactlyInAnyOrder("error_code", "description", "order_out_id");
        assertThat(order.state()).isEqualTo(OrderState.CREATED);
        assertThat(order.vouchers()).hasSize(2);
        assertThat(reserved(STORE_A, SKU_A)).isEqualTo(2);
        assertThat(available(STORE_A, SKU_A)).isEqualTo(8);
    }

    @Test
    void s1_unknown_sku_is_40006_and_changes_nothing() throws Exception {
        String before = state();
        Reply reply = call(SpiEndpoint.CREATE_ORDER, createOrderBody(O1, POI_A, DOUYIN_SKU_UNKNOWN, 1));

        assertThat(reply.errorCode()).isEqualTo(40006);
        assertThat(reply.description()).contains("SKU");
        assertThat(reply.data().fieldNames()).containsExactlyInAnyOrder("error_code", "description");
        assertThat(state()).isEqualTo(before);
        assertThat(exists(O1)).isFalse();
    }

    @Test
    void s1_unknown_store_is_40006_and_changes_nothing() throws Exception {
        String before = state();
        Reply reply = call(SpiEndpoint.CREATE_ORDER, createOrderBody(O1, POI_UNKNOWN, DOUYIN_SKU_A, 1));

        assertThat(reply.errorCode()).isEqualTo(40006);
        assertThat(reply.description()).contains("poi_id");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void s1_more_than_the_store_has_is_40005_and_changes_nothing() throws Exception {
        String before = state();
        Reply reply = call(SpiEndpoint.CREATE_ORDER, createOrderBody(O1, POI_A, DOUYIN_SKU_A, 11));

        assertThat(reply.errorCode()).isEqualTo(40005);
        assertThat(reply.description()).isEqualTo("insufficient stock at the chosen store");
        assertThat(state()).isEqualTo(before);
        assertThat(available(STORE_A, SKU_A)).isEqualTo(10);
    }

    @Test
    void s1_a_domain_value_rule_is_40003_naming_the_problem_and_changes_nothing() throws Exception {
        String before = state();
        JsonObject body = createOrderBody(O1, POI_A, DOUYIN_SKU_A, 1);
        body.getJsonObject("amount").put("discount_amount", PRICE + 1); // discount above the original price

        Reply reply = call(SpiEndpoint.CREATE_ORDER, body);

        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).startsWith("invalid request: ").contains("discount").contains("original");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void s1_an_id_the_domain_refuses_is_40003() throws Exception {
        String before = state();
        Reply reply = call(SpiEndpoint.CREATE_ORDER, createOrderBody("9".repeat(65), POI_A, DOUYIN_SKU_A, 1));

        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).contains("order id").contains("longer than 64");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void s1_replay_gives_a_byte_identical_answer_and_reserves_once() throws Exception {
        String body = createOrderBody(O1, POI_A, DOUYIN_SKU_A, 2).encode();
        Reply first = call(SpiEndpoint.CREATE_ORDER, body);
        String after = state();

        Reply again = call(SpiEndpoint.CREATE_ORDER, body);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(state()).isEqualTo(after);
        assertThat(reserved(STORE_A, SKU_A)).isEqualTo(2);
    }

    @Test
    void s1_key_order_and_whitespace_do_not_change_the_business_result() throws Exception {
        Reply first = call(SpiEndpoint.CREATE_ORDER, createOrderBody(O1, POI_A, DOUYIN_SKU_A, 2));
        String after = state();
        String reordered = """
                {
                  "amount" : { "pay_amount" : 7980, "discount_amount" : 0, "origin_amount" : 7980 },
                  "sku_list" : [ { "unit_amount" : 3990, "count" : 2, "product_id" : "1800000000000000",
                                   "sku_id" : "1800000000000001" } ],
                  "poi_id" : "6600000000000000001",   "account_id" : "7000000000000000001",
                  "open_id" : "_000enc_openid", "order_id" : "1090000000000000001"
                }
                """;

        Reply again = call(SpiEndpoint.CREATE_ORDER, reordered);

        assertThat(again.errorCode()).as(again.body()).isZero();
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(state()).isEqualTo(after);
    }

    @Test
    void s1_a_body_re_serialised_after_signing_is_refused_with_401_and_changes_nothing() throws Exception {
        String before = state();
        String signed = createOrderBody(O1, POI_A, DOUYIN_SKU_A, 2).encode();
        String reSerialised = new JsonObject(signed).encodePrettily(); // same content, other bytes

        Reply reply = callSignedOver(SpiEndpoint.CREATE_ORDER, signed, reSerialised);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo(40001);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void s1_same_order_id_with_another_body_is_40009_and_changes_nothing() throws Exception {
        String outId = created(O1, DOUYIN_SKU_A, 2);
        String after = state();

        Reply conflict = call(SpiEndpoint.CREATE_ORDER, createOrderBody(O1, POI_A, DOUYIN_SKU_A, 3));

        assertThat(conflict.errorCode()).isEqualTo(40009);
        assertThat(conflict.data().containsKey("order_out_id")).isFalse();
        assertThat(state()).isEqualTo(after);
        assertThat(order(O1).outId().value()).isEqualTo(outId);
        assertThat(order(O1).vouchers()).hasSize(2);
        assertThat(reserved(STORE_A, SKU_A)).isEqualTo(2);
    }

    @Test
    void s1_the_same_douyin_order_id_under_another_merchant_is_40009_not_an_endless_retry() throws Exception {
        // D17: another merchant of the same app, with a store on the same POI and the same Douyin SKU mapped
        dev.tihuo.domain.shared.MerchantId other = new dev.tihuo.domain.shared.MerchantId("7000000000000000002");
        app.openStore(other, "S-X", "6600000000000000003");
        app.publishProduct(other, "P-X", PRODUCT_AB, dev.tihuo.domain.catalog.CodeIssuing.AT_ONCE,
                new dev.tihuo.application.memory.InMemoryTihuo.SkuSpec("SKU-X", DOUYIN_SKU_A, PRICE));
        app.putOnShelf(other, "S-X", "SKU-X", 10);
        created(O1, DOUYIN_SKU_A, 1);
        String after = state();

        // Douyin's order ids are global: the same id with another account_id is the same key with another body
        Reply reply = call(SpiEndpoint.CREATE_ORDER, createOrderBody(O1, "6600000000000000003", DOUYIN_SKU_A, 1)
                .put("account_id", "7000000000000000002"));

        assertThat(reply.errorCode()).as(reply.body()).isEqualTo(40009);
        assertThat(state()).isEqualTo(after);
        assertThat(app.available(other, "S-X", "SKU-X")).isEqualTo(10);
    }

    @Test
    void s1_a_missing_field_is_40003_before_any_use_case_runs() throws Exception {
        String before = state();
        JsonObject body = createOrderBody(O1, POI_A, DOUYIN_SKU_A, 2);
        body.remove("account_id");

        Reply reply = call(SpiEndpoint.CREATE_ORDER, body);

        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).isEqualTo("field account_id is missing");
        assertThat(state()).isEqualTo(before);
    }

    // ---- S2 payment / S3 cancellation ----------------------------------------------------------------------------------

    @Test
    void s2_marks_a_created_order_paid() throws Exception {
        String outId = created(O1, DOUYIN_SKU_A, 1);

        Reply reply = call(SpiEndpoint.PAY_NOTIFY, new JsonObject().put("order_id", O1).put("order_out_id", outId)
                .put("timestamp", NOW.getEpochSecond()));

        assertThat(reply.errorCode()).isZero();
        assertThat(reply.data().fieldNames()).containsExactlyInAnyOrder("error_code", "description");
        assertThat(order(O1).state()).isEqualTo(OrderState.PAID);
    }

    @Test
    void s2_for_an_order_not_created_yet_asks_for_a_retry_and_changes_nothing() throws Exception {
        String before = state();

        Reply reply = call(SpiEndpoint.PAY_NOTIFY, new JsonObject().put("order_id", O1));

        assertThat(reply.errorCode()).isEqualTo(100);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void s3_cancels_and_releases_the_reservation_idempotently() throws Exception {
        created(O1, DOUYIN_SKU_A, 2);
        String body = new JsonObject().put("order_id", O1).put("cancel_type", 1).put("timestamp", NOW.getEpochSecond()).encode();

        Reply reply = call(SpiEndpoint.CANCEL_NOTIFY, body);

        assertThat(reply.errorCode()).isZero();
        assertThat(order(O1).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(reserved(STORE_A, SKU_A)).isZero();
        String after = state();
        Reply again = call(SpiEndpoint.CANCEL_NOTIFY, body);
        assertThat(again.body()).isEqualTo(reply.body());
        assertThat(state()).isEqualTo(after);
    }

    @Test
    void s3_for_an_unknown_order_asks_for_a_retry() throws Exception {
        String before = state();
        Reply reply = call(SpiEndpoint.CANCEL_NOTIFY, new JsonObject().put("order_id", O1).put("cancel_type", 3));

        assertThat(reply.errorCode()).isEqualTo(100);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void notifications_never_answer_a_business_code_even_when_the_domain_refuses_a_value() throws Exception {
        String before = state();
        String tooLong = "9".repeat(65);
        for (SpiEndpoint notification : List.of(SpiEndpoint.PAY_NOTIFY, SpiEndpoint.CANCEL_NOTIFY,
                SpiEndpoint.REFUND_NOTIFY, SpiEndpoint.RETURN_TIMEOUT_NOTIFY)) {
            JsonObject body = new JsonObject().put("order_id", tooLong).put("biz_uniq_key", AS1);

            Reply reply = call(notification, body);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.errorCode()).as(notification + " " + reply.body()).isIn(0, 100);
        }
        assertThat(state()).isEqualTo(before);
    }

    // ---- S4 issue codes ------------------------------------------------------------------------------------------------

    @Test
    void s4_issues_one_code_per_certificate_at_once() throws Exception {
        created(O1, DOUYIN_SKU_A, 2);

        Reply reply = call(SpiEndpoint.ISSUE_CODES, issueBody(O1, 2));

        assertThat(reply.errorCode()).isZero();
        assertThat(reply.description()).isEqualTo("success");
        JsonObject data = reply.data();
        assertThat(data.getInteger("result")).isEqualTo(1);
        Order order = order(O1);
        assertThat(order.state()).isEqualTo(OrderState.ISSUED);
        List<String> codes = order.vouchers().stream().map(v -> v.code().orElseThrow().value()).toList();
        assertThat(data.getJsonArray("codes").getList()).containsExactlyElementsOf(codes);
        assertThat(data.getJsonArray("certificates")).containsExactly(
                new JsonObject().put("certificate_id", certificateId(O1, 1)).put("code", codes.get(0)),
                new JsonObject().put("certificate_id", certificateId(O1, 2)).put("code", codes.get(1)));
        assertThat(data.containsKey("fail_reason")).isFalse();
    }

    @Test
    void s4_without_certificates_lists_codes_only() throws Exception {
        created(O1, DOUYIN_SKU_A, 2);

        Reply reply = call(SpiEndpoint.ISSUE_CODES, new JsonObject().put("order_id", O1).put("count", 2));

        assertThat(reply.data().getInteger("result")).isEqualTo(1);
        assertThat(reply.data().getJsonArray("codes")).hasSize(2);
        assertThat(reply.data().containsKey("certificates")).isFalse();
    }

    @Test
    void s4_of_a_product_issued_by_callback_answers_issuing() throws Exception {
        created(O1, DOUYIN_SKU_C, 1);

        Reply reply = call(SpiEndpoint.ISSUE_CODES, issueBody(O1, 1));

        assertThat(reply.errorCode()).isZero();
        assertThat(reply.description()).isEqualTo("issuing");
        assertThat(reply.data().getInteger("result")).isZero();
        assertThat(reply.data().fieldNames()).containsExactlyInAnyOrder("error_code", "description", "result");
        assertThat(order(O1).state()).isEqualTo(OrderState.ISSUING);
    }

    @Test
    void s4_of_a_cancelled_order_answers_failed_with_a_reason() throws Exception {
        created(O1, DOUYIN_SKU_A, 1);
        call(SpiEndpoint.CANCEL_NOTIFY, new JsonObject().put("order_id", O1).put("cancel_type", 1));

        Reply reply = call(SpiEndpoint.ISSUE_CODES, issueBody(O1, 1));

        assertThat(reply.errorCode()).isZero();
        assertThat(reply.description()).isEqualTo("issue failed");
        assertThat(reply.data().getInteger("result")).isEqualTo(2);
        assertThat(reply.data().getString("fail_reason")).isNotBlank();
    }

    @Test
    void s4_of_an_unknown_order_is_40004_and_changes_nothing() throws Exception {
        String before = state();

        Reply reply = call(SpiEndpoint.ISSUE_CODES, issueBody(O1, 1));

        assertThat(reply.errorCode()).isEqualTo(40004);
        assertThat(reply.description()).isEqualTo("unknown order");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void s4_replay_gives_a_byte_identical_answer_with_the_same_codes() throws Exception {
        created(O1, DOUYIN_SKU_A, 2);
        String body = issueBody(O1, 2).encode();
        Reply first = call(SpiEndpoint.ISSUE_CODES, body);
        String after = state();

        Reply again = call(SpiEndpoint.ISSUE_CODES, new JsonObject(body).encodePrettily());

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(state()).isEqualTo(after);
    }

    @Test
    void s4_same_order_with_other_certificates_is_40009_and_changes_nothing() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 2);
        String after = state();
        JsonObject other = issueBody(O1, 2);
        other.getJsonArray("certificates").getJsonObject(1).put("certificate_id", "7399999999999999999");

        Reply reply = call(SpiEndpoint.ISSUE_CODES, other);

        assertThat(reply.errorCode()).isEqualTo(40009);
        assertThat(state()).isEqualTo(after);
    }

    // ---- S5 refund apply -----------------------------------------------------------------------------------------------

    @Test
    void s5_approves_the_refund_of_unredeemed_units() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 2);

        Reply reply = call(SpiEndpoint.REFUND_APPLY, refundBody(O1, AS1, 1));

        assertThat(reply.errorCode()).as(reply.body()).isZero();
        assertThat(reply.data().getString("order_id")).isEqualTo(O1);
        assertThat(reply.data().getInteger("result")).isEqualTo(1);
        assertThat(reply.data().fieldNames()).containsExactlyInAnyOrder("error_code", "description", "order_id", "result");
        assertThat(afterSale(AS1).state()).isEqualTo(AfterSaleState.APPROVED);
        assertThat(order(O1).voucher(1).state()).isEqualTo(VoucherState.REFUNDING);
        assertThat(order(O1).voucher(2).state()).isEqualTo(VoucherState.VALID);
    }

    @Test
    void s5_rejects_the_refund_of_picked_up_goods_with_a_reason() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 1);
        pickUp(O1, 1);

        Reply reply = call(SpiEndpoint.REFUND_APPLY, refundBody(O1, AS1, 1));

        assertThat(reply.errorCode()).isZero();
        assertThat(reply.data().getInteger("result")).isEqualTo(2);
        assertThat(reply.data().getString("reason")).isEqualTo("goods already picked up");
        assertThat(reply.data().containsKey("codes")).isFalse();
        assertThat(order(O1).voucher(1).state()).isEqualTo(VoucherState.REDEEMED);
    }

    @Test
    void s5_is_pending_when_the_merchant_reviews_by_hand() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 1);
        app.policies().reviewManually(MERCHANT);

        Reply reply = call(SpiEndpoint.REFUND_APPLY, refundBody(O1, AS1, 1));

        assertThat(reply.errorCode()).isZero();
        assertThat(reply.data().getInteger("result")).isZero();
        assertThat(reply.data().getString("order_id")).isEqualTo(O1);
        assertThat(afterSale(AS1).state()).isEqualTo(AfterSaleState.PENDING);
    }

    @Test
    void s5_after_the_issue_window_lapsed_rejects_with_the_late_code_bu_ma() throws Exception {
        created(O1, DOUYIN_SKU_C, 1);
        assertThat(call(SpiEndpoint.ISSUE_CODES, issueBody(O1, 1)).data().getInteger("result")).isZero();
        app.clock().advance(Duration.ofMinutes(11));
        assertThat(app.issuingService().lapseExpired(10)).isEqualTo(1);
        assertThat(order(O1).state()).isEqualTo(OrderState.ISSUE_FAILED);

        Reply reply = call(SpiEndpoint.REFUND_APPLY, refundBody(O1, AS1, 1)); // Douyin knows no code: ""

        assertThat(reply.errorCode()).as(reply.body()).isZero();
        JsonObject data = reply.data();
        assertThat(data.getInteger("result")).isEqualTo(2);
        String code = order(O1).voucher(1).code().orElseThrow().value();
        assertThat(data.getJsonArray("codes")).containsExactly(code);
        assertThat(data.getJsonArray("certificates")).containsExactly(
                new JsonObject().put("certificate_id", certificateId(O1, 1)).put("code", code));
        assertThat(order(O1).voucher(1).state()).isEqualTo(VoucherState.VALID);
    }

    @Test
    void s5_of_an_unknown_order_is_40004_and_changes_nothing() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 1);
        JsonObject body = refundBody(O1, AS1, 1).put("order_id", O2);
        String before = state();

        Reply reply = call(SpiEndpoint.REFUND_APPLY, body);

        assertThat(reply.errorCode()).isEqualTo(40004);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void s5_replay_is_byte_identical_and_another_body_under_the_same_key_is_40009() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 2);
        String body = refundBody(O1, AS1, 1).encode();
        Reply first = call(SpiEndpoint.REFUND_APPLY, body);
        String after = state();

        Reply again = call(SpiEndpoint.REFUND_APPLY, body);
        Reply conflict = call(SpiEndpoint.REFUND_APPLY, refundBody(O1, AS1, 1, 2));

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(conflict.errorCode()).isEqualTo(40009);
        assertThat(conflict.data().containsKey("result")).isFalse();
        assertThat(state()).isEqualTo(after);
        assertThat(afterSale(AS1).vouchers()).containsExactly(1);
        assertThat(order(O1).voucher(2).state()).isEqualTo(VoucherState.VALID);
    }

    @Test
    void s5_with_a_negative_item_amount_is_40003() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 1);
        JsonObject body = refundBody(O1, AS1, 1);
        body.getJsonArray("refund_info_list").getJsonObject(0).put("item_refund_amount", -1);
        String before = state();

        Reply reply = call(SpiEndpoint.REFUND_APPLY, body);

        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).contains("refund_info_list[0].item_refund_amount");
        assertThat(state()).isEqualTo(before);
    }

    // ---- S6 refund notice ----------------------------------------------------------------------------------------------

    @Test
    void s6_refunds_the_approved_units_and_releases_their_stock_once() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 2);
        call(SpiEndpoint.REFUND_APPLY, refundBody(O1, AS1, 1));
        assertThat(reserved(STORE_A, SKU_A)).isEqualTo(2);
        String body = refundNoticeBody(O1, AS1, 3, 1).encode();

        Reply reply = call(SpiEndpoint.REFUND_NOTIFY, body);

        assertThat(reply.errorCode()).isZero();
        assertThat(reply.data().fieldNames()).containsExactlyInAnyOrder("error_code", "description");
        assertThat(order(O1).voucher(1).state()).isEqualTo(VoucherState.REFUNDED);
        assertThat(order(O1).voucher(2).state()).isEqualTo(VoucherState.VALID);
        assertThat(afterSale(AS1).state()).isEqualTo(AfterSaleState.SUCCEEDED);
        assertThat(reserved(STORE_A, SKU_A)).isEqualTo(1);
        assertThat(available(STORE_A, SKU_A)).isEqualTo(9);
        String after = state();
        assertThat(call(SpiEndpoint.REFUND_NOTIFY, body).body()).isEqualTo(reply.body());
        assertThat(state()).isEqualTo(after);
    }

    @Test
    void s6_without_audit_refunds_too() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 1);

        Reply reply = call(SpiEndpoint.REFUND_NOTIFY, refundNoticeBody(O1, AS2, 3, 1));

        assertThat(reply.errorCode()).isZero();
        assertThat(order(O1).voucher(1).state()).isEqualTo(VoucherState.REFUNDED);
        assertThat(reserved(STORE_A, SKU_A)).isZero();
    }

    @Test
    void s6_for_an_unknown_order_asks_for_a_retry_and_changes_nothing() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 1);
        JsonObject body = refundNoticeBody(O1, AS1, 3, 1).put("order_id", O2);
        String before = state();

        Reply reply = call(SpiEndpoint.REFUND_NOTIFY, body);

        assertThat(reply.errorCode()).isEqualTo(100);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void s6_without_item_amounts_shares_the_refund_amount() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 2);
        JsonObject body = refundNoticeBody(O1, AS1, 3, 1, 2);
        body.getJsonArray("refund_info_list").forEach(i -> ((JsonObject) i).remove("item_refund_amount"));

        Reply reply = call(SpiEndpoint.REFUND_NOTIFY, body);

        assertThat(reply.errorCode()).isZero();
        assertThat(order(O1).vouchers()).allMatch(v -> v.state() == VoucherState.REFUNDED);
        assertThat(order(O1).refundedAmount().fen()).isEqualTo(2 * PRICE);
    }

    // ---- S7 return apply / S8 timeout return ---------------------------------------------------------------------------

    @Test
    void s7_approves_the_return_of_picked_up_goods() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 1);
        pickUp(O1, 1);
        JsonObject body = refundBody(O1, AS1, 1).put("after_sale_type", 1).put("refund_reason", "退货");

        Reply reply = call(SpiEndpoint.RETURN_APPLY, body);

        assertThat(reply.errorCode()).as(reply.body()).isZero();
        assertThat(reply.data().getString("order_id")).isEqualTo(O1);
        assertThat(reply.data().getInteger("result")).isEqualTo(1);
        assertThat(order(O1).voucher(1).state()).isEqualTo(VoucherState.RETURN_REQUESTED);
        assertThat(afterSale(AS1).state()).isEqualTo(AfterSaleState.AWAITING_GOODS); // D9: approved, goods on their way
    }

    @Test
    void s7_of_goods_not_picked_up_is_rejected_with_a_reason() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 1);

        Reply reply = call(SpiEndpoint.RETURN_APPLY, refundBody(O1, AS1, 1).put("after_sale_type", 1));

        // D9: only picked-up goods can be returned
        assertThat(reply.errorCode()).as(reply.body()).isZero();
        assertThat(reply.data().getInteger("result")).isEqualTo(2);
        assertThat(reply.data().getString("reason")).isEqualTo("goods were not picked up: nothing to return");
        assertThat(order(O1).voucher(1).state()).isEqualTo(VoucherState.VALID);
    }

    @Test
    void s7_of_an_unknown_order_is_40004_and_replay_with_another_body_is_40009() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 2);
        pickUp(O1, 1, 2);
        assertThat(call(SpiEndpoint.RETURN_APPLY, refundBody(O1, AS1, 1).put("order_id", O2)).errorCode()).isEqualTo(40004);
        Reply first = call(SpiEndpoint.RETURN_APPLY, refundBody(O1, AS1, 1));
        String after = state();

        Reply again = call(SpiEndpoint.RETURN_APPLY, refundBody(O1, AS1, 1));
        Reply conflict = call(SpiEndpoint.RETURN_APPLY, refundBody(O1, AS1, 2));

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(conflict.errorCode()).isEqualTo(40009);
        assertThat(state()).isEqualTo(after);
    }

    @Test
    void s8_records_the_timed_out_return_as_approved() throws Exception {
        createdAndIssued(O1, DOUYIN_SKU_A, 1);
        pickUp(O1, 1);
        app.policies().reviewManually(MERCHANT);
        call(SpiEndpoint.RETURN_APPLY, refundBody(O1, AS1, 1).put("after_sale_type", 1));
        assertThat(afterSale(AS1).state()).isEqualTo(AfterSaleState.PENDING);

        Reply reply = call(SpiEndpoint.RETURN_TIMEOUT_NOTIFY, refundNoticeBody(O1, AS1, 1, 1));

        assertThat(reply.errorCode()).as(reply.body()).isZero();
        assertThat(afterSale(AS1).state()).isEqualTo(AfterSaleState.AWAITING_GOODS);
        assertThat(order(O1).voucher(1).state()).isEqualTo(VoucherState.RETURN_REQUESTED);
    }

    @Test
    void s8_for_an_unknown_order_asks_for_a_retry() throws Exception {
        String before = state();
        Reply reply = call(SpiEndpoint.RETURN_TIMEOUT_NOTIFY, new JsonObject().put("order_id", O3).put("biz_uniq_key", AS1)
                .put("refund_info_list", new JsonArray()));

        assertThat(reply.errorCode()).isEqualTo(100);
        assertThat(state()).isEqualTo(before);
    }

    // ---- W1 store change -----------------------------------------------------------------------------------------------

    @Test
    void w1_moves_the_reservation_to_a_store_with_stock_once_per_msg_id() throws Exception {
        created(O1, DOUYIN_SKU_A, 2);

        Reply reply = storeChange("msg-1", O1, POI_B);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isZero();
        assertThat(order(O1).poi().value()).isEqualTo(POI_B);
        assertThat(reserved(STORE_A, SKU_A)).isZero();
        assertThat(reserved(STORE_B, SKU_A)).isEqualTo(2);
        String after = state();
        assertThat(storeChange("msg-1", O1, POI_A).errorCode()).isZero(); // a duplicate delivery: not handed over
        assertThat(state()).isEqualTo(after);
    }

    @Test
    void w1_flags_the_order_when_the_new_store_lacks_stock() throws Exception {
        created(O1, DOUYIN_SKU_B, 1);

        Reply reply = storeChange(null, O1, POI_B);

        assertThat(reply.errorCode()).isZero();
        assertThat(order(O1).poi().value()).isEqualTo(POI_A);
        assertThat(order(O1).attention()).isPresent();
        assertThat(reserved(STORE_A, SKU_B)).isEqualTo(1);
    }

    @Test
    void w1_for_an_unknown_order_asks_for_redelivery_and_takes_the_redelivery() throws Exception {
        Reply first = storeChange("msg-2", O1, POI_B);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.errorCode()).isEqualTo(100);
        created(O1, DOUYIN_SKU_A, 1);
        Reply redelivered = storeChange("msg-2", O1, POI_B);
        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(order(O1).poi().value()).isEqualTo(POI_B);
    }
}
