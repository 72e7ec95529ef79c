package dev.tihuo.adapters.douyin.openapi;

import dev.tihuo.application.port.out.TokenStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only {@link TokenStore}: one token and one lease per app, in memory. To be replaced by the application
 * test-jar's {@code dev.tihuo.application.memory.InMemoryTokenStore} once it exists.
 */
final class InMemoryTokenStore implements TokenStore {
    private final Map<String, StoredToken> tokens = new HashMap<>();
    private final Map<String, Lease> leases = new HashMap<>();

    private record Lease(String owner, Instant until) {}

    InMemoryTokenStore() {}

    /** Kept for the wire tests' constructor calls; time comes from the port's {@code now} argument. */
    InMemoryTokenStore(java.time.Clock ignored) {}

    @Override
    public synchronized Optional<StoredToken> current(String clientKey) {
        return Optional.ofNullable(tokens.get(clientKey));
    }

    @Override
    public synchronized boolean tryAcquireRefresh(String clientKey, String owner, Instant now, Instant until) {
        Lease held = leases.get(clientKey);
        if (held != null && !held.owner().equals(owner) && now.isBefore(held.until())) return false;
        leases.put(clientKey, new Lease(owner, until));
        return true;
    }

    @Override
    public synchronized void store(String clientKey, String token, Instant expiresAt, String owner) {
        tokens.put(clientKey, new StoredToken(token, expiresAt));
        leases.remove(clientKey);
    }
}
