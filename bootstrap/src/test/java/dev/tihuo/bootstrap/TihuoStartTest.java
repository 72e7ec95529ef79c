package dev.tihuo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.PlatformState;
import dev.tihuo.simulator.Purchase;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** tihuo started as the jar starts it (H2 in a temp dir, the simulator as Douyin): operator endpoints and metrics. */
class TihuoStartTest {
    @TempDir
    Path dir;

    private DouyinSimulator sim;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void startSimulator() {
        sim = Kit.simulator();
        log.start();
        ((Logger) LoggerFactory.getLogger("dev.tihuo")).addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("dev.tihuo")).detachAppender(log);
        Kit.close(sim);
    }

    @Test
    void health_ready_and_metrics_on_the_internal_port() {
        try (Tihuo tihuo = Tihuo.start(Kit.config(dir, Kit.configJson(sim.baseUrl(), dir.resolve("data"), null)),
                Clock.systemUTC())) {
            sim.client().retarget(Kit.target(tihuo.publicPort()));
            Kit.Api ops = new Kit.Api(tihuo.internalPort(), null);

            assertThat(messages()).anyMatch(m -> m.matches("tihuo ready in \\d+ ms .*"));

            Kit.Api.Answer health = ops.get("/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().getString("status")).isEqualTo("UP");

            Kit.Api.Answer ready = ops.get("/ready");
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            JsonObject checks = ready.json().getJsonObject("checks");
            assertThat(checks.fieldNames()).containsExactly("database", "outbox", "douyin");
            assertThat(checks.getString("database")).startsWith("UP");
            assertThat(checks.getString("outbox")).startsWith("UP");
            assertThat(checks.getString("douyin")).startsWith("UP");

            // merchant API requests, outbound calls (token, G3/G4, O7 stock pushes), then signed SPI calls
            Kit.Catalogue c = Kit.seedCatalogue(new Kit.Api(tihuo.internalPort(), Kit.ADMIN_KEY));
            PlatformState.Order now = Kit.await(sim.journey().buy(
                    Purchase.afterPay(Kit.MERCHANT, Kit.POI_JINGAN, c.nowProductId(), c.nowSkuA(), 2, 1800)));
            PlatformState.Order later = Kit.await(sim.journey().buy(
                    Purchase.afterPay(Kit.MERCHANT, Kit.POI_XUHUI, c.cbProductId(), c.cbSku(), 1, 6800)));
            assertThat(now.status()).isEqualTo(PlatformState.OrderStatus.ISSUED);
            Kit.eventually("the callback (O1) delivered the code", Duration.ofSeconds(20),
                    () -> sim.state().order(later.orderId()).orElseThrow().status() == PlatformState.OrderStatus.ISSUED);

            String metrics = ops.get("/metrics").body();
            assertThat(metrics)
                    .contains("tihuo_outbox_pending ", "tihuo_outbox_parked ", "tihuo_outbox_oldest_age_seconds ",
                            "tihuo_outbox_issue_callback_seconds_left ")
                    .contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ")
                    // S1 and S4 read products and stores through the catalog cache
                    .containsPattern("tihuo_catalog_cache_reads_total\\{cache=\"product_of_sku\",result=\"hit\"} [1-9]")
                    .containsPattern("tihuo_catalog_cache_reads_total\\{cache=\"products\",result=\"miss\"} [1-9]")
                    .containsPattern("tihuo_catalog_cache_size\\{cache=\"store_of_poi\"} [1-9]")
                    // the embedded H2 file: every transaction waited for a write of the file that held it
                    .containsPattern("tihuo_h2_group_commit_transactions_total [1-9]")
                    .containsPattern("tihuo_h2_file_writes_seconds_count [1-9]")
                    .containsPattern("tihuo_h2_file_writes_seconds_sum [0-9.]*[1-9]")
                    // tihuo compacts the file itself (a young file has no sparse chunk old enough yet: 0 is fine)
                    .containsPattern("tihuo_h2_compaction_steps_seconds_count \\d")
                    // SPI routes: counts, latency histogram buckets, the answered error code
                    .containsPattern("tihuo_spi_requests_seconds_bucket\\{[^}]*outcome=\"0\"[^}]*route=\"S1\"")
                    .containsPattern("tihuo_spi_requests_seconds_count\\{[^}]*route=\"S4\"[^}]*} 2")
                    // Vert.x HTTP server metrics with route labels (merchant API and SPI)
                    .containsPattern("vertx_http_server_requests_total\\{[^}]*route=\"[^\"]*/api/v1/products/:productOutId")
                    .containsPattern("vertx_http_server_response_time_seconds_bucket\\{[^}]*route=\"[^\"]*/spi/orders/create")
                    // outbound: token refreshes, Douyin calls by API (O1 callback, O7 stock pushes), latency buckets
                    .containsPattern("tihuo_douyin_token_refreshes_total\\{[^}]*outcome=\"ok\"[^}]*} 1\\.0")
                    .containsPattern("tihuo_douyin_calls_seconds_count\\{api=\"O1\",outcome=\"ok\"} 1")
                    .containsPattern("tihuo_douyin_calls_seconds_count\\{api=\"O7\",outcome=\"ok\"} \\d")
                    .containsPattern("tihuo_douyin_calls_seconds_bucket\\{api=\"G3\"");
            // one line per request and per outbound call, with logid, merchant and outcome
            assertThat(messages()).anyMatch(m -> m.startsWith("S1 path=/spi/orders/create logid=")
                    && m.contains("merchant=" + Kit.MERCHANT) && m.contains("outcome=0"));
            assertThat(messages()).anyMatch(m -> m.startsWith("douyin O7 POST") && m.contains("logid=")
                    && m.contains("merchant=" + Kit.MERCHANT) && m.contains("outcome=ok"));
            assertThat(messages()).anyMatch(m -> m.startsWith("POST /api/v1/stores route=/api/v1/stores merchant="
                    + Kit.MERCHANT + " role=admin outcome=201"));
        }
        assertThat(messages()).anyMatch(m -> m.startsWith("tihuo stopped in "));
    }

    private java.util.List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
