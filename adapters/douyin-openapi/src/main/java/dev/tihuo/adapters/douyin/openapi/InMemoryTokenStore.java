package dev.tihuo.adapters.douyin.openapi;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link TokenStore} for one process (tests, single-instance runs): one token and one lease per app. */
public final class InMemoryTokenStore implements TokenStore {
    private final Clock clock;
    private final Map<String, StoredToken> tokens = new HashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();

    private record Lease(String owner, Instant until) {}

    public InMemoryTokenStore(Clock clock) { this.clock = clock; }

    @Override
    public synchronized Optional<StoredToken> current(String clientKey) {
        return Optional.ofNullable(tokens.get(clientKey));
    }

    @Override
    public synchronized boolean tryAcquireRefresh(String clientKey, String owner, Instant until) {
        Lease held = leases.get(clientKey);
        if (held != null && !held.owner().equals(owner) && clock.instant().isBefore(held.until())) return false;
        leases.put(clientKey, new Lease(owner, until));
        return true;
    }

    @Override
    public synchronized void store(String clientKey, String token, Instant expiresAt) {
        tokens.put(clientKey, new StoredToken(token, expiresAt));
        leases.remove(clientKey);
    }
}
