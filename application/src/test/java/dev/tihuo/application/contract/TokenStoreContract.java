package dev.tihuo.application.contract;

import static dev.tihuo.application.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.application.port.out.TokenStore;
import dev.tihuo.application.port.out.TokenStore.StoredToken;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of {@link TokenStore} (D14): one shared token per app; the refresh lease has one owner at a time. */
public abstract class TokenStoreContract extends PortContract {
    private static final String APP = "awx-client-key";

    protected TokenStore tokens() {
        return ports.tokens();
    }

    @Test
    void an_app_has_no_token_until_one_is_stored_and_then_the_latest() {
        assertThat(tokens().current(APP)).isEmpty();
        tokens().tryAcquireRefresh(APP, "node-a", at(0), at(30));
        assertThat(tokens().current(APP)).as("a lease is not a token").isEmpty();

        tokens().store(APP, "tok-1", at(7200), "node-a");
        tokens().store(APP, "tok-2", at(9000), "node-a");

        assertThat(tokens().current(APP)).contains(new StoredToken("tok-2", at(9000)));
        assertThat(tokens().current("another-app")).isEmpty();
    }

    @Test
    void the_refresh_lease_is_held_by_one_owner_at_a_time_until_it_runs_out() {
        assertThat(tokens().tryAcquireRefresh(APP, "node-a", at(0), at(30))).isTrue();
        assertThat(tokens().tryAcquireRefresh(APP, "node-b", at(1), at(31))).isFalse();
        assertThat(tokens().tryAcquireRefresh(APP, "node-a", at(2), at(60))).as("the owner extends it").isTrue();
        assertThat(tokens().tryAcquireRefresh(APP, "node-b", at(59), at(90))).isFalse();

        assertThat(tokens().tryAcquireRefresh(APP, "node-b", at(60), at(90))).as("the lease ran out").isTrue();
        assertThat(tokens().tryAcquireRefresh(APP, "node-a", at(61), at(90))).isFalse();
    }

    @Test
    void storing_a_fresh_token_releases_the_lease() {
        tokens().tryAcquireRefresh(APP, "node-a", at(0), at(30));
        tokens().store(APP, "tok-1", at(7200), "node-a");

        assertThat(tokens().tryAcquireRefresh(APP, "node-b", at(1), at(30))).isTrue();
    }

    @Test
    void leases_of_different_apps_are_independent() {
        assertThat(tokens().tryAcquireRefresh(APP, "node-a", at(0), at(30))).isTrue();
        assertThat(tokens().tryAcquireRefresh("another-app", "node-b", at(0), at(30))).isTrue();
    }

    @Test
    void of_many_instances_racing_for_the_lease_exactly_one_wins() {
        for (int round = 0; round < 5; round++) {
            String app = APP + "-" + round;
            List<Object> won = concurrently(12, i -> tokens().tryAcquireRefresh(app, "node-" + i, at(0), at(30)));
            assertThat(won).containsOnly(true, false).filteredOn(Boolean.TRUE::equals).hasSize(1);
        }
    }
}
