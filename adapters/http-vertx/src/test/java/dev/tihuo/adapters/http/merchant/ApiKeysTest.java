package dev.tihuo.adapters.http.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.domain.store.StoreId;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private static final String ADMIN = "admin-key-0123456789";
    private static final String CLERK = "clerk-key-0123456789";

    @Test
    void a_configured_key_stands_for_its_merchant_role_and_stores() {
        ApiKeys keys = ApiKeys.builder().key(ADMIN, ApiKeys.Grant.admin("m1")).key(CLERK, ApiKeys.Grant.clerk("m1", "s1")).build();
        ApiKeys.Caller admin = keys.authenticate(ADMIN).orElseThrow();
        assertThat(admin.isAdmin()).isTrue();
        assertThat(admin.merchant().value()).isEqualTo("m1");
        ApiKeys.Caller clerk = keys.authenticate(CLERK).orElseThrow();
        assertThat(clerk.isAdmin()).isFalse();
        assertThat(clerk.grant().worksAt(new StoreId("s1"))).isTrue();
        assertThat(clerk.grant().worksAt(new StoreId("s2"))).isFalse();
    }

    @Test
    void wrong_empty_and_near_miss_keys_stand_for_nobody() {
        ApiKeys keys = ApiKeys.builder().key(ADMIN, ApiKeys.Grant.admin("m1")).build();
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(ADMIN.substring(1))).isEmpty();
        assertThat(keys.authenticate(ADMIN + " ")).isEmpty();
        assertThat(keys.authenticate(ADMIN.toUpperCase())).isEmpty();
    }

    @Test
    void keys_come_from_configuration_in_plain_or_hashed_form_and_are_never_shown() {
        JsonArray config = new JsonArray("""
                [{"key":"%s","merchant":"m1","role":"admin"},
                 {"key_sha256":"%s","merchant":"m1","role":"clerk","stores":["s1","s2"]}]""".formatted(ADMIN, ApiKeys.sha256Hex(CLERK)));
        ApiKeys keys = ApiKeys.fromJson(config);
        assertThat(keys.size()).isEqualTo(2);
        assertThat(keys.authenticate(CLERK).orElseThrow().grant().stores()).hasSize(2);
        assertThat(keys.toString()).doesNotContain(ADMIN);
        assertThat(keys.authenticate(ADMIN).orElseThrow().toString()).doesNotContain(ADMIN);
        assertThat(ApiKeys.fingerprint(ADMIN)).hasSize(8).isNotEqualTo(ADMIN.substring(0, 8));
    }

    @Test
    void short_duplicate_and_storeless_clerk_keys_are_refused_at_start() {
        assertThatThrownBy(() -> ApiKeys.builder().key("short", ApiKeys.Grant.admin("m1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeys.builder().key(ADMIN, ApiKeys.Grant.admin("m1")).key(ADMIN, ApiKeys.Grant.admin("m2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeys.Grant.clerk("m1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiKeys.builder().hashed("abcd", ApiKeys.Grant.admin("m1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
