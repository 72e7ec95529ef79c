package dev.tihuo.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpiSignerTest {

  private static final String DOCUMENTED_STR1 = "yyyyyy&client_key=xxxxxx&timestamp=1624293280123&http_body=zzzzzz";

  private final SpiSigner signer = new SpiSigner("yyyyyy");

  private static Map<String, String> query(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void builds_the_documented_string_to_sign_from_unsorted_query_and_leaves_out_sign() {
    Map<String, String> q = query("timestamp", "1624293280123", "sign", "whatever", "client_key", "xxxxxx");

    assertThat(signer.stringToSign(q, "zzzzzz")).isEqualTo(DOCUMENTED_STR1);
  }

  @Test
  void header_signature_is_the_sha256_of_the_documented_example() {
    Map<String, String> q = query("client_key", "xxxxxx", "timestamp", "1624293280123");

    assertThat(signer.lifeSign(q, "zzzzzz"))
        .isEqualTo(FakeTihuo.sha256(DOCUMENTED_STR1))
        .hasSize(64);
  }

  @Test
  void legacy_query_signature_is_the_md5_of_the_same_string() {
    Map<String, String> q = query("client_key", "xxxxxx", "timestamp", "1624293280123");

    assertThat(signer.legacySign(q, "zzzzzz"))
        .isEqualTo(FakeTihuo.md5(DOCUMENTED_STR1))
        .hasSize(32);
  }

  @Test
  void a_body_altered_after_signing_no_longer_verifies() {
    Map<String, String> q = query("client_key", "xxxxxx", "timestamp", "1624293280123");
    String body = "{\"order_id\":\"1090000000000000001\",\"count\":1}";
    String sign = signer.lifeSign(q, body);

    assertThat(signer.verifiesLifeSign(q, body, sign)).isTrue();
    assertThat(signer.verifiesLifeSign(q, body, sign.toUpperCase())).as("hex compared case-insensitively").isTrue();
    assertThat(signer.verifiesLifeSign(q, body.replace("\"count\":1", "\"count\":9"), sign)).isFalse();
    assertThat(signer.verifiesLifeSign(query("client_key", "xxxxxx", "timestamp", "1624293280124"), body, sign))
        .as("timestamp is signed too").isFalse();
  }

  @Test
  void webhook_signature_is_sha1_of_secret_followed_by_raw_body() {
    String body = "{\"event\":\"life_retail_comp_poi_change\"}";

    assertThat(signer.webhookSignature(body)).isEqualTo(FakeTihuo.sha1("yyyyyy" + body)).hasSize(40);
  }
}
