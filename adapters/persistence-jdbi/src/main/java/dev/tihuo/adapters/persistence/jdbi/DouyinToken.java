package dev.tihuo.adapters.persistence.jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The access token of one app (client_key), as every instance shares it (D14). */
public record DouyinToken(String clientKey, String accessToken, Instant expiresAt, long version) {

    public DouyinToken {
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** D14: refresh when less than {@code margin} (15 minutes) remains. */
    public boolean needsRefresh(Instant now, Duration margin) {
        return !now.plus(margin).isBefore(expiresAt);
    }
}
