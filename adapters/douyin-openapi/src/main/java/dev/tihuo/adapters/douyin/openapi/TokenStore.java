package dev.tihuo.adapters.douyin.openapi;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the one client token of each app lives, shared by every tihuo instance (D14). Blocking (a database table in
 * production); {@link ClientTokens} calls it off the event loop. Placeholder until the application's {@code TokenStore}
 * secondary port lands; it should keep exactly these three verbs.
 */
public interface TokenStore {

    /** The token stored for the app, if any. */
    Optional<StoredToken> current(String clientKey);

    /**
     * Take the refresh lease of the app until {@code until} unless another owner holds a lease that has not run out.
     * Returns true when {@code owner} now holds it. This is what keeps many instances from fetching at once (10020
     * answers past 500 fetches in 5 minutes).
     */
    boolean tryAcquireRefresh(String clientKey, String owner, Instant until);

    /** Save a freshly fetched token and end the lease. */
    void store(String clientKey, String token, Instant expiresAt);

    record StoredToken(String token, Instant expiresAt) {
        @Override
        public String toString() { return "StoredToken[" + (token.length() > 6 ? token.substring(0, 6) : "") + "***, expiresAt=" + expiresAt + "]"; }
    }
}
