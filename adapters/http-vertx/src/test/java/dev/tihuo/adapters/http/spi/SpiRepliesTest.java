package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tihuo.adapters.http.spi.body.AuditReply;
import dev.tihuo.adapters.http.spi.body.CreateOrderRequest;
import dev.tihuo.adapters.http.spi.body.IssueCodesReply;
import dev.tihuo.adapters.http.spi.body.IssuedCertificate;
import dev.tihuo.adapters.http.spi.body.RefundApplyRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** What handlers return or throw, and how it reaches Douyin. */
class SpiRepliesTest extends SpiServerTestBase {
    private final ListAppender<ILoggingEvent> requestLog = new ListAppender<>();

    @BeforeEach
    void captureRequestLog() {
        requestLog.start();
        ((Logger) LoggerFactory.getLogger("dev.tihuo.spi.requests")).addAppender(requestLog);
    }

    @AfterEach
    void releaseRequestLog() {
        ((Logger) LoggerFactory.getLogger("dev.tihuo.spi.requests")).detachAppender(requestLog);
    }

    @Test
    void create_order_answers_our_order_id_in_order_out_id_and_parses_every_field() throws Exception {
        Reply reply = call(SpiEndpoint.CREATE_ORDER, SampleBodies.valid(SpiEndpoint.CREATE_ORDER));

        assertThat(reply.json()).isEqualTo(new JsonObject(
                "{\"data\":{\"error_code\":0,\"description\":\"success\",\"order_out_id\":\"M20250101000123\"}}"));
        CreateOrderRequest request = (CreateOrderRequest) fakes.calls.get(0).request();
        assertThat(request.orderId()).isEqualTo("1090000000000000001");
        assertThat(request.skuList().get(0).count()).isEqualTo(2);
        assertThat(request.skuList().get(0).unitAmount()).isEqualTo(3990L);
        assertThat(request.amount().payAmount()).isEqualTo(7480L);
    }

    @Test
    void issue_codes_answers_issued_failed_or_issuing() throws Exception {
        Reply issued = call(SpiEndpoint.ISSUE_CODES, SampleBodies.valid(SpiEndpoint.ISSUE_CODES));
        assertThat(issued.data().getInteger("result")).isEqualTo(1);
        assertThat(issued.data().getJsonArray("codes")).isEqualTo(new JsonArray().add("PK8839201744"));
        assertThat(issued.data().getJsonArray("certificates")).isEqualTo(new JsonArray().add(
                new JsonObject().put("certificate_id", "7300000000000000001").put("code", "PK8839201744")));

        fakes.behave(SpiEndpoint.ISSUE_CODES, (q, c) -> IssueCodesReply.failed("OUT_OF_CODES"));
        Reply failed = call(SpiEndpoint.ISSUE_CODES, SampleBodies.valid(SpiEndpoint.ISSUE_CODES));
        assertThat(failed.data().getMap()).containsOnly(Map.entry("error_code", 0),
                Map.entry("description", "issue failed"), Map.entry("result", 2), Map.entry("fail_reason", "OUT_OF_CODES"));

        fakes.behave(SpiEndpoint.ISSUE_CODES, (q, c) -> IssueCodesReply.issuing());
        Reply issuing = call(SpiEndpoint.ISSUE_CODES, SampleBodies.valid(SpiEndpoint.ISSUE_CODES));
        assertThat(issuing.data().getMap()).containsOnly(Map.entry("error_code", 0),
                Map.entry("description", "issuing"), Map.entry("result", 0));
    }

    @Test
    void refund_apply_answers_approve_reject_with_codes_or_pending() throws Exception {
        String body = SampleBodies.valid(SpiEndpoint.REFUND_APPLY);
        assertThat(call(SpiEndpoint.REFUND_APPLY, body).data().getMap()).containsOnly(Map.entry("error_code", 0),
                Map.entry("description", "success"), Map.entry("order_id", "1090000000000000001"),
                Map.entry("result", 1));

        fakes.behave(SpiEndpoint.REFUND_APPLY, (q, c) -> AuditReply.rejectWithCodes(
                ((RefundApplyRequest) q).orderId(), "code issued late",
                List.of(new IssuedCertificate("7300000000000000001", "PK8839201744"))));
        Reply rejected = call(SpiEndpoint.REFUND_APPLY, body);
        assertThat(rejected.data().getInteger("result")).isEqualTo(2);
        assertThat(rejected.data().getString("reason")).isEqualTo("code issued late");
        assertThat(rejected.data().getJsonArray("codes")).containsExactly("PK8839201744");

        fakes.behave(SpiEndpoint.REFUND_APPLY, (q, c) -> AuditReply.pending("1090000000000000001"));
        assertThat(call(SpiEndpoint.REFUND_APPLY, body).data().getInteger("result")).isZero();
    }

