package dev.tihuo.adapters.douyin.openapi;

import dev.tihuo.application.port.out.TokenStore;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.adapters.douyin.openapi.DouyinDouble.Fault;
import dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** D14: one token per app, refreshed ahead of expiry or at once when refused, never more than one fetch at a time. */
class ClientTokensTest extends DouyinTestBase {
    private static final String O2 = "/goodlife/v1/compre_retail/order/refund/audit/";

    private Future<Answer<dev.tihuo.adapters.douyin.openapi.dto.Ack>> audit(int i) {
        return client.auditRefund(new ThirdPartyCode.RefundAuditRequest("1088812345678901234", "AS-" + i, null, ThirdPartyCode.APPROVE, null, null, null, null));
    }

    @Test
    void the_first_call_fetches_a_token_and_the_next_ones_reuse_it() throws Exception {
        await(audit(1));
        await(audit(2));
        assertThat(douyin.tokenFetches.get()).isEqualTo(1);
        assertThat(douyin.requestsTo(O2)).extracting(r -> r.header("access-token")).containsOnly("clt.double-1");
        assertThat(counter("tihuo.douyin.token.refreshes", "outcome", "ok")).isEqualTo(1);
    }

    @ParameterizedTest(name = "refused with {0}")
    @ValueSource(longs = {2190002, 2190008, 10008})
    void a_refused_token_is_renewed_at_once_and_the_call_retried_once(long code) throws Exception {
        givenStoredToken("clt.old", Duration.ofHours(1));
        douyin.revokeTokens(code);
        var a = await(audit(1));
        assertThat(a.logid()).startsWith("LOG-");
        assertThat(douyin.tokenFetches.get()).isEqualTo(1);
        assertThat(douyin.requestsTo(O2)).extracting(r -> r.header("access-token")).containsExactly("clt.old", "clt.double-1");
        assertThat(store.current(KEY)).get().extracting(TokenStore.StoredToken::token).isEqualTo("clt.double-1");
    }

    @Test
    void a_token_refused_again_after_renewal_fails_as_token_expired_without_looping() throws Exception {
        givenStoredToken("clt.old", Duration.ofHours(1));
        douyin.revokeTokens(2190008);
        douyin.scriptNext(O2, "{\"data\":{\"error_code\":0},\"extra\":{\"error_code\":2190008,\"logid\":\"L1\"}}");
        douyin.scriptNext(O2, "{\"data\":{\"error_code\":0},\"extra\":{\"error_code\":2190008,\"logid\":\"L2\"}}");
        assertThat(failureOf(audit(1))).isInstanceOf(DouyinFailure.TokenExpired.class);
        assertThat(douyin.requestsTo(O2)).hasSize(2);
        assertThat(douyin.tokenFetches.get()).isEqualTo(1);
    }

    @Test
    void a_hundred_concurrent_calls_with_an_expired_token_cause_exactly_one_fetch() throws Exception {
        store.store(KEY, "clt.expired", now().minusSeconds(5), "test");
        List<Future<?>> calls = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> calls.add(audit(i)));
        for (Future<?> f : calls) await(f);
        assertThat(douyin.tokenFetches.get()).isEqualTo(1);
        assertThat(douyin.requestsTo(O2)).hasSize(100).extracting(r -> r.header("access-token")).containsOnly("clt.double-1");
    }

    @Test
    void a_hundred_concurrent_calls_refused_for_their_token_cause_exactly_one_fetch() throws Exception {
        givenStoredToken("clt.old", Duration.ofHours(1));
        await(audit(0));
        douyin.revokeTokens(2190008);
        List<Future<?>> calls = new ArrayList<>();
        IntStream.range(1, 101).forEach(i -> calls.add(audit(i)));
        for (Future<?> f : calls) await(f);
        assertThat(douyin.tokenFetches.get()).isEqualTo(1);
        assertThat(douyin.processedKeys(O2)).hasSize(101);
    }

    @Test
    void a_token_under_fifteen_minutes_from_expiry_is_refreshed_ahead_while_it_keeps_serving() throws Exception {
        givenStoredToken("clt.old", Duration.ofMinutes(20));
        await(audit(1));
        assertThat(douyin.tokenFetches.get()).isZero();
        clock.advance(Duration.ofMinutes(6)); // 14 minutes left
        await(audit(2));
        waitUntil(() -> counter("tihuo.douyin.token.refreshes", "outcome", "ok") == 1);
        await(audit(3));
        assertThat(douyin.requestsTo(O2)).extracting(r -> r.header("access-token")).containsExactly("clt.old", "clt.old", "clt.double-1");
        assertThat(store.current(KEY)).get().extracting(TokenStore.StoredToken::expiresAt).isEqualTo(now().plusSeconds(7200));
    }

    @Test
    void a_token_that_expired_is_never_sent() throws Exception {
        givenStoredToken("clt.old", Duration.ofMinutes(20));
        await(audit(1));
        clock.advance(Duration.ofMinutes(21));
        await(audit(2));
        assertThat(douyin.requestsTo(O2)).extracting(r -> r.header("access-token")).containsExactly("clt.old", "clt.double-1");
    }

    @Test
    void two_instances_sharing_the_store_fetch_one_token_between_them() throws Exception {
        OpenApiClient other = newClient(settings("instance-2"));
        store.store(KEY, "clt.expired", now().minusSeconds(1), "test");
        douyin.failNextTokenFetch(0, Fault.HANG);
        List<Future<String>> both = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            both.add(client.tokens().current());
            both.add(other.tokens().current());
        }
        for (Future<String> f : both) assertThat(await(f)).isEqualTo("clt.double-1");
        assertThat(douyin.tokenFetches.get()).isEqualTo(1);
    }

    @Test
    void an_instance_that_finds_the_lease_taken_waits_for_the_other_ones_token() throws Exception {
        store.store(KEY, "clt.expired", now().minusSeconds(1), "test");
        assertThat(store.tryAcquireRefresh(KEY, "instance-9", now(), now().plusSeconds(15))).isTrue();
        Future<String> waiting = client.tokens().current();
        Thread.sleep(300);
        assertThat(waiting.isComplete()).isFalse();
        store.store(KEY, "clt.from-instance-9", now().plusSeconds(7200), "test");
        douyin.accept("clt.from-instance-9");
        assertThat(await(waiting)).isEqualTo("clt.from-instance-9");
        assertThat(douyin.tokenFetches.get()).isZero();
    }

    @Test
    void a_rate_limited_token_fetch_is_transient_and_the_next_call_tries_again() throws Exception {
        douyin.scriptNext("/oauth/client_token/", "{\"data\":{\"error_code\":10020,\"description\":\"too often\"},\"message\":\"error\"}");
        assertThat(failureOf(audit(1))).isInstanceOf(DouyinFailure.Transient.class).hasMessageContaining("10020");
        assertThat(counter("tihuo.douyin.token.refreshes", "outcome", "failed")).isEqualTo(1);
        await(audit(2));
        assertThat(douyin.tokenFetches.get()).isEqualTo(1);
    }

    @Test
    void a_wrong_secret_is_permanent() throws Exception {
        douyin.scriptNext("/oauth/client_token/", "{\"data\":{\"error_code\":10013,\"description\":\"client_secret wrong\"},\"message\":\"error\"}");
        assertThat(failureOf(audit(1))).isInstanceOf(DouyinFailure.Permanent.class);
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("condition not met in 5 s");
            Thread.sleep(10);
        }
    }
}
