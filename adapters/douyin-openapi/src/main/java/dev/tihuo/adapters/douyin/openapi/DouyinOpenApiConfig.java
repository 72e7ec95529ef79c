package dev.tihuo.adapters.douyin.openapi;

import java.time.Duration;
import java.util.Objects;

/**
 * Outbound configuration of one Douyin app: base URL (https://open.douyin.com in production, the simulator in tests),
 * its client key / secret, timeouts, the circuit breaker around Douyin, this instance's name for the token refresh
 * lease (D14), and the fixed values every product publication (G3) carries.
 *
 * @param connectTimeout TCP connect
 * @param readTimeout    idle timeout of one HTTP exchange; a timeout is a {@code Transient} failure
 * @param instanceId     names this instance in the shared token store's refresh lease (e.g. host:pid)
 */
public record DouyinOpenApiConfig(String baseUrl, String clientKey, String clientSecret,
                                  Duration connectTimeout, Duration readTimeout,
                                  Circuit circuit, String instanceId, Goods goods) {

    public static final String PRODUCTION = "https://open.douyin.com";

    public DouyinOpenApiConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(goods, "goods");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
    }

    /** Connect 2 s, read 5 s, default circuit, default goods values. */
    public static DouyinOpenApiConfig defaults(String baseUrl, String clientKey, String clientSecret, String instanceId) {
        return new DouyinOpenApiConfig(baseUrl, clientKey, clientSecret, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Circuit.defaults(), instanceId, Goods.defaults());
    }

    public DouyinOpenApiConfig withTimeouts(Duration connect, Duration read) {
        return new DouyinOpenApiConfig(baseUrl, clientKey, clientSecret, connect, read, circuit, instanceId, goods);
    }

    public DouyinOpenApiConfig withCircuit(Circuit c) {
        return new DouyinOpenApiConfig(baseUrl, clientKey, clientSecret, connectTimeout, readTimeout, c, instanceId, goods);
    }

    public DouyinOpenApiConfig withGoods(Goods g) {
        return new DouyinOpenApiConfig(baseUrl, clientKey, clientSecret, connectTimeout, readTimeout, circuit, instanceId, g);
    }

    /**
     * How long a blocking port call waits for its answer: a call may take a token fetch, the call, a token renewal
     * and the retried call, each bounded by connect + read timeout.
     */
    public Duration callTimeout() {
        return connectTimeout.plus(readTimeout).multipliedBy(4);
    }

    @Override
    public String toString() {
        return "DouyinOpenApiConfig[baseUrl=" + baseUrl + ", clientKey=" + clientKey + ", clientSecret=***, connect="
                + connectTimeout + ", read=" + readTimeout + ", " + circuit + ", instanceId=" + instanceId + ", " + goods + "]";
    }

    /**
     * Count-based circuit: opens when {@code failureRatePercent} of the last {@code window} calls (at least
     * {@code minimumCalls}) failed transiently; stays open {@code openFor}; lets {@code halfOpenCalls} probes through.
     */
    public record Circuit(float failureRatePercent, int window, int minimumCalls, Duration openFor, int halfOpenCalls) {
        public static Circuit defaults() { return new Circuit(50f, 20, 10, Duration.ofSeconds(30), 3); }
    }

    /**
     * Values G3 product/save needs that tihuo's catalogue does not hold (openapi.md §4.3): the leaf category of the
     * pickup voucher, {@code product_type} and {@code biz_line} (both unconfirmed for pickup vouchers, [UNKNOWN]).
     * {@code categoryId} null = not sent.
     */
    public record Goods(String categoryId, int productType, int bizLine) {
        public static Goods defaults() { return new Goods(null, 1, 1); }
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }
}
