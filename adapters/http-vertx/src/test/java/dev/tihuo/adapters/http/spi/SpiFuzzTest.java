package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 5,000 seeded random and mutated requests against every endpoint: never a 5xx, always the envelope with a D16
 * code, never a handler call (SPI or webhook) unless the request was correctly signed and in window, and the server stays up.
 */
class SpiFuzzTest extends SpiServerTestBase {
    private static final long SEED = 20250101L;
    private static final int REQUESTS = 5_000;
    private static final Set<Integer> D16 = Set.of(0, 100, 40001, 40002, 40003, 40004, 40005, 40006, 40009, 50000);
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "text/plain", "application/x-www-form-urlencoded", "", "APPLICATION/JSON", "application/jsonp");
    private static final List<HttpMethod> METHODS = List.of(HttpMethod.POST, HttpMethod.POST, HttpMethod.POST,
            HttpMethod.POST, HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    @Test
    void random_and_mutated_requests_never_break_the_protocol() throws Exception {
        Random random = new Random(SEED);
        SpiEndpoint[] endpoints = SpiEndpoint.values();
        int validlySigned = 0;
        for (int i = 0; i < REQUESTS; i++) {
            if (random.nextInt(10) == 0) {
                fuzzWebhook(random, i);
                continue;
            }
            SpiEndpoint endpoint = endpoints[random.nextInt(endpoints.length)];
            String body = body(random, endpoint);
            Map<String, String> query = query(random);
            boolean signWithRightSecret = random.nextInt(3) > 0;
            String secret = signWithRightSecret ? SECRET : "wrong" + random.nextInt(100);
            Map<String, String> headers = signedHeaders(secret, query, body);
            String path = random.nextInt(20) == 0 ? "/spi/" + java.net.URLEncoder.encode(randomText(random, 8), StandardCharsets.UTF_8) : path(endpoint);
            HttpMethod method = METHODS.get(random.nextInt(METHODS.size()));
            boolean tampered = mutateAfterSigning(random, headers, query);
            String sentBody = body;
            if (random.nextInt(10) == 0) {
                sentBody = flipOneCharacter(random, body);
                tampered |= !sentBody.equals(body);
            }
            if (random.nextInt(6) == 0) {
                headers.put("Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())));
            }
            if (random.nextInt(8) == 0) {
                headers.put("X-Bytedance-Logid", headerText(random, 300) + "%s{}\u00e9");
            }
            boolean correctlySigned = signWithRightSecret && !tampered
                    && KEY.equals(query.get("client_key"));

            int callsBefore = fakes.calls.size();
            Reply reply = send(method, path, query, headers,
                    method == HttpMethod.GET ? null : Buffer.buffer(sentBody.getBytes(StandardCharsets.UTF_8)));
            int callsAfter = fakes.calls.size();

            assertThat(reply.status()).as("request %d", i).isIn(200, 401);
            assertThat(reply.body()).as("request %d", i).doesNotContain("Exception").doesNotContain("at dev.");
            assertThat(reply.data().fieldNames()).as("request %d", i).contains("error_code", "description");
            assertThat(D16).as("request %d", i).contains(reply.errorCode());
            assertThat(reply.status() == 401).as("request %d", i).isEqualTo(reply.errorCode() == 40001);
            if (!correctlySigned) {
                assertThat(callsAfter).as("request %d reached a handler without a valid signature", i)
                        .isEqualTo(callsBefore);
                assertThat(reply.errorCode()).as("request %d", i).isNotZero();
            } else {
                validlySigned++;
            }
        }
        assertThat(validlySigned).isGreaterThan(1000);
        assertThat(fakes.calls).isNotEmpty();
        assertThat(call(SpiEndpoint.CREATE_ORDER, SampleBodies.valid(SpiEndpoint.CREATE_ORDER)).errorCode()).isZero();
    }

    private void fuzzWebhook(Random random, int i) throws Exception {
        String content = random.nextBoolean() ? "{\"order_id\":\"1\",\"new_poi_id\":\"2\"}" : randomText(random, 30);
        String body = random.nextInt(4) == 0 ? randomText(random, 100)
                : new io.vertx.core.json.JsonObject().put("event", "life_retail_comp_poi_change")
                        .put("client_key", KEY).put("content", content).encode();
        boolean rightSecret = random.nextBoolean();
        String signature = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(((rightSecret ? SECRET : "nope") + body).getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Douyin-Signature", signature);
        headers.put("Msg-Id", "fuzz-" + i);
        int before = poiChanges.size();

        Reply reply = send(HttpMethod.POST, "/webhooks/douyin", Map.of(), headers,
                Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(reply.status()).as("webhook %d", i).isIn(200, 401);
        assertThat(D16).as("webhook %d", i).contains(reply.errorCode());
        if (!rightSecret) {
            assertThat(poiChanges).as("webhook %d handed over without a valid signature", i).hasSize(before);
        }
    }

    private Map<String, String> query(Random random) {
        Map<String, String> query = query(KEY, NOW.plus(Duration.ofSeconds(random.nextInt(2400) - 1200)));
        switch (random.nextInt(12)) {
            case 0 -> query.remove("client_key");
            case 1 -> query.put("client_key", randomText(random, 10));
            case 2 -> query.put("timestamp", randomText(random, 13));
            case 3 -> query.remove("timestamp");
            case 4 -> query.put("extra", randomText(random, 5));
            case 5 -> query.put("client_key", LEGACY_KEY);
            default -> { }
        }
        return query;
    }

    /** Changes something the signature covers (or the signature itself) after signing; true if it did. */
    private static boolean mutateAfterSigning(Random random, Map<String, String> headers, Map<String, String> query) {
        switch (random.nextInt(10)) {
            case 0 -> {
                headers.remove("x-life-sign");
                return true;
            }
            case 1 -> {
                headers.put("x-life-sign", headerText(random, 64));
                return true;
            }
            case 2 -> {
                String ts = query.get("timestamp");
                query.put("timestamp", ts == null ? "1" : ts + "0");
                return true;
            }
            case 3 -> {
                headers.put("x-life-sign", headers.get("x-life-sign").toUpperCase());
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private static String body(Random random, SpiEndpoint endpoint) throws Exception {
        String valid = SampleBodies.valid(endpoint);
        return switch (random.nextInt(8)) {
            case 0 -> randomText(random, random.nextInt(200));
            case 1 -> without(valid, SampleBodies.missingField(endpoint));
            case 2 -> with(valid, SampleBodies.wrongType(endpoint).path(), SampleBodies.wrongType(endpoint).jsonValue());
            case 3 -> valid.substring(0, random.nextInt(valid.length()));
            case 4 -> flipOneCharacter(random, valid);
            case 5 -> with(valid, "order_id", List.of("null", "\"\"", "1e400", "[]", "{}", "\"   \"",
                    "99999999999999999999999").get(random.nextInt(7)));
            case 6 -> SampleBodies.valid(SpiEndpoint.values()[random.nextInt(SpiEndpoint.values().length)]);
            default -> valid;
        };
    }

    private static String flipOneCharacter(Random random, String text) {
        if (text.isEmpty()) {
            return "x";
        }
        char[] chars = text.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = chars[at] == 'a' ? 'b' : 'a';
        return new String(chars);
    }

    private static String randomText(Random random, int length) {
        String alphabet = "abcXYZ0123456789{}[]\":,. \\\t\n-_%&=?/#中文é\u0000";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** Printable text an HTTP client can put in a header (the server never sees raw control characters). */
    private static String headerText(Random random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return out.toString();
    }
}
