package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link TokenStore}: one shared token per app, one refresher at a time (D14). */
abstract class TokenStoreContract extends DatabaseContract {

    private static final String APP = "awx-client-key";
    private MutableClock clock;
    private TokenStore tokens;

    @BeforeEach
    void tokenStore() {
        clock = new MutableClock(T0);
        tokens = database.tokenStore(clock);
    }

    @Test
    void an_app_without_a_token_has_none() {
        assertThat(tokens.current(APP)).isEmpty();
        tokens.tryAcquireRefresh(APP, "node-a", at(30));
        assertThat(tokens.current(APP)).as("a lease is not a token").isEmpty();
    }

    @Test
    void a_stored_token_is_current_and_each_refresh_bumps_its_version() {
        DouyinToken first = tokens.store(APP, "tok-1", at(7200));
        DouyinToken second = tokens.store(APP, "tok-2", at(9000));

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(tokens.current(APP)).contains(new DouyinToken(APP, "tok-2", at(9000), 2));
        assertThat(second.needsRefresh(at(9000 - 16 * 60), Duration.ofMinutes(15))).isFalse();
        assertThat(second.needsRefresh(at(9000 - 15 * 60), Duration.ofMinutes(15))).isTrue();
    }

    @Test
    void the_refresh_lease_is_held_by_one_owner_at_a_time() {
        assertThat(tokens.tryAcquireRefresh(APP, "node-a", at(30))).isTrue();
        assertThat(tokens.tryAcquireRefresh(APP, "node-b", at(30))).isFalse();
        assertThat(tokens.tryAcquireRefresh(APP, "node-a", at(60))).as("the owner extends it").isTrue();

        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.tryAcquireRefresh(APP, "node-b", at(90))).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.tryAcquireRefresh(APP, "node-b", at(90))).as("the lease ran out").isTrue();
        assertThat(tokens.tryAcquireRefresh(APP, "node-a", at(90))).isFalse();
    }

    @Test
    void storing_or_releasing_frees_the_lease() {
        tokens.tryAcquireRefresh(APP, "node-a", at(30));
        tokens.store(APP, "tok-1", at(7200));
        assertThat(tokens.tryAcquireRefresh(APP, "node-b", at(30))).isTrue();

        assertThat(tokens.releaseRefresh(APP, "node-a")).as("not the owner").isFalse();
        assertThat(tokens.releaseRefresh(APP, "node-b")).isTrue();
        assertThat(tokens.tryAcquireRefresh(APP, "node-c", at(30))).isTrue();
    }

    @Test
    void of_many_instances_racing_for_the_lease_exactly_one_wins() {
        List<Database> instances = List.of(database, store.open());
        for (int round = 0; round < 5; round++) {
            String app = APP + "-" + round;
            List<Boolean> won = Concurrently.run(12, i ->
                    instances.get(i % 2).tokenStore(clock).tryAcquireRefresh(app, "node-" + i, at(30)));
            assertThat(won).containsOnlyOnce(true);
        }
    }
}
