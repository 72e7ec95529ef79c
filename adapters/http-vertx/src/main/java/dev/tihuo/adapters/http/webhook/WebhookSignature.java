package dev.tihuo.adapters.http.webhook;

import dev.tihuo.adapters.http.spi.SpiApp;
import dev.tihuo.adapters.http.spi.SpiApps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code X-Douyin-Signature} = hex SHA-1(client_secret + raw body) (spi.md §6.1, D13). Compared in constant time,
 * hex case-insensitive. The signing app is found by trying each configured secret, so the body is never parsed
 * before it is authenticated.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Douyin-Signature";

    private WebhookSignature() {}

    public static byte[] sign(String secret, byte[] rawBody) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(secret.getBytes(StandardCharsets.UTF_8));
            return sha1.digest(rawBody);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }

    /** The app whose secret signed this body, if any. */
    public static Optional<SpiApp> signer(SpiApps apps, String headerHex, byte[] rawBody) {
        if (headerHex == null) {
            return Optional.empty();
        }
        byte[] given;
        try {
            String trimmed = headerHex.trim();
            if (trimmed.length() != 40) {
                return Optional.empty();
            }
            given = HexFormat.of().parseHex(trimmed);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        SpiApp found = null;
        for (SpiApp app : apps.all()) {
            if (MessageDigest.isEqual(sign(app.clientSecret(), rawBody), given) && found == null) {
                found = app;
            }
        }
        return Optional.ofNullable(found);
    }
}
