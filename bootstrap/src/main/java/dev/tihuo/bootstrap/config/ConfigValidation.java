package dev.tihuo.bootstrap.config;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

/** The checks that stop start-up with one clear message (issue: bad configuration names the setting). */
final class ConfigValidation {
    private ConfigValidation() {}

    static void check(TihuoConfig c) {
        port("listeners.publicPort", c.listeners().publicPort());
        port("listeners.internalPort", c.listeners().internalPort());
        if (c.listeners().publicPort() != 0 && c.listeners().publicPort() == c.listeners().internalPort()) {
            throw new ConfigException("listeners.internalPort", "must differ from listeners.publicPort");
        }
        String url = c.database().url();
        if (url != null && !url.isBlank() && !url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:h2:")) {
            throw new ConfigException("database.url", "must be a jdbc:postgresql:// or jdbc:h2: URL");
        }
        if ((url == null || url.isBlank()) && (c.database().dataDir() == null || c.database().dataDir().isBlank())) {
            throw new ConfigException("database.dataDir", "must name a directory when database.url is empty");
        }
        if (c.database().poolSize() < 1 || c.database().poolSize() > 200) {
            throw new ConfigException("database.poolSize", "must be 1 to 200");
        }
        if (c.database().catalogCacheTtl() == null || c.database().catalogCacheTtl().isNegative()
                || c.database().catalogCacheTtl().compareTo(java.time.Duration.ofMinutes(1)) > 0) {
            throw new ConfigException("database.catalogCacheTtl", "must be a duration from PT0S to PT1M");
        }
        try {
            URI base = URI.create(c.douyin().baseUrl());
            if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme()) || base.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (RuntimeException e) {
            throw new ConfigException("douyin.baseUrl", "must be an http(s) URL");
        }
        positive("douyin.connectTimeout", c.douyin().connectTimeout());
        positive("douyin.readTimeout", c.douyin().readTimeout());
        if (c.apps() == null || c.apps().isEmpty()) {
            throw new ConfigException("apps", "must name at least one Douyin app (clientKey and clientSecret)");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < c.apps().size(); i++) {
            TihuoConfig.App app = c.apps().get(i);
            text("apps[" + i + "].clientKey", app.clientKey());
            text("apps[" + i + "].clientSecret", app.clientSecret());
            if (!keys.add(app.clientKey())) {
                throw new ConfigException("apps[" + i + "].clientKey", "is configured twice");
            }
        }
        Set<String> merchants = new HashSet<>();
        for (int i = 0; i < c.merchants().size(); i++) {
            TihuoConfig.Merchant m = c.merchants().get(i);
            text("merchants[" + i + "].accountId", m.accountId());
            if (!"standard".equals(m.refundPolicy()) && !"manual".equals(m.refundPolicy())) {
                throw new ConfigException("merchants[" + i + "].refundPolicy", "must be standard or manual");
            }
            merchants.add(m.accountId());
        }
        Set<String> apiKeys = new HashSet<>();
        for (int i = 0; i < c.apiKeys().size(); i++) {
            TihuoConfig.ApiKey k = c.apiKeys().get(i);
            String at = "apiKeys[" + i + "]";
            if (k.key() == null || k.key().length() < 16) {
                throw new ConfigException(at + ".key", "must be at least 16 characters");
            }
            if (!apiKeys.add(k.key())) {
                throw new ConfigException(at + ".key", "is the same as another key");
            }
            text(at + ".merchant", k.merchant());
            if (!"admin".equals(k.role()) && !"clerk".equals(k.role())) {
                throw new ConfigException(at + ".role", "must be admin or clerk");
            }
            if ("clerk".equals(k.role()) && (k.stores() == null || k.stores().isEmpty())) {
                throw new ConfigException(at + ".stores", "must name the clerk's stores");
            }
        }
        if (c.spi().prefix() == null || !c.spi().prefix().startsWith("/")) {
            throw new ConfigException("spi.prefix", "must start with /");
        }
        if (c.spi().maxBodyBytes() < 1024 || c.spi().maxBodyBytes() > 16 * 1024 * 1024) {
            throw new ConfigException("spi.maxBodyBytes", "must be 1 KiB to 16 MiB");
        }
        positive("spi.deadline", c.spi().deadline());
        positive("spi.timestampWindow", c.spi().timestampWindow());
        if (c.spi().deadline().toMillis() >= 8000) {
            throw new ConfigException("spi.deadline", "must stay below Douyin's 8 second timeout");
        }
        if (c.outbox().workers() < 0 || c.outbox().workers() > 32) {
            throw new ConfigException("outbox.workers", "must be 0 to 32");
        }
        if (c.outbox().batch() < 1 || c.outbox().batch() > 1000) {
            throw new ConfigException("outbox.batch", "must be 1 to 1000");
        }
        positive("outbox.poll", c.outbox().poll());
        if (!"text".equals(c.logging().format()) && !"json".equals(c.logging().format())) {
            throw new ConfigException("logging.format", "must be text or json");
        }
    }

    private static void port(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new ConfigException(name, "must be a TCP port (0 to 65535)");
        }
    }

    private static void positive(String name, java.time.Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(name, "must be a positive duration such as \"PT5S\"");
        }
    }

    private static void text(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(name, "must not be empty");
        }
    }
}
