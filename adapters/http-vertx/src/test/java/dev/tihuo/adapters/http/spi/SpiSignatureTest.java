package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpiSignatureTest {
    private static final String DOC_STRING = "yyyyyy&client_key=xxxxxx&timestamp=1624293280123&http_body=zzzzzz";
    /** SHA-256 / MD5 of DOC_STRING, computed outside Java (Python hashlib). */
    private static final String DOC_SHA256 = "1cb07147475e76d0a8b9f6c7e201c7d8cde1617fb9f5d7e576bec5268fa887ae";
    private static final String DOC_MD5 = "e1902a328e3fca6d4322fc4d8123bf2e";

    private static final SpiApp DOC_APP = SpiApp.of("xxxxxx", "yyyyyy");

    private static List<Map.Entry<String, String>> docQuery() {
        return List.of(Map.entry("timestamp", "1624293280123"), Map.entry("client_key", "xxxxxx"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_test_signer_builds_the_documented_example_string() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("timestamp", "1624293280123");
        query.put("client_key", "xxxxxx");
        query.put("sign", "ignored");

        assertThat(TestSigner.signString("yyyyyy", query, "zzzzzz")).isEqualTo(DOC_STRING);
        assertThat(TestSigner.sha256Hex(DOC_STRING)).isEqualTo(DOC_SHA256);
    }

    @Test
    void the_documented_example_verifies_in_either_hex_case() {
        assertThat(SpiSignature.verify(DOC_APP, docQuery(), DOC_SHA256, null, bytes("zzzzzz"))).isTrue();
        assertThat(SpiSignature.verify(DOC_APP, docQuery(), DOC_SHA256.toUpperCase(), null, bytes("zzzzzz"))).isTrue();
    }

    @Test
    void the_sign_query_parameter_is_not_part_of_the_signed_string() {
        List<Map.Entry<String, String>> query = List.of(Map.entry("sign", DOC_MD5),
                Map.entry("timestamp", "1624293280123"), Map.entry("client_key", "xxxxxx"));
        assertThat(SpiSignature.verify(DOC_APP, query, DOC_SHA256, null, bytes("zzzzzz"))).isTrue();
    }

    @Test
    void any_change_of_secret_body_query_or_signature_fails() {
        assertThat(SpiSignature.verify(SpiApp.of("xxxxxx", "yyyyyz"), docQuery(), DOC_SHA256, null, bytes("zzzzzz")))
                .isFalse();
        assertThat(SpiSignature.verify(DOC_APP, docQuery(), DOC_SHA256, null, bytes("zzzzzy"))).isFalse();
        assertThat(SpiSignature.verify(DOC_APP, List.of(Map.entry("client_key", "xxxxxx"),
                Map.entry("timestamp", "1624293280124")), DOC_SHA256, null, bytes("zzzzzz"))).isFalse();
        assertThat(SpiSignature.verify(DOC_APP, docQuery(), DOC_SHA256.substring(2) + "00", null, bytes("zzzzzz")))
                .isFalse();
        assertThat(SpiSignature.verify(DOC_APP, docQuery(), "not hex at all", null, bytes("zzzzzz"))).isFalse();
        assertThat(SpiSignature.verify(DOC_APP, docQuery(), "", null, bytes("zzzzzz"))).isFalse();
        assertThat(SpiSignature.verify(DOC_APP, docQuery(), null, null, bytes("zzzzzz"))).isFalse();
    }

    @Test
    void the_legacy_md5_sign_is_accepted_only_for_apps_configured_for_it() {
        SpiApp legacy = new SpiApp("xxxxxx", "yyyyyy", true);

        assertThat(SpiSignature.verify(legacy, docQuery(), null, DOC_MD5, bytes("zzzzzz"))).isTrue();
        assertThat(SpiSignature.verify(legacy, docQuery(), "00", DOC_MD5.toUpperCase(), bytes("zzzzzz"))).isTrue();
        assertThat(SpiSignature.verify(DOC_APP, docQuery(), null, DOC_MD5, bytes("zzzzzz"))).isFalse();
        assertThat(SpiSignature.verify(legacy, docQuery(), null, DOC_MD5, bytes("zzzzz"))).isFalse();
    }

    @Test
    void repeated_query_keys_are_sorted_by_value_as_well() {
        String signed = "s&a=1&a=2&client_key=k&http_body={}";
        List<Map.Entry<String, String>> query = List.of(Map.entry("client_key", "k"), Map.entry("a", "2"),
                Map.entry("a", "1"));
        assertThat(SpiSignature.verify(SpiApp.of("k", "s"), query, TestSigner.sha256Hex(signed), null, bytes("{}")))
                .isTrue();
    }

    @Test
    void an_empty_body_verifies_with_or_without_the_http_body_segment() {
        List<Map.Entry<String, String>> query = List.of(Map.entry("client_key", "k"));
        SpiApp app = SpiApp.of("k", "s");

        assertThat(SpiSignature.verify(app, query, TestSigner.sha256Hex("s&client_key=k&http_body="), null, new byte[0]))
                .isTrue();
        assertThat(SpiSignature.verify(app, query, TestSigner.sha256Hex("s&client_key=k"), null, new byte[0])).isTrue();
        assertThat(SpiSignature.verify(app, query, TestSigner.sha256Hex("s&client_key=k"), null, bytes("{}"))).isFalse();
    }

    @Test
    void the_body_is_signed_as_raw_bytes_including_non_ascii_text() {
        String body = "{\"refund_reason\":\"用户申请退款\"}";
        List<Map.Entry<String, String>> query = List.of(Map.entry("client_key", "k"));
        String signature = TestSigner.sha256Hex("s&client_key=k&http_body=" + body);

        assertThat(SpiSignature.verify(SpiApp.of("k", "s"), query, signature, null, bytes(body))).isTrue();
    }
}
