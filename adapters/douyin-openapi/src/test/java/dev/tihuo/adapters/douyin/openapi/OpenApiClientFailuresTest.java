package dev.tihuo.adapters.douyin.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.adapters.douyin.openapi.DouyinDouble.Fault;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Permanent;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Transient;
import dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each way a call fails over real HTTP ends as a typed failure, with the logid when Douyin sent one. */
class OpenApiClientFailuresTest extends DouyinTestBase {
    private static final String O1 = "/goodlife/v1/compre_retail/fulfilment/create/callback/";
    private final ThirdPartyCode.IssueCodeCallbackRequest issued = ThirdPartyCode.IssueCodeCallbackRequest.issued("1088812345678901234", "PO-1", List.of("PV1"));

    @BeforeEach
    void token() { givenStoredToken("clt.live", Duration.ofHours(2)); }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = "LOST_ANSWER", mode = EnumSource.Mode.EXCLUDE)
    void network_and_gateway_faults_are_transient(Fault fault) throws Exception {
        warmUp();
        client = newClient(settings().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)));
        douyin.failNext(1, fault);
        Throwable t = failureOf(client.issueCodeCallback(issued));
        assertThat(t).isInstanceOf(Transient.class);
        assertThat(((DouyinFailure) t).path()).isEqualTo(O1);
        assertThat(douyin.processedKeys(O1)).isEmpty();
        // and the next call, once Douyin is well again, goes through
        assertThat(await(client.issueCodeCallback(issued)).logid()).startsWith("LOG-");
    }

    /** A cold JVM can take longer than a short read timeout for its first exchange. */
    private void warmUp() throws Exception {
        await(client.queryCertificates(dev.tihuo.adapters.douyin.openapi.dto.Certificates.Query.byOrder("warm-up")));
    }

    @Test
    void system_busy_keeps_its_code_and_logid() throws Exception {
        douyin.failNext(1, Fault.BUSY_2100004);
        DouyinFailure f = (DouyinFailure) failureOf(client.issueCodeCallback(issued));
        assertThat(f).isInstanceOf(Transient.class);
        assertThat(f.codes().extraErrorCode()).isEqualTo(2100004);
        assertThat(f.logid()).startsWith("LOG-");
    }

    @Test
    void a_business_error_in_data_is_permanent_with_description_and_logid() throws Exception {
        douyin.scriptNext(O1, "{\"data\":{\"error_code\":2100005,\"description\":\"order not found\"},\"extra\":{\"error_code\":0,\"sub_error_code\":0,\"logid\":\"LX-9\"}}");
        DouyinFailure f = (DouyinFailure) failureOf(client.issueCodeCallback(issued));
        assertThat(f).isInstanceOf(Permanent.class);
        assertThat(f.logid()).isEqualTo("LX-9");
        assertThat(f.getMessage()).contains("2100005").contains("order not found");
        assertThat(f.summary()).contains(O1).contains("LX-9");
    }

    @Test
    void a_sub_error_code_alone_fails_the_call() throws Exception {
        douyin.scriptNext(O1, "{\"data\":{\"error_code\":0},\"extra\":{\"error_code\":0,\"sub_error_code\":28001008,\"sub_description\":\"no permission\",\"logid\":\"LX-1\"}}");
        DouyinFailure f = (DouyinFailure) failureOf(client.issueCodeCallback(issued));
        assertThat(f).isInstanceOf(Permanent.class);
        assertThat(f.codes().extraSubErrorCode()).isEqualTo(28001008);
        assertThat(f.codes().description()).isEqualTo("no permission");
    }

    @Test
    void a_non_200_answer_with_a_json_body_is_transient_for_5xx() throws Exception {
        douyin.scriptNext(O1, "HTTP 502 {\"message\":\"bad gateway\"}");
        assertThat(failureOf(client.issueCodeCallback(issued))).isInstanceOf(Transient.class).hasMessageContaining("HTTP 502");
    }

    @Test
    void a_request_that_cannot_be_written_fails_permanently_without_a_call() throws Exception {
        var bad = new dev.tihuo.adapters.douyin.openapi.dto.PoiStock.SaveRequest("not-a-number", "1", List.of(
                new dev.tihuo.adapters.douyin.openapi.dto.PoiStock.Entry("1", "2", dev.tihuo.adapters.douyin.openapi.dto.PoiStock.StockPoi.ours("S"), 1)));
        assertThat(failureOf(client.saveStoreStock(bad))).isInstanceOf(Permanent.class).hasMessageContaining("not-a-number");
        assertThat(douyin.requestsTo("/goodlife/v1/goods/pickupcoupon/poistock/save/")).isEmpty();
    }
}
