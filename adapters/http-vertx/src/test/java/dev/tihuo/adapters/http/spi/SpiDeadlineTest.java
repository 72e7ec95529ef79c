package dev.tihuo.adapters.http.spi;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tihuo.adapters.http.spi.body.CreateOrderReply;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SpiDeadlineTest extends SpiServerTestBase {
    @Override
    SpiSettings settings() {
        return super.settings().withDeadline(Duration.ofMillis(300));
    }

    @Test
    void a_handler_slower_than_the_deadline_answers_100_and_its_late_result_is_dropped() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger requests = (Logger) LoggerFactory.getLogger("dev.tihuo.spi.requests");
        requests.addAppender(log);
        CountDownLatch finished = new CountDownLatch(1);
        fakes.behave(SpiEndpoint.CREATE_ORDER, (q, c) -> {
            Thread.sleep(900);
            finished.countDown();
            return new CreateOrderReply("M-late");
        });
        try {
            long start = System.nanoTime();
            Reply reply = call(SpiEndpoint.CREATE_ORDER, SampleBodies.valid(SpiEndpoint.CREATE_ORDER));
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(reply.errorCode()).isEqualTo(100);
            assertThat(reply.body()).doesNotContain("M-late");
            assertThat(tookMs).isLessThan(850);
            assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100);
            assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("late result (outcome 0) discarded"));
            assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("http=")).hasSize(1);

            fakes.behave(SpiEndpoint.CREATE_ORDER, (q, c) -> new CreateOrderReply("M-fast"));
            assertThat(call(SpiEndpoint.CREATE_ORDER, SampleBodies.valid(SpiEndpoint.CREATE_ORDER))
                    .data().getString("order_out_id")).isEqualTo("M-fast");
        } finally {
            requests.detachAppender(log);
        }
    }

    @Test
    void a_notification_handler_slower_than_the_deadline_also_answers_100() throws Exception {
        fakes.behave(SpiEndpoint.REFUND_NOTIFY, (q, c) -> {
            Thread.sleep(700);
            return null;
        });
        assertThat(call(SpiEndpoint.REFUND_NOTIFY, SampleBodies.valid(SpiEndpoint.REFUND_NOTIFY)).errorCode())
                .isEqualTo(100);
    }
}
