package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.application.port.out.TokenStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Secondary adapter: the shared token in table {@code douyin_token}. The refresh lease is a conditional
 * {@code UPDATE} on the app's row (free, run out, or already ours), so it is atomic on both databases; the row is
 * created first with {@code ON CONFLICT DO NOTHING} when the app has none.
 */
public final class JdbiTokenStore implements TokenStore {

    private final JdbiUnitOfWork unitOfWork;

    public JdbiTokenStore(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    @Override
    public Optional<StoredToken> current(String clientKey) {
        return unitOfWork.inTransaction(h -> h.createQuery("""
                        SELECT access_token, expires_at FROM douyin_token
                         WHERE client_key = :clientKey AND access_token IS NOT NULL""")
                .bind("clientKey", clientKey)
                .map((rs, ctx) -> new StoredToken(rs.getString("access_token"), JavaTimeMapping.instant(rs, "expires_at")))
                .findOne());
    }

    @Override
    public boolean tryAcquireRefresh(String clientKey, String owner, Instant now, Instant until) {
        Objects.requireNonNull(owner, "owner");
        return unitOfWork.inTransaction(h -> {
            ensureRow(h, clientKey);
            return h.createUpdate("""
                            UPDATE douyin_token SET refresh_owner = :owner, refreshing_until = :until
                             WHERE client_key = :clientKey
                               AND (refreshing_until IS NULL OR refreshing_until <= :now OR refresh_owner = :owner)""")
                    .bind("owner", owner).bind("until", until).bind("now", now).bind("clientKey", clientKey)
                    .execute() == 1;
        });
    }

    @Override
    public void store(String clientKey, String token, Instant expiresAt, String owner) {
        unitOfWork.inTransaction(h -> {
            ensureRow(h, clientKey);
            return h.createUpdate("""
                            UPDATE douyin_token
                               SET access_token = :token, expires_at = :expiresAt, version = version + 1,
                                   refresh_owner = NULL, refreshing_until = NULL
                             WHERE client_key = :clientKey""")
                    .bind("token", token).bind("expiresAt", expiresAt).bind("clientKey", clientKey)
                    .execute();
        });
    }

    /** Gives the lease up after a failed refresh, if this owner holds it. */
    public boolean releaseRefresh(String clientKey, String owner) {
        return unitOfWork.inTransaction(h -> h.createUpdate("""
                        UPDATE douyin_token SET refresh_owner = NULL, refreshing_until = NULL
                         WHERE client_key = :clientKey AND refresh_owner = :owner""")
                .bind("clientKey", clientKey).bind("owner", owner)
                .execute() == 1);
    }

    private static void ensureRow(Handle handle, String clientKey) {
        handle.createUpdate("INSERT INTO douyin_token (client_key, version) VALUES (:clientKey, 0) ON CONFLICT DO NOTHING")
                .bind("clientKey", clientKey)
                .execute();
    }
}
