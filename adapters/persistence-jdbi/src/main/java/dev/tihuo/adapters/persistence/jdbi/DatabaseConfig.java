package dev.tihuo.adapters.persistence.jdbi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the database tihuo keeps its state in: a JDBC URL (H2 file or PostgreSQL),
 * credentials, the connection pool's size, and how long committed catalog rows (products, stores) may be served
 * from memory ({@link #catalogCacheTtl()}, {@link Duration#ZERO} to read them from the database every time).
 *
 * <p>{@link #h2(Path)} is the default: an embedded H2 file under a data directory, opened with the
 * settings that make a committed transaction survive the process being killed (see {@link Vendor#H2}).
 */
public record DatabaseConfig(
        String jdbcUrl,
        String user,
        String password,
        int maximumPoolSize,
        Duration connectionTimeout,
        Path dataDirectory,
        Duration catalogCacheTtl) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Every S1 and S4 reads the product and the store of what it sells, which change a few times a day. Within one
     * instance a change is seen at once (its commit evicts the entry); another instance on the same PostgreSQL may
     * serve the previous version for at most this long, as if the request had come that much earlier.
     */
    public static final Duration DEFAULT_CATALOG_CACHE_TTL = Duration.ofSeconds(2);
    static final String H2_FILE_NAME = "tihuo";

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(catalogCacheTtl, "catalogCacheTtl");
        if (catalogCacheTtl.isNegative()) {
            throw new IllegalArgumentException("catalogCacheTtl must not be negative, was " + catalogCacheTtl);
        }
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL: " + jdbcUrl);
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1, was " + maximumPoolSize);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The default: a durable H2 file database {@code tihuo.mv.db} in {@code dataDirectory}, created on first start. */
    public static DatabaseConfig h2(Path dataDirectory) {
        Path absolute = dataDirectory.toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + absolute.resolve(H2_FILE_NAME).toString().replace('\\', '/');
        return new DatabaseConfig(url, "sa", "", DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT, absolute,
                DEFAULT_CATALOG_CACHE_TTL);
    }

    /** Any JDBC URL: {@code jdbc:postgresql://host:5432/db?currentSchema=tihuo} or {@code jdbc:h2:file:...}. */
    public static DatabaseConfig of(String jdbcUrl, String user, String password) {
        return new DatabaseConfig(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT, null,
                DEFAULT_CATALOG_CACHE_TTL);
    }

    public DatabaseConfig withMaximumPoolSize(int size) {
        return new DatabaseConfig(jdbcUrl, user, password, size, connectionTimeout, dataDirectory, catalogCacheTtl);
    }

    public DatabaseConfig withConnectionTimeout(Duration timeout) {
        return new DatabaseConfig(jdbcUrl, user, password, maximumPoolSize, timeout, dataDirectory, catalogCacheTtl);
    }

    public DatabaseConfig withCatalogCacheTtl(Duration ttl) {
        return new DatabaseConfig(jdbcUrl, user, password, maximumPoolSize, connectionTimeout, dataDirectory, ttl);
    }

    public Vendor vendor() {
        return Vendor.of(jdbcUrl);
    }

    /** The URL actually opened: for H2, the PostgreSQL compatibility and durability settings are added. */
    public String effectiveUrl() {
        return vendor().effectiveUrl(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + jdbcUrl + ", user=" + user + ", pool=" + maximumPoolSize + "]";
    }
}