    @Test
    void a_business_rejection_reaches_douyin_on_a_non_notification_spi() throws Exception {
        fakes.behave(SpiEndpoint.CREATE_ORDER, (q, c) -> {
            throw SpiRejection.outOfStock("SKU-A-500ML is out of stock at store 6600000000000000001");
        });

        Reply reply = call(SpiEndpoint.CREATE_ORDER, SampleBodies.valid(SpiEndpoint.CREATE_ORDER));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(new JsonObject().put("data", new JsonObject().put("error_code", 40005)
                .put("description", "SKU-A-500ML is out of stock at store 6600000000000000001")));
    }

    @ParameterizedTest
    @EnumSource(value = SpiEndpoint.class, names = {"PAY_NOTIFY", "CANCEL_NOTIFY", "REFUND_NOTIFY", "RETURN_TIMEOUT_NOTIFY"})
    void a_notification_spi_never_leaks_a_business_error(SpiEndpoint endpoint) throws Exception {
        String body = SampleBodies.valid(endpoint);
        for (SpiRejection business : List.of(SpiRejection.unknownOrder("no such order"),
                SpiRejection.outOfStock("none"), SpiRejection.unknownSkuOrStore("?"),
                SpiRejection.idempotencyConflict("other body"), SpiRejection.malformed("semantically odd"))) {
            fakes.behave(endpoint, (q, c) -> {
                throw business;
            });
            assertThat(call(endpoint, body).data().getMap()).containsOnly(Map.entry("error_code", 0),
                    Map.entry("description", "acknowledged"));
        }

        fakes.behave(endpoint, (q, c) -> {
            throw SpiRejection.retryLater("database busy");
        });
        assertThat(call(endpoint, body).errorCode()).isEqualTo(100);

        fakes.behave(endpoint, (q, c) -> {
            throw new IllegalStateException("boom at com.example.Secret");
        });
        Reply crashed = call(endpoint, body);
        assertThat(crashed.errorCode()).isEqualTo(100);
        assertThat(crashed.body()).doesNotContain("boom").doesNotContain("Exception");
    }

    @Test
    void an_unexpected_exception_answers_50000_without_internal_detail() throws Exception {
        fakes.behave(SpiEndpoint.REFUND_APPLY, (q, c) -> {
            throw new IllegalStateException("connection to jdbc:postgresql://db/secret refused");
        });

        Reply reply = call(SpiEndpoint.REFUND_APPLY, SampleBodies.valid(SpiEndpoint.REFUND_APPLY));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(new JsonObject("{\"data\":{\"error_code\":50000,\"description\":\"internal error\"}}"));
    }

