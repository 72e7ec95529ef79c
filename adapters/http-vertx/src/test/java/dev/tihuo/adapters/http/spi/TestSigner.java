package dev.tihuo.adapters.http.spi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Douyin's side of spi.md §3, written from the spec for the tests (it does not call production code):
 * {@code secret&k=v&...&http_body=<body>}, pairs sorted by key, {@code sign} left out, SHA-256 (or MD5) hex.
 */
final class TestSigner {
    private TestSigner() {}

    static String signString(String secret, Map<String, String> query, String body) {
        TreeMap<String, String> sorted = new TreeMap<>(query);
        sorted.remove("sign");
        List<String> pairs = new ArrayList<>();
        sorted.forEach((k, v) -> pairs.add(k + "=" + v));
        return secret + "&" + String.join("&", pairs) + "&http_body=" + body;
    }

    static String sha256Hex(String text) {
        return hex("SHA-256", text);
    }

    static String md5Hex(String text) {
        return hex("MD5", text);
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String queryString(Map<String, String> query) {
        List<String> parts = new ArrayList<>();
        query.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }
}
