package dev.tihuo.adapters.http.spi;

/**
 * One Douyin app tihuo answers for: its {@code client_key}, its {@code client_secret} (signature and field
 * decryption key) and whether the legacy MD5 URL {@code sign} is accepted for it (D10).
 */
public record SpiApp(String clientKey, String clientSecret, boolean legacyMd5Accepted) {
    public SpiApp {
        if (clientKey == null || clientKey.isBlank()) {
            throw new IllegalArgumentException("client_key must not be blank");
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("client_secret must not be empty for app " + clientKey);
        }
    }

    public static SpiApp of(String clientKey, String clientSecret) {
        return new SpiApp(clientKey, clientSecret, false);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SpiApp[clientKey=" + clientKey + ", clientSecret=***, legacyMd5Accepted=" + legacyMd5Accepted + "]";
    }
}
