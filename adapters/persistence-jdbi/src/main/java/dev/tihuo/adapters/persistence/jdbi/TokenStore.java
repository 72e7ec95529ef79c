package dev.tihuo.adapters.persistence.jdbi;

import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing persistence port for the shared Douyin access token (stand-in until the application's port
 * exists). At most one instance refreshes a token at a time: it must hold the refresh lease.
 */
public interface TokenStore {

    Optional<DouyinToken> current(String clientKey);

    /**
     * Takes the refresh lease of {@code clientKey} for {@code owner} until {@code until}. True when the
     * lease was free, had run out, or was already {@code owner}'s (then it is extended).
     */
    boolean tryAcquireRefresh(String clientKey, String owner, Instant until);

    /** Stores a fresh token, bumps its version and frees the refresh lease. */
    DouyinToken store(String clientKey, String accessToken, Instant expiresAt);

    /** Frees the lease without a new token (the refresh failed), if {@code owner} holds it. */
    boolean releaseRefresh(String clientKey, String owner);
}
