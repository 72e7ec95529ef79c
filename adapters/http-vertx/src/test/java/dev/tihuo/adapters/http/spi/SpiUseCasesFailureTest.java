package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tihuo.adapters.http.spi.usecase.SpiErrors;
import dev.tihuo.adapters.http.spi.usecase.SpiUseCases;
import dev.tihuo.application.port.in.IdempotencyConflict;
import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * D16 for what the real services rarely throw: each exception, thrown by a use case behind a real route, gives its
 * code; an unexpected one is 50000 without detail on S1/S4/S5/S7 (logged with the log id) and 100 on the
 * notification SPIs; every business code on a notification SPI is acknowledged with 0.
 */
class SpiUseCasesFailureTest extends SpiDoorTestBase {
    private volatile Supplier<RuntimeException> failure = () -> new IllegalStateException("secret internals");
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @Override
    SpiUseCases door() {
        return new SpiUseCases(c -> { throw failure.get(); }, n -> { throw failure.get(); }, n -> { throw failure.get(); },
                c -> { throw failure.get(); }, a -> { throw failure.get(); }, a -> { throw failure.get(); },
                n -> { throw failure.get(); }, n -> { throw failure.get(); }, c -> { throw failure.get(); });
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(SpiErrors.class)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(SpiErrors.class)).detachAppender(logs);
    }

    private static final Map<SpiEndpoint, JsonObject> BODIES = Map.of(
            SpiEndpoint.CREATE_ORDER, createOrderBody("1090000000000000001", POI_A, DOUYIN_SKU_A, 1),
            SpiEndpoint.ISSUE_CODES, issueBody("1090000000000000001", 1),
            SpiEndpoint.REFUND_APPLY, new JsonObject(SampleBodies.valid(SpiEndpoint.REFUND_APPLY)),
            SpiEndpoint.RETURN_APPLY, new JsonObject(SampleBodies.valid(SpiEndpoint.RETURN_APPLY)),
            SpiEndpoint.PAY_NOTIFY, new JsonObject(SampleBodies.valid(SpiEndpoint.PAY_NOTIFY)),
            SpiEndpoint.CANCEL_NOTIFY, new JsonObject(SampleBodies.valid(SpiEndpoint.CANCEL_NOTIFY)),
            SpiEndpoint.REFUND_NOTIFY, new JsonObject(SampleBodies.valid(SpiEndpoint.REFUND_NOTIFY)),
            SpiEndpoint.RETURN_TIMEOUT_NOTIFY, new JsonObject(SampleBodies.valid(SpiEndpoint.RETURN_TIMEOUT_NOTIFY)));

    private int codeFor(SpiEndpoint endpoint, Supplier<RuntimeException> thrown) throws Exception {
        failure = thrown;
        Reply reply = call(endpoint, BODIES.get(endpoint));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.description()).doesNotContain("secret").doesNotContain("Exception");
        return reply.errorCode();
    }

    @Test
    void every_exception_has_its_d16_code_on_the_spis_that_answer() throws Exception {
        for (SpiEndpoint endpoint : new SpiEndpoint[] {SpiEndpoint.CREATE_ORDER, SpiEndpoint.ISSUE_CODES,
                SpiEndpoint.REFUND_APPLY, SpiEndpoint.RETURN_APPLY}) {
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.UNKNOWN_SKU, "x"))).isEqualTo(40006);
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.UNKNOWN_STORE, "x"))).isEqualTo(40006);
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.INSUFFICIENT_STOCK, "x"))).isEqualTo(40005);
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.UNKNOWN_ORDER, "x"))).isEqualTo(40004);
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.INVALID_VALUE, "count is odd"))).isEqualTo(40003);
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.CODE_MALFORMED, "x"))).isEqualTo(40003);
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.STALE_STATE, "x"))).isEqualTo(100);
            assertThat(codeFor(endpoint, () -> new IdempotencyConflict("op", "key"))).isEqualTo(40009);
            assertThat(codeFor(endpoint, () -> new TryAgainLater("x"))).isEqualTo(100);
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.ILLEGAL_TRANSITION, "secret"))).isEqualTo(50000);
            assertThat(codeFor(endpoint, () -> new IllegalStateException("secret internals"))).isEqualTo(50000);
            assertThat(codeFor(endpoint, () -> new NullPointerException("secret"))).isEqualTo(50000);
        }
    }

    @Test
    void the_40003_description_names_the_problem() throws Exception {
        failure = () -> new DomainException(Reason.INVALID_VALUE, "refund_info_list must name at least one unit");

        Reply reply = call(SpiEndpoint.REFUND_APPLY, BODIES.get(SpiEndpoint.REFUND_APPLY));

        assertThat(reply.errorCode()).isEqualTo(40003);
        assertThat(reply.description()).isEqualTo("invalid request: refund_info_list must name at least one unit");
    }

    @Test
    void an_unexpected_failure_is_logged_with_the_logid() throws Exception {
        failure = () -> new IllegalStateException("secret internals");

        Reply reply = call(SpiEndpoint.CREATE_ORDER, BODIES.get(SpiEndpoint.CREATE_ORDER));

        assertThat(reply.errorCode()).isEqualTo(50000);
        assertThat(reply.description()).isEqualTo("internal error");
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getLevel().toString()).isEqualTo("ERROR");
            assertThat(e.getFormattedMessage()).contains(LOGID).contains("S1");
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("secret internals");
        });
    }

    @Test
    void notification_spis_answer_only_0_or_100() throws Exception {
        for (SpiEndpoint endpoint : new SpiEndpoint[] {SpiEndpoint.PAY_NOTIFY, SpiEndpoint.CANCEL_NOTIFY,
                SpiEndpoint.REFUND_NOTIFY, SpiEndpoint.RETURN_TIMEOUT_NOTIFY}) {
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.UNKNOWN_SKU, "x"))).isZero();
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.INSUFFICIENT_STOCK, "x"))).isZero();
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.UNKNOWN_ORDER, "x"))).isZero();
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.INVALID_VALUE, "x"))).isZero();
            assertThat(codeFor(endpoint, () -> new IdempotencyConflict("op", "key"))).isZero();
            assertThat(codeFor(endpoint, () -> new DomainException(Reason.STALE_STATE, "x"))).isEqualTo(100);
            assertThat(codeFor(endpoint, () -> new TryAgainLater("x"))).isEqualTo(100);
            assertThat(codeFor(endpoint, () -> new IllegalStateException("secret internals"))).isEqualTo(100);
        }
    }

    @Test
    void w1_redelivers_what_may_change_and_acknowledges_what_will_not() throws Exception {
        failure = () -> new TryAgainLater("unknown order");
        assertThat(storeChange("m-1", "1090000000000000001", POI_B).status()).isEqualTo(503);
        failure = () -> new IllegalStateException("boom");
        assertThat(storeChange("m-2", "1090000000000000001", POI_B).status()).isEqualTo(503);
        failure = () -> new DomainException(Reason.INVALID_VALUE, "bad poi");
        Reply acknowledged = storeChange("m-3", "1090000000000000001", POI_B);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.errorCode()).isZero();
    }
}
