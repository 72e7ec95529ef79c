package dev.tihuo.bootstrap.config;

import java.time.Duration;
import java.util.List;

/**
 * Everything tihuo can be told, read from a JSON file and environment overrides ({@link ConfigLoader}).
 * Secrets (client secrets, API keys, database password) never appear in {@link #toString()} or in logs.
 */
public record TihuoConfig(Listeners listeners, Database database, Douyin douyin, List<App> apps, List<Merchant> merchants,
                          List<ApiKey> apiKeys, Spi spi, Outbox outbox, Logging logging) {

    public record Listeners(String host, int publicPort, int internalPort) {}

    /** {@code url} empty: the durable embedded H2 file database under {@code dataDir}. */
    /**
     * {@code catalogCacheTtl}: how long products and stores read by the SPI may be served from memory; with several
     * instances on one PostgreSQL, how long another instance's change may go unseen. {@code PT0S} reads every time.
     */
    public record Database(String url, String user, String password, String dataDir, int poolSize, Duration catalogCacheTtl) {
        @Override
        public String toString() {
            return "Database[url=" + (url == null || url.isBlank() ? "h2 file in " + dataDir : url) + ", user=" + user
                    + ", pool=" + poolSize + "]";
        }
    }

    /** {@code baseUrl}: https://open.douyin.com in production, the simulator's address for development. */
    public record Douyin(String baseUrl, Duration connectTimeout, Duration readTimeout) {}

    /** One Douyin app: its SPI requests are signed with, and its OpenAPI token fetched with, this key pair. */
    public record App(String clientKey, String clientSecret, boolean acceptLegacyMd5) {
        @Override
        public String toString() {
            return "App[clientKey=" + clientKey + ", clientSecret=***, acceptLegacyMd5=" + acceptLegacyMd5 + "]";
        }
    }

    /** A merchant account (D17) and how it answers refunds (D7): {@code standard} or {@code manual}. */
    public record Merchant(String accountId, String refundPolicy) {}

    /** A key of the merchant API: {@code admin} of a merchant, or {@code clerk} of some of its stores. */
    public record ApiKey(String key, String merchant, String role, List<String> stores) {
        @Override
        public String toString() {
            return "ApiKey[key=***, merchant=" + merchant + ", role=" + role + ", stores=" + stores + "]";
        }
    }

    public record Spi(String prefix, String webhookPath, int maxBodyBytes, Duration deadline, Duration timestampWindow) {}

    public record Outbox(int workers, int batch, Duration poll) {}

    /** {@code format}: {@code text} or {@code json}. */
    public record Logging(String format, String level) {}
}
