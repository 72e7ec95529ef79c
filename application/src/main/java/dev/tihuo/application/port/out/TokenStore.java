package dev.tihuo.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing port sharing Douyin's client_token between every instance of one app (D14), with a lease so only one
 * instance fetches a new token at a time.
 */
public interface TokenStore {
    Optional<StoredToken> current(String clientKey);

    /** Takes the refresh lease until {@code until} if nobody else holds it; true when this owner got it. */
    boolean tryAcquireRefresh(String clientKey, String owner, Instant now, Instant until);

    /** Stores a fresh token and releases the lease. */
    void store(String clientKey, String token, Instant expiresAt, String owner);

    record StoredToken(String token, Instant expiresAt) {}
}
