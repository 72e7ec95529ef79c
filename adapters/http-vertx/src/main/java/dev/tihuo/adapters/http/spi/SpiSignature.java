package dev.tihuo.adapters.http.spi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SPI request signatures (spi.md §3, D10).
 *
 * <p>Signed string: {@code client_secret + "&" + sorted("k=v" of every query parameter except sign, joined by "&")
 * + "&http_body=" + raw body bytes as received}. Pairs are sorted by key, then by value (repeated keys). The body
 * is appended as the received bytes, never re-serialised. {@code x-life-sign} is the SHA-256 of it in hex; the
 * legacy URL {@code sign} the MD5 of the same string, accepted only for apps configured for it.
 *
 * <p>Empty body: Douyin's rule says "for a POST append &http_body=", one working implementation skips the
 * segment when the body is empty. Both forms are accepted for an empty body (they sign the same nothing);
 * such a request is then refused as a malformed body anyway.
 */
public final class SpiSignature {
    public static final String HEADER = "x-life-sign";
    public static final String LEGACY_QUERY_PARAM = "sign";

    private static final byte[] BODY_SEPARATOR = "&http_body=".getBytes(StandardCharsets.UTF_8);

    private SpiSignature() {}

    /**
     * True when the header signature (or, for an app configured for it, the legacy URL signature) matches.
     *
     * @param query decoded query parameters in any order, repeated keys allowed
     */
    public static boolean verify(SpiApp app, List<Map.Entry<String, String>> query, String headerSign,
                                 String legacyUrlSign, byte[] rawBody) {
        if (headerSign != null && matches("SHA-256", app.clientSecret(), query, rawBody, headerSign)) {
            return true;
        }
        return app.legacyMd5Accepted() && legacyUrlSign != null
                && matches("MD5", app.clientSecret(), query, rawBody, legacyUrlSign);
    }

    private static boolean matches(String algorithm, String secret, List<Map.Entry<String, String>> query,
                                   byte[] rawBody, String givenHex) {
        byte[] given = decodeHex(givenHex);
        if (given == null) {
            return false;
        }
        boolean ok = MessageDigest.isEqual(digest(algorithm, signedBytes(secret, query, rawBody, true)), given);
        if (rawBody.length == 0) {
            ok |= MessageDigest.isEqual(digest(algorithm, signedBytes(secret, query, rawBody, false)), given);
        }
        return ok;
    }

    /** The exact bytes that are hashed. */
    static byte[] signedBytes(String secret, List<Map.Entry<String, String>> query, byte[] rawBody,
                              boolean withBodySegment) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : query) {
            if (!LEGACY_QUERY_PARAM.equals(e.getKey())) {
                pairs.add(e);
            }
        }
        pairs.sort(Comparator.<Map.Entry<String, String>, String>comparing(Map.Entry::getKey)
                .thenComparing(Map.Entry::getValue));
        StringBuilder head = new StringBuilder(secret);
        for (Map.Entry<String, String> pair : pairs) {
            head.append('&').append(pair.getKey()).append('=').append(pair.getValue());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + 16 + rawBody.length);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (withBodySegment) {
            out.writeBytes(BODY_SEPARATOR);
            out.writeBytes(rawBody);
        }
        return out.toByteArray();
    }

    static byte[] digest(String algorithm, byte[] input) {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by the JDK", e);
        }
    }

    /** Case-insensitive hex; null when the text is not hex, so it can never match. */
    static byte[] decodeHex(String hex) {
        String trimmed = hex.trim();
        if (trimmed.isEmpty() || trimmed.length() % 2 != 0 || trimmed.length() > 256) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(trimmed);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
