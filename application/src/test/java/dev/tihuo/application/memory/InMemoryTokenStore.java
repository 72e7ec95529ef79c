package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.TokenStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Secondary adapter for tests: the shared client token and its refresh lease (D14). */
public final class InMemoryTokenStore implements TokenStore, MemoryDatabase.Table {
    private record Lease(String owner, Instant until) {}

    private final MemoryDatabase db;
    private Map<String, StoredToken> tokens = new HashMap<>();
    private Map<String, Lease> leases = new HashMap<>();

    public InMemoryTokenStore() {
        this(new MemoryDatabase());
    }

    public InMemoryTokenStore(MemoryDatabase db) {
        this.db = db;
        db.register(this);
    }

    @Override
    public Optional<StoredToken> current(String clientKey) {
        return db.locked(() -> Optional.ofNullable(tokens.get(clientKey)));
    }

    @Override
    public boolean tryAcquireRefresh(String clientKey, String owner, Instant now, Instant until) {
        Objects.requireNonNull(owner, "owner");
        return db.locked(() -> {
            Lease held = leases.get(clientKey);
            if (held != null && held.until().isAfter(now) && !held.owner().equals(owner)) {
                return false;
            }
            leases.put(clientKey, new Lease(owner, until));
            return true;
        });
    }

    @Override
    public void store(String clientKey, String token, Instant expiresAt, String owner) {
        db.locked(() -> {
            tokens.put(clientKey, new StoredToken(token, expiresAt));
            leases.remove(clientKey);
        });
    }

    @Override
    public Object capture() {
        return List.of(new HashMap<>(tokens), new HashMap<>(leases));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object captured) {
        List<Object> both = (List<Object>) captured;
        tokens = new HashMap<>((Map<String, StoredToken>) both.get(0));
        leases = new HashMap<>((Map<String, Lease>) both.get(1));
    }
}
