package dev.tihuo.adapters.http.merchant;

import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.store.StoreId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The merchant API's keys, from configuration: each key is bound to one merchant account and a role. Only SHA-256
 * digests are kept; a presented key is hashed and compared against every digest with
 * {@link MessageDigest#isEqual} (constant time, no early exit), so timing tells nothing about which key nearly matched.
 * Keys are never logged: {@link Caller#fingerprint()} is the most a log line may show.
 */
public final class ApiKeys {
    /** The shortest key accepted: shorter ones are guessable. */
    public static final int MIN_KEY_LENGTH = 16;

    public enum Role {
        /** Everything of its merchant. */
        ADMIN,
        /** Look up, redeem and cancel at its own stores only. */
        CLERK
    }

    /** What a key may do: a merchant, a role and, for a clerk, the stores it works at. */
    public record Grant(MerchantId merchant, Role role, Set<StoreId> stores) {
        public Grant {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(role, "role");
            stores = stores == null ? Set.of() : Set.copyOf(stores);
            if (role == Role.CLERK && stores.isEmpty()) {
                throw new IllegalArgumentException("a clerk key must name at least one store");
            }
        }

        public static Grant admin(String merchant) {
            return new Grant(new MerchantId(merchant), Role.ADMIN, Set.of());
        }

        public static Grant clerk(String merchant, String... stores) {
            Set<StoreId> ids = new LinkedHashSet<>();
            for (String s : stores) {
                ids.add(new StoreId(s));
            }
            return new Grant(new MerchantId(merchant), Role.CLERK, ids);
        }

        public boolean worksAt(StoreId store) {
            return role == Role.ADMIN || stores.contains(store);
        }
    }

    /** An authenticated request's identity; the fingerprint is a short digest prefix, safe for logs. */
    public record Caller(Grant grant, String fingerprint) {
        public MerchantId merchant() {
            return grant.merchant();
        }

        public boolean isAdmin() {
            return grant.role() == Role.ADMIN;
        }
    }

    private record Entry(byte[] digest, Grant grant) {}

    private final List<Entry> entries;

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the {@code keys} array of the configuration: {@code [{"key": "...", "merchant": "acct", "role": "admin"},
     * {"key_sha256": "<64 hex>", "merchant": "acct", "role": "clerk", "stores": ["s1"]}]}.
     */
    public static ApiKeys fromJson(JsonArray keys) {
        Builder builder = builder();
        if (keys == null) {
            return builder.build();
        }
        for (int i = 0; i < keys.size(); i++) {
            JsonObject k = keys.getJsonObject(i);
            Role role = Role.valueOf(Objects.requireNonNull(k.getString("role"), "keys[" + i + "].role").toUpperCase(Locale.ROOT));
            Set<StoreId> stores = new LinkedHashSet<>();
            JsonArray named = k.getJsonArray("stores", new JsonArray());
            for (int j = 0; j < named.size(); j++) {
                stores.add(new StoreId(named.getString(j)));
            }
            Grant grant = new Grant(new MerchantId(k.getString("merchant")), role, stores);
            if (k.containsKey("key_sha256")) {
                builder.hashed(k.getString("key_sha256"), grant);
            } else {
                builder.key(Objects.requireNonNull(k.getString("key"), "keys[" + i + "].key or key_sha256"), grant);
            }
        }
        return builder.build();
    }

    /** The caller a presented key stands for, if any key matches. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        Grant found = null;
        for (Entry e : entries) {
            // No break: every entry is compared, whichever matches.
            if (MessageDigest.isEqual(digest, e.digest()) && found == null) {
                found = e.grant();
            }
        }
        return found == null ? Optional.empty() : Optional.of(new Caller(found, fingerprint(digest)));
    }

    public int size() {
        return entries.size();
    }

    /** The short fingerprint of a key, as logs show it: the first 8 hex digits of its SHA-256. */
    public static String fingerprint(String key) {
        return fingerprint(sha256(key));
    }

    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static String fingerprint(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, 4);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {}

        public Builder key(String key, Grant grant) {
            if (key == null || key.length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException("API keys must have at least " + MIN_KEY_LENGTH + " characters");
            }
            return add(sha256(key), grant);
        }

        public Builder hashed(String sha256Hex, Grant grant) {
            byte[] digest = HexFormat.of().parseHex(Objects.requireNonNull(sha256Hex, "key_sha256").strip().toLowerCase(Locale.ROOT));
            if (digest.length != 32) {
                throw new IllegalArgumentException("key_sha256 must be 64 hex digits");
            }
            return add(digest, grant);
        }

        private Builder add(byte[] digest, Grant grant) {
            Objects.requireNonNull(grant, "grant");
            for (Entry e : entries) {
                if (MessageDigest.isEqual(e.digest(), digest)) {
                    throw new IllegalArgumentException("the same API key is configured twice");
                }
            }
            entries.add(new Entry(digest, grant));
            return this;
        }

        public ApiKeys build() {
            return new ApiKeys(entries);
        }
    }

    @Override
    public String toString() {
        return "ApiKeys[" + entries.size() + " keys]";
    }
}
