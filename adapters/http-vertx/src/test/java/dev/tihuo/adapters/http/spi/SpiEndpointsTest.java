package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The protocol rules every SPI endpoint shares, checked on each of them over real HTTP. */
class SpiEndpointsTest extends SpiServerTestBase {

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_signed_in_window_call_reaches_its_handler_and_answers_0(SpiEndpoint endpoint) throws Exception {
        Reply reply = call(endpoint, SampleBodies.valid(endpoint));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isZero();
        assertThat(reply.data().getString("description")).isNotNull();
        assertThat(fakes.callsTo(endpoint)).hasSize(1);
        RecordingHandlers.Call call = fakes.callsTo(endpoint).get(0);
        assertThat(call.context().clientKey()).isEqualTo(KEY);
        assertThat(call.context().logid()).isEqualTo(LOGID);
        assertThat(call.context().endpoint()).isEqualTo(endpoint);
        assertThat(call.request()).isInstanceOf(endpoint.requestType());
        assertThat(call.mdcLogid()).as("MDC carried to the worker thread").isEqualTo(LOGID);
        assertThat(call.threadName()).doesNotContain("eventloop");
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_wrong_signature_answers_401_and_never_reaches_the_handler(SpiEndpoint endpoint) throws Exception {
        String body = SampleBodies.valid(endpoint);
        Map<String, String> query = query(KEY, NOW);
        Map<String, String> headers = signedHeaders("not-the-secret", query, body);

        Reply reply = send(HttpMethod.POST, path(endpoint), query, headers, Buffer.buffer(body));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo(40001);
        assertThat(reply.data().fieldNames()).containsExactlyInAnyOrder("error_code", "description");
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_missing_signature_answers_401(SpiEndpoint endpoint) throws Exception {
        String body = SampleBodies.valid(endpoint);
        Map<String, String> query = query(KEY, NOW);
        Map<String, String> headers = signedHeaders(SECRET, query, body);
        headers.remove("x-life-sign");

        Reply reply = send(HttpMethod.POST, path(endpoint), query, headers, Buffer.buffer(body));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo(40001);
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void an_unknown_client_key_is_refused_like_a_bad_signature(SpiEndpoint endpoint) throws Exception {
        String body = SampleBodies.valid(endpoint);
        Map<String, String> query = query("stranger-app", NOW);

        Reply reply = send(HttpMethod.POST, path(endpoint), query, signedHeaders(SECRET, query, body),
                Buffer.buffer(body));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo(40001);
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_stale_timestamp_answers_40002(SpiEndpoint endpoint) throws Exception {
        String body = SampleBodies.valid(endpoint);
        Map<String, String> query = query(KEY, NOW.minus(Duration.ofMinutes(16)));

        Reply reply = send(HttpMethod.POST, path(endpoint), query, signedHeaders(SECRET, query, body),
                Buffer.buffer(body));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isEqualTo(40002);
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void malformed_json_answers_40003(SpiEndpoint endpoint) throws Exception {
        Reply reply = call(endpoint, "{\"order_id\":\"1\",");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).isEqualTo("request body is not valid JSON");
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_missing_required_field_answers_40003_naming_it(SpiEndpoint endpoint) throws Exception {
        String field = SampleBodies.missingField(endpoint);

        Reply reply = call(endpoint, without(SampleBodies.valid(endpoint), field));

        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).isEqualTo("field " + field + " is missing");
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_field_of_the_wrong_type_answers_40003_naming_it(SpiEndpoint endpoint) throws Exception {
        SampleBodies.Mutation mutation = SampleBodies.wrongType(endpoint);

        Reply reply = call(endpoint, with(SampleBodies.valid(endpoint), mutation.path(), mutation.jsonValue()));

        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).startsWith("field " + mutation.path() + " ");
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_body_over_the_limit_is_refused_before_parsing(SpiEndpoint endpoint) throws Exception {
        String padding = "x".repeat((int) SpiSettings.DEFAULT_BODY_LIMIT);
        String body = SampleBodies.valid(endpoint).replaceFirst("\\{", "{\"padding\":\"" + padding + "\",");

        Reply reply = call(endpoint, body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).contains("exceeds " + SpiSettings.DEFAULT_BODY_LIMIT + " bytes");
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_non_json_content_type_answers_40003(SpiEndpoint endpoint) throws Exception {
        String body = SampleBodies.valid(endpoint);
        Map<String, String> query = query(KEY, NOW);
        Map<String, String> headers = signedHeaders(SECRET, query, body);
        headers.put("Content-Type", "text/plain");

        Reply reply = send(HttpMethod.POST, path(endpoint), query, headers, Buffer.buffer(body));

        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).contains("application/json");
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_get_on_an_spi_path_answers_40003(SpiEndpoint endpoint) throws Exception {
        Map<String, String> query = query(KEY, NOW);

        Reply reply = send(HttpMethod.GET, path(endpoint), query, signedHeaders(SECRET, query, ""), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).isEqualTo("method GET not allowed; SPI calls are POST");
        assertThat(fakes.calls).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void key_order_and_whitespace_do_not_matter_to_parsing(SpiEndpoint endpoint) throws Exception {
        String compact = JSON.writeValueAsString(JSON.readTree(SampleBodies.valid(endpoint)));
        String reordered = reorderedAndSpaced(SampleBodies.valid(endpoint));

        assertThat(call(endpoint, compact).errorCode()).isZero();
        assertThat(call(endpoint, reordered).errorCode()).isZero();

        assertThat(fakes.callsTo(endpoint)).hasSize(2);
        assertThat(fakes.callsTo(endpoint).get(0).request()).isEqualTo(fakes.callsTo(endpoint).get(1).request());
    }

    @ParameterizedTest
    @EnumSource(SpiEndpoint.class)
    void a_body_reserialised_after_signing_is_refused(SpiEndpoint endpoint) throws Exception {
        String signedBody = SampleBodies.valid(endpoint);
        Map<String, String> query = query(KEY, NOW);
        Map<String, String> headers = signedHeaders(SECRET, query, signedBody);
        String reserialised = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(signedBody));
        assertThat(reserialised).isNotEqualTo(signedBody);

        Reply reply = send(HttpMethod.POST, path(endpoint), query, headers, Buffer.buffer(reserialised));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(fakes.calls).isEmpty();
    }

    /** Same content, keys reversed at the top level, extra blanks everywhere. */
    private static String reorderedAndSpaced(String json) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode source =
                (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
        java.util.List<String> names = new java.util.ArrayList<>();
        source.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        StringBuilder out = new StringBuilder("{ \n");
        for (int i = 0; i < names.size(); i++) {
            out.append("   \"").append(names.get(i)).append("\" :\t")
                    .append(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(source.get(names.get(i))));
            out.append(i < names.size() - 1 ? " ,\n" : "\n");
        }
        return out.append("}  ").toString();
    }
}
