package dev.tihuo.adapters.douyin.openapi;

import java.time.Duration;
import java.util.Objects;

/**
 * Outbound configuration of one Douyin app: base URL (https://open.douyin.com in production, the simulator in tests),
 * its client key / secret, timeouts, token refresh policy (D14) and the circuit breaker around Douyin.
 */
public record OpenApiSettings(String baseUrl, String clientKey, String clientSecret,
                              Duration connectTimeout, Duration readTimeout,
                              Duration tokenRefreshMargin, Duration tokenRefreshLease,
                              Circuit circuit) {

    public static final String PRODUCTION = "https://open.douyin.com";

    public OpenApiSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(clientSecret, "clientSecret");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(tokenRefreshMargin, "tokenRefreshMargin");
        requirePositive(tokenRefreshLease, "tokenRefreshLease");
        Objects.requireNonNull(circuit, "circuit");
    }

    /** Connect 2 s, read 5 s, refresh under 15 min left (D14), 15 s refresh lease, default circuit. */
    public static OpenApiSettings defaults(String baseUrl, String clientKey, String clientSecret) {
        return new OpenApiSettings(baseUrl, clientKey, clientSecret, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMinutes(15), Duration.ofSeconds(15), Circuit.defaults());
    }

    public OpenApiSettings withTimeouts(Duration connect, Duration read) {
        return new OpenApiSettings(baseUrl, clientKey, clientSecret, connect, read, tokenRefreshMargin, tokenRefreshLease, circuit);
    }

    public OpenApiSettings withCircuit(Circuit c) {
        return new OpenApiSettings(baseUrl, clientKey, clientSecret, connectTimeout, readTimeout, tokenRefreshMargin, tokenRefreshLease, c);
    }

    @Override
    public String toString() {
        return "OpenApiSettings[baseUrl=" + baseUrl + ", clientKey=" + clientKey + ", clientSecret=***, connect=" + connectTimeout
                + ", read=" + readTimeout + ", refreshMargin=" + tokenRefreshMargin + ", lease=" + tokenRefreshLease + ", " + circuit + "]";
    }

    /**
     * Count-based circuit: opens when {@code failureRatePercent} of the last {@code window} calls (at least
     * {@code minimumCalls}) failed transiently; stays open {@code openFor}; lets {@code halfOpenCalls} probes through.
     */
    public record Circuit(float failureRatePercent, int window, int minimumCalls, Duration openFor, int halfOpenCalls) {
        public static Circuit defaults() { return new Circuit(50f, 20, 10, Duration.ofSeconds(30), 3); }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }
}
