package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayWindowTest {
    private static final Instant NOW = Instant.parse("2025-01-01T08:00:00Z");
    private final ReplayWindow window = new ReplayWindow(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15));

    private static String millis(Instant t) {
        return Long.toString(t.toEpochMilli());
    }

    private static String seconds(Instant t) {
        return Long.toString(t.getEpochSecond());
    }

    @Test
    void thirteen_digits_are_milliseconds_and_ten_digits_seconds() {
        assertThat(window.accepts(millis(NOW))).isTrue();
        assertThat(window.accepts(seconds(NOW))).isTrue();
        assertThat(ReplayWindow.parse("1624293280123")).isEqualTo(Instant.ofEpochMilli(1624293280123L));
        assertThat(ReplayWindow.parse("1624293280")).isEqualTo(Instant.ofEpochSecond(1624293280L));
    }

    @Test
    void the_window_is_inclusive_at_fifteen_minutes_either_side() {
        assertThat(window.accepts(millis(NOW.minus(Duration.ofMinutes(15))))).isTrue();
        assertThat(window.accepts(millis(NOW.plus(Duration.ofMinutes(15))))).isTrue();
        assertThat(window.accepts(millis(NOW.minus(Duration.ofMinutes(15)).minusMillis(1)))).isFalse();
        assertThat(window.accepts(millis(NOW.plus(Duration.ofMinutes(15)).plusMillis(1)))).isFalse();
        assertThat(window.accepts(seconds(NOW.minus(Duration.ofHours(1))))).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "17357184000", "173571840000000", "-735718400000", "1735718400.123",
            " 1735718400", "17357184OO"})
    void anything_else_is_refused(String timestamp) {
        assertThat(window.accepts(timestamp)).isFalse();
    }
}
