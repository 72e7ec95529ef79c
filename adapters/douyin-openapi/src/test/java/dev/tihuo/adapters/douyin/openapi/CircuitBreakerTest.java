package dev.tihuo.adapters.douyin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.adapters.douyin.openapi.DouyinDouble.Fault;
import dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** While Douyin keeps failing, calls fail fast as Transient("circuit open"); after the wait a few probes decide. */
class CircuitBreakerTest extends DouyinTestBase {
    private static final String O2 = "/goodlife/v1/compre_retail/order/refund/audit/";

    @BeforeEach
    void smallCircuit() {
        givenStoredToken("clt.live", Duration.ofHours(2));
        client = newClient(settings().withCircuit(new DouyinOpenApiConfig.Circuit(50f, 4, 4, Duration.ofSeconds(30), 2)));
    }

    private Throwable call() throws Exception {
        try {
            await(client.auditRefund(new ThirdPartyCode.RefundAuditRequest("1", "AS-1", null, ThirdPartyCode.APPROVE, null, null, null, null)));
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    @Test
    void the_circuit_opens_after_transient_failures_then_half_opens_and_closes() throws Exception {
        douyin.failNext(4, Fault.HTTP_503);
        for (int i = 0; i < 4; i++) assertThat(call()).isInstanceOf(DouyinFailure.Transient.class);
        assertThat(client.http().breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        int before = douyin.requestsTo(O2).size();
        assertThat(call()).isInstanceOf(DouyinFailure.Transient.class).hasMessageContaining("circuit open");
        assertThat(douyin.requestsTo(O2)).hasSize(before);

        clock.advance(Duration.ofSeconds(31));
        assertThat(call()).isNull();
        assertThat(client.http().breaker().getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(call()).isNull();
        assertThat(client.http().breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void a_failing_probe_opens_the_circuit_again() throws Exception {
        douyin.failNext(4, Fault.BUSY_2100004);
        for (int i = 0; i < 4; i++) call();
        clock.advance(Duration.ofSeconds(31));
        douyin.failNext(2, Fault.DROP);
        assertThat(call()).isInstanceOf(DouyinFailure.Transient.class);
        assertThat(call()).isInstanceOf(DouyinFailure.Transient.class);
        assertThat(client.http().breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void business_refusals_do_not_open_the_circuit() throws Exception {
        for (int i = 0; i < 6; i++) douyin.scriptNext(O2, "{\"data\":{\"error_code\":40004,\"description\":\"unknown order\"},\"extra\":{\"error_code\":0,\"logid\":\"L\"}}");
        for (int i = 0; i < 6; i++) assertThat(call()).isInstanceOf(DouyinFailure.Permanent.class);
        assertThat(client.http().breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
