package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.adapters.http.webhook.PoiChange;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code /webhooks/douyin}: signature, Msg-Id de-duplication, W1 hand-over (D13). */
class DouyinWebhookTest extends SpiServerTestBase {
    private static final String W1_CONTENT = "{\"order_id\":\"1090000000000000001\",\"account_id\":\"7000000000000000001\","
            + "\"old_poi_id\":\"6600000000000000001\",\"new_poi_id\":\"6600000000000000002\",\"change_time\":1735700000}";

    /** SHA-1(secret + body) hex, written from spi.md §6.1. */
    private static String sha1(String secret, String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest((secret + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static String envelope(String event, String content) {
        return new JsonObject().put("event", event).put("client_key", KEY).put("content", content)
                .put("log_id", "2025WEBHOOKLOG").encode();
    }

    private Reply deliver(String body, String signature, String msgId) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (signature != null) {
            headers.put("X-Douyin-Signature", signature);
        }
        if (msgId != null) {
            headers.put("Msg-Id", msgId);
        }
        return send(HttpMethod.POST, "/webhooks/douyin", Map.of(), headers, Buffer.buffer(body));
    }

    @Test
    void a_signed_store_change_is_handed_to_the_handler() throws Exception {
        String body = envelope("life_retail_comp_poi_change", W1_CONTENT);

        Reply reply = deliver(body, sha1(SECRET, body), "msg-1");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isZero();
        assertThat(poiChanges).containsExactly(new PoiChange("1090000000000000001", "7000000000000000001",
                "6600000000000000001", "6600000000000000002", 1735700000L));
    }

    @Test
    void the_signature_is_checked_case_insensitively_and_a_bad_one_is_refused() throws Exception {
        String body = envelope("life_retail_comp_poi_change", W1_CONTENT);

        assertThat(deliver(body, sha1(SECRET, body).toUpperCase(), "msg-1").errorCode()).isZero();
        Reply forged = deliver(body, sha1("other-secret", body), "msg-2");
        Reply unsigned = deliver(body, null, "msg-3");
        Reply reserialised = deliver(new JsonObject(body).encodePrettily(), sha1(SECRET, body), "msg-4");

        for (Reply refused : new Reply[] {forged, unsigned, reserialised}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.errorCode()).isEqualTo(40001);
        }
        assertThat(poiChanges).hasSize(1);
    }

    @Test
    void a_redelivered_msg_id_is_acknowledged_without_a_second_hand_over() throws Exception {
        String body = envelope("life_retail_comp_poi_change", W1_CONTENT);

        assertThat(deliver(body, sha1(SECRET, body), "msg-dup").errorCode()).isZero();
        Reply again = deliver(body, sha1(SECRET, body), "msg-dup");

        assertThat(again.errorCode()).isZero();
        assertThat(again.description()).contains("duplicate");
        assertThat(poiChanges).hasSize(1);
    }

    @Test
    void without_a_msg_id_the_same_body_is_still_recognised_as_a_duplicate() throws Exception {
        String body = envelope("life_retail_comp_poi_change", W1_CONTENT);

        deliver(body, sha1(SECRET, body), null);
        deliver(body, sha1(SECRET, body), null);

        assertThat(poiChanges).hasSize(1);
    }

    @Test
    void a_failed_hand_over_asks_for_redelivery_and_the_redelivery_is_processed() throws Exception {
        String body = envelope("life_retail_comp_poi_change", W1_CONTENT);
        AtomicInteger attempts = new AtomicInteger();
        poiBehaviour = (change, call) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
        };

        Reply first = deliver(body, sha1(SECRET, body), "msg-retry");
        Reply second = deliver(body, sha1(SECRET, body), "msg-retry");

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.errorCode()).isEqualTo(100);
        assertThat(first.body()).doesNotContain("database");
        assertThat(second.errorCode()).isZero();
        assertThat(poiChanges).hasSize(1);
    }

    @Test
    void a_store_change_without_the_new_store_answers_40003_naming_it() throws Exception {
        String body = envelope("life_retail_comp_poi_change", "{\"order_id\":\"1090000000000000001\"}");

        Reply reply = deliver(body, sha1(SECRET, body), "msg-bad");

        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).isEqualTo("field content.new_poi_id is missing");
        assertThat(poiChanges).isEmpty();
    }

    @Test
    void other_events_are_acknowledged_without_a_hand_over() throws Exception {
        String body = envelope("life_trade_order_notify", "{\"action\":\"pay_success\"}");

        Reply reply = deliver(body, sha1(SECRET, body), "msg-other");

        assertThat(reply.errorCode()).isZero();
        assertThat(poiChanges).isEmpty();
    }

    @Test
    void the_verify_webhook_challenge_is_echoed() throws Exception {
        String body = "{\"event\":\"verify_webhook\",\"client_key\":\"\",\"content\":{\"challenge\":12345}}";

        Reply reply = deliver(body, sha1(SECRET, body), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(new JsonObject().put("challenge", 12345));
    }

    @Test
    void a_body_claiming_another_apps_client_key_is_refused() throws Exception {
        String body = new JsonObject().put("event", "life_retail_comp_poi_change").put("client_key", LEGACY_KEY)
                .put("content", W1_CONTENT).encode();

        Reply reply = deliver(body, sha1(SECRET, body), "msg-x");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(poiChanges).isEmpty();
    }
}