    @Test
    void an_unknown_path_under_the_prefix_answers_40003() throws Exception {
        Map<String, String> query = query(KEY, NOW);
        Reply reply = send(HttpMethod.POST, "/spi/orders/delete", query, signedHeaders(SECRET, query, "{}"),
                Buffer.buffer("{}"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).isEqualTo("unknown SPI path");
    }

    @Test
    void an_undecodable_query_string_answers_40003() throws Exception {
        String body = SampleBodies.valid(SpiEndpoint.PAY_NOTIFY);
        io.vertx.ext.web.client.HttpResponse<Buffer> response = await(client
                .post(port, "localhost", path(SpiEndpoint.PAY_NOTIFY) + "?client_key=%zz&timestamp=1")
                .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new Reply(200, response.bodyAsString()).errorCode()).isEqualTo(40003);
        assertThat(fakes.calls).isEmpty();
    }

    @Test
    void a_legacy_app_may_sign_with_the_md5_url_sign_only() throws Exception {
        String body = SampleBodies.valid(SpiEndpoint.PAY_NOTIFY);
        Map<String, String> query = query(LEGACY_KEY, NOW);
        query.put("sign", TestSigner.md5Hex(TestSigner.signString(LEGACY_SECRET, query, body)));
        Map<String, String> headers = signedHeaders(LEGACY_SECRET, query, body);
        headers.remove("x-life-sign");

        assertThat(send(HttpMethod.POST, path(SpiEndpoint.PAY_NOTIFY), query, headers, Buffer.buffer(body)).errorCode())
                .isZero();

        Map<String, String> modern = query(KEY, NOW);
        modern.put("sign", TestSigner.md5Hex(TestSigner.signString(SECRET, modern, body)));
        Map<String, String> modernHeaders = signedHeaders(SECRET, modern, body);
        modernHeaders.remove("x-life-sign");
        assertThat(send(HttpMethod.POST, path(SpiEndpoint.PAY_NOTIFY), modern, modernHeaders, Buffer.buffer(body))
                .status()).isEqualTo(401);
    }

    @Test
    void a_ten_digit_timestamp_in_seconds_is_accepted() throws Exception {
        String body = SampleBodies.valid(SpiEndpoint.PAY_NOTIFY);
        Map<String, String> query = query(KEY, NOW);
        query.put("timestamp", Long.toString(NOW.getEpochSecond()));

        assertThat(send(HttpMethod.POST, path(SpiEndpoint.PAY_NOTIFY), query, signedHeaders(SECRET, query, body),
                Buffer.buffer(body)).errorCode()).isZero();
    }

    @Test
    void a_missing_or_garbage_timestamp_answers_40002() throws Exception {
        String body = SampleBodies.valid(SpiEndpoint.PAY_NOTIFY);
        Map<String, String> query = query(KEY, NOW);
        query.remove("timestamp");
        assertThat(send(HttpMethod.POST, path(SpiEndpoint.PAY_NOTIFY), query, signedHeaders(SECRET, query, body),
                Buffer.buffer(body)).errorCode()).isEqualTo(40002);

        query.put("timestamp", "yesterday");
        assertThat(send(HttpMethod.POST, path(SpiEndpoint.PAY_NOTIFY), query, signedHeaders(SECRET, query, body),
                Buffer.buffer(body)).errorCode()).isEqualTo(40002);
        assertThat(fakes.calls).isEmpty();
    }

    @Test
    void an_empty_signed_body_answers_40003() throws Exception {
        assertThat(call(SpiEndpoint.PAY_NOTIFY, "").errorCode()).isEqualTo(40003);
        assertThat(call(SpiEndpoint.PAY_NOTIFY, "[]").errorCode()).isEqualTo(40003);
        assertThat(call(SpiEndpoint.PAY_NOTIFY, "null").errorCode()).isEqualTo(40003);
        assertThat(call(SpiEndpoint.PAY_NOTIFY, "{\"order_id\":\"1\",\"order_id\":\"2\"}").errorCode()).isEqualTo(40003);
        assertThat(fakes.calls).isEmpty();
    }

    @Test
    void unknown_fields_are_ignored() throws Exception {
        String body = SampleBodies.valid(SpiEndpoint.CREATE_ORDER).replaceFirst("\\{",
                "{\"brand_new_field\":{\"nested\":[1,2,3]},\"another\":null,");
        assertThat(call(SpiEndpoint.CREATE_ORDER, body).errorCode()).isZero();
    }

    @Test
    void each_request_is_logged_once_with_path_logid_client_key_outcome_and_duration() throws Exception {
        call(SpiEndpoint.CREATE_ORDER, SampleBodies.valid(SpiEndpoint.CREATE_ORDER));

        assertThat(requestLog.list).hasSize(1);
        String line = requestLog.list.get(0).getFormattedMessage();
        assertThat(line).contains("S1", "path=/spi/orders/create", "logid=" + LOGID, "client_key=" + KEY,
                "merchant=7000000000000000001", "order=1090000000000000001", "outcome=0", "http=200", "duration_ms=");
        assertThat(requestLog.list.get(0).getMDCPropertyMap()).containsEntry("logid", LOGID);
    }

    @Test
    void the_log_line_names_the_merchant_and_order_wherever_they_stand_in_the_body() throws Exception {
        call(SpiEndpoint.PAY_NOTIFY, "{\"extra\":{\"account_id\":\"nested-not-this\",\"list\":[{\"order_id\":\"no\"}]},"
                + "\"order_out_id\":\"M1\",\"timestamp\":1735700000,\"account_id\":7000000000000000002,"
                + "\"order_id\":\"1090000000000000009\"}");
        call(SpiEndpoint.PAY_NOTIFY, "[\"not an object\"]");

        assertThat(requestLog.list).hasSize(2);
        assertThat(requestLog.list.get(0).getFormattedMessage())
                .contains("merchant=7000000000000000002", "order=1090000000000000009");
        assertThat(requestLog.list.get(1).getFormattedMessage()).contains("merchant=- order=-", "outcome=40003");
    }

    @Test
    void the_call_context_decrypts_fields_with_the_signing_apps_secret() throws Exception {
        fakes.behave(SpiEndpoint.CREATE_ORDER, (q, c) -> {
            String openId = c.fields().decryptOrKeep(((CreateOrderRequest) q).openId());
            return new dev.tihuo.adapters.http.spi.body.CreateOrderReply("M-" + openId);
        });

        Reply reply = call(SpiEndpoint.CREATE_ORDER, SampleBodies.valid(SpiEndpoint.CREATE_ORDER));

        assertThat(reply.data().getString("order_out_id")).isEqualTo("M-_000enc_openid");
    }
}
