package dev.tihuo.adapters.douyin.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Permanent;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.TokenExpired;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Transient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeReaderTest {
    private final EnvelopeReader reader = new EnvelopeReader(WireJson.mapper());

    private static String envelope(String data, long extra, long sub) {
        return "{\"data\":" + data + ",\"extra\":{\"error_code\":" + extra + ",\"description\":\"\",\"sub_error_code\":" + sub
                + ",\"sub_description\":\"\",\"logid\":\"L1\",\"now\":1}}";
    }

    private Throwable failureReading(Endpoint<?, ?> e, int status, String body) {
        return catchThrowable(() -> reader.read(e, status, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_clean_envelope_is_a_success_and_carries_the_logid() {
        var a = reader.read(Endpoints.O2_REFUND_AUDIT, 200, envelope("{\"error_code\":0,\"description\":\"\",\"new_field\":[1]}", 0, 0).getBytes());
        assertThat(a.logid()).isEqualTo("L1");
        assertThat(a.data().errorCode()).isZero();
    }

    @ParameterizedTest(name = "extra={0} sub={1} data={2} -> {3}")
    @CsvSource({
            "2190008,0,0,TokenExpired", "0,2190002,0,TokenExpired", "0,0,10008,TokenExpired",
            "2100004,0,0,Transient", "0,0,2100004,Transient", "10020,0,0,Transient", "0,2190001,0,Transient",
            "2100005,0,0,Permanent", "0,12345,0,Permanent", "0,0,40004,Permanent", "2190004,0,0,Permanent"})
    void every_error_layer_is_checked_and_classified(long extra, long sub, long data, String kind) {
        Throwable t = failureReading(Endpoints.O2_REFUND_AUDIT, 200, envelope("{\"error_code\":" + data + ",\"description\":\"nope\"}", extra, sub));
        assertThat(t).isInstanceOf(DouyinFailure.class);
        assertThat(t.getClass().getSimpleName()).isEqualTo(kind);
        DouyinFailure f = (DouyinFailure) t;
        assertThat(f.logid()).isEqualTo("L1");
        assertThat(f.codes().first()).isEqualTo(extra != 0 ? extra : sub != 0 ? sub : data);
    }

    @Test
    void a_non_zero_base_resp_status_fails_the_call() {
        String body = "{\"data\":{\"error_code\":0,\"fail_poi_list\":[]},\"BaseResp\":{\"StatusCode\":500,\"StatusMessage\":\"x\"},\"extra\":{\"error_code\":0,\"logid\":\"L2\"}}";
        assertThat(failureReading(Endpoints.O7_POISTOCK_SAVE, 200, body)).isInstanceOf(Permanent.class);
    }

    @Test
    void failed_verify_items_inside_a_successful_envelope_are_a_permanent_failure_naming_the_items() {
        String data = "{\"error_code\":0,\"verify_results\":[{\"result\":0,\"code\":\"A\"},{\"result\":1205,\"msg\":\"used\",\"code\":\"B\"}]}";
        Throwable t = failureReading(Endpoints.O3_CERTIFICATE_VERIFY, 200, envelope(data, 0, 0));
        assertThat(t).isInstanceOf(Permanent.class);
        assertThat(((DouyinFailure) t).itemFailures()).containsExactly(new DouyinFailure.ItemFailure("code:B", "1205", "used"));
    }

    @Test
    void a_verify_answer_without_results_is_not_taken_for_a_success() {
        assertThat(failureReading(Endpoints.O3_CERTIFICATE_VERIFY, 200, envelope("{\"error_code\":0}", 0, 0))).isInstanceOf(Transient.class)
                .hasMessageContaining("verify_results");
    }

    @Test
    void failed_stock_entries_are_transient_so_they_are_sent_again() {
        String data = "{\"error_code\":0,\"fail_poi_list\":[{\"poi\":{\"poi_id\":6601136930455291912},\"product_id\":1,\"sku_id\":1780000000000000101,\"code\":\"9\",\"reason\":\"r\"}]}";
        Throwable t = failureReading(Endpoints.O7_POISTOCK_SAVE, 200, envelope(data, 0, 0));
        assertThat(t).isInstanceOf(Transient.class);
        assertThat(((DouyinFailure) t).itemFailures()).singleElement().extracting(DouyinFailure.ItemFailure::key)
                .isEqualTo("sku:1780000000000000101@poi:6601136930455291912");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "500|<html>oops</html>|Transient", "502||Transient", "503|{}|Transient", "429|slow down|Transient", "408||Transient",
            "400|bad|Permanent", "404|not here|Permanent"})
    void http_status_other_than_200_fails_by_its_class(int status, String body, String kind) {
        assertThat(failureReading(Endpoints.O1_ISSUE_CODE_CALLBACK, status, body == null ? "" : body).getClass().getSimpleName()).isEqualTo(kind);
    }

    @Test
    void an_envelope_error_behind_a_non_200_status_is_classified_by_its_code() {
        assertThat(failureReading(Endpoints.O1_ISSUE_CODE_CALLBACK, 401, envelope("{\"error_code\":0}", 2190008, 0))).isInstanceOf(TokenExpired.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<html>bad gateway</html>", "{\"data\":{\"error_code\":0,", "[1,2]", "\"text\"",
            "{\"extra\":{\"error_code\":0,\"logid\":\"L3\"}}", "{\"data\":[],\"extra\":{\"error_code\":0}}",
            "{\"data\":{\"description\":\"\"},\"extra\":{\"error_code\":0}}",
            "{\"data\":{\"error_code\":\"zero\"},\"extra\":{\"error_code\":0}}",
            "{\"data\":{\"error_code\":0,\"verify_results\":{\"not\":\"a list\"}},\"extra\":{\"error_code\":0}}"})
    void malformed_truncated_or_unexpected_answers_fail_transiently_with_an_excerpt(String body) {
        Throwable t = failureReading(Endpoints.O3_CERTIFICATE_VERIFY, 200, body);
        assertThat(t).isInstanceOf(Transient.class);
        assertThat(t.getMessage()).contains(body.substring(0, Math.min(body.length(), 10)));
    }

    @Test
    void an_empty_answer_fails_transiently() {
        assertThat(failureReading(Endpoints.O2_REFUND_AUDIT, 200, "")).isInstanceOf(Transient.class).hasMessageContaining("empty");
    }

    @Test
    void an_error_code_written_as_text_is_still_read() {
        assertThat(failureReading(Endpoints.O2_REFUND_AUDIT, 200, "{\"data\":{\"error_code\":\"2100004\"},\"extra\":{\"error_code\":0}}"))
                .isInstanceOf(Transient.class);
    }

    @Test
    void an_unreadable_token_answer_does_not_leak_the_token_into_the_message() {
        Throwable t = failureReading(Endpoints.O9_CLIENT_TOKEN, 200, "{\"data\":{\"access_token\":\"clt.SECRET\",\"error_code\":0},\"message\":\"success\"}");
        assertThat(t).isInstanceOf(Transient.class);
        assertThat(t.getMessage()).doesNotContain("clt.SECRET");
    }
}
