package dev.tihuo.adapters.http.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Replay guard over the SPI {@code timestamp} query parameter (D11): 13 digits are milliseconds, 10 digits
 * seconds; anything else (missing, repeated, non-digits, other lengths) is refused like a stale value.
 */
public final class ReplayWindow {
    private final Clock clock;
    private final Duration window;

    public ReplayWindow(Clock clock, Duration window) {
        this.clock = clock;
        this.window = window;
    }

    public boolean accepts(String timestamp) {
        Instant sent = parse(timestamp);
        if (sent == null) {
            return false;
        }
        Duration skew = Duration.between(sent, clock.instant()).abs();
        return skew.compareTo(window) <= 0;
    }

    static Instant parse(String timestamp) {
        if (timestamp == null || !(timestamp.length() == 13 || timestamp.length() == 10)) {
            return null;
        }
        for (int i = 0; i < timestamp.length(); i++) {
            char c = timestamp.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        long value = Long.parseLong(timestamp);
        return timestamp.length() == 13 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }
}
