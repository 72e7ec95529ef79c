package dev.tihuo.adapters.http.webhook;

import java.time.Duration;

/** Defaults: path {@code /webhooks/douyin}, body limit 256 KiB, deadline 4 s (Douyin drops the connection at 5 s). */
public record WebhookSettings(String path, long bodyLimitBytes, Duration deadline) {
    public static WebhookSettings defaults() {
        return new WebhookSettings("/webhooks/douyin", 256 * 1024, Duration.ofSeconds(4));
    }

    public WebhookSettings withDeadline(Duration d) {
        return new WebhookSettings(path, bodyLimitBytes, d);
    }
}
