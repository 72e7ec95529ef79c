package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.application.contract.PortContract;
import dev.tihuo.application.memory.RecordingDouyin;
import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.application.port.in.counter.Counter;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.stock.StoreStock;
import dev.tihuo.domain.voucher.VoucherState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Races through the real application services (OrderService, CounterService, OutboxService) on this adapter: the
 * database, not the services, must decide who wins. Pools are sized as a deployment would be (20 connections) with
 * a connection wait long enough for a burst of 1,000 requests to drain.
 */
abstract class ApplicationRacesContract extends DatabaseContract {

    private JdbiTihuo tihuo(RecordingDouyin douyin, long seed) {
        Database db = store.open(config -> config.withMaximumPoolSize(20).withConnectionTimeout(Duration.ofSeconds(120)));
        return new JdbiTihuo(JdbiPersistence.over(db, Clock.systemUTC()), douyin, seed);
    }

    @Test
    void of_1000_concurrent_orders_against_a_stock_of_100_exactly_100_are_created_and_the_rest_refused() {
        JdbiTihuo app = tihuo(new RecordingDouyin(), 1);
        app.openShop(100);

        long started = System.nanoTime();
        List<Object> results = PortContract.concurrently(1000,
                i -> app.orders.create(JdbiTihuo.createOrder("10900000000%08d".formatted(i), 1)));
        long millis = (System.nanoTime() - started) / 1_000_000;

        Map<String, Long> outcomes = results.stream().collect(Collectors.groupingBy(ApplicationRacesContract::outcome,
                Collectors.counting()));
        System.out.printf("[race] %s: 1000 create-order on stock 100 in %d ms: %s%n", store, millis, outcomes);
        assertThat(outcomes).as("no request may be lost to TryAgainLater or an error")
                .containsOnlyKeys("ok", "INSUFFICIENT_STOCK");
        assertThat(outcomes).containsEntry("ok", 100L).containsEntry("INSUFFICIENT_STOCK", 900L);
        StoreStock stock = app.stock();
        assertThat(stock.reserved()).isEqualTo(100);
        assertThat(stock.available()).isZero();
        assertThat(stock.version()).as("one update per reservation after the first save").isEqualTo(101);
        assertThat(count("orders")).isEqualTo(100);
        assertThat(count("vouchers")).isEqualTo(100);
        assertThat(count("idempotency_record")).isEqualTo(100);
        List<OutboxMessage> pushes = app.persistence.outbox().claimDue(Instant.now().plusSeconds(1), 10, "check", Duration.ofMinutes(1));
        assertThat(pushes).as("the stock pushes coalesced into the latest value").singleElement()
                .satisfies(m -> assertThat(((DouyinCall.StockPush) m.call()).available()).isZero());
    }

    @Test
    void of_200_concurrent_redemptions_of_one_code_exactly_one_succeeds() {
        JdbiTihuo app = tihuo(new RecordingDouyin(), 2);
        app.openShop(10);
        app.orders.create(JdbiTihuo.createOrder("1090000000000000001", 1));
        IssueCodes.Answer issued = app.issuing.issue(JdbiTihuo.issueRequest("1090000000000000001"));
        String code = issued.codes().get(0);
        Counter.At at = new Counter.At(JdbiTihuo.MERCHANT, JdbiTihuo.STORE);

        List<Object> results = PortContract.concurrently(200, i -> app.counter.redeem(at, code));

        Map<String, Long> outcomes = results.stream().collect(Collectors.groupingBy(ApplicationRacesContract::outcome,
                Collectors.counting()));
        System.out.printf("[race] %s: 200 redemptions of one code: %s%n", store, outcomes);
        assertThat(results).filteredOn(Counter.Redemption.class::isInstance).hasSize(1);
        assertThat(outcomes.keySet()).as("the losers are told the code is used, not to try again")
                .allSatisfy(k -> assertThat(k).isNotIn("TryAgainLater", "STALE_STATE").doesNotStartWith("error"));
        var order = app.persistence.orders().find(new DouyinOrderId("1090000000000000001")).orElseThrow();
        assertThat(order.voucher(1).state()).isEqualTo(VoucherState.REDEEMED);
        assertThat(order.state()).isEqualTo(OrderState.REDEEMED);
        long verifies = app.persistence.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM outbox_message WHERE kind = 'VERIFY'").mapTo(Long.class).one());
        assertThat(verifies).as("one O3 for the one redemption").isEqualTo(1);
    }

    @Test
    void two_instances_delivering_one_outbox_concurrently_deliver_every_message_exactly_once() {
        RecordingDouyin douyin = new RecordingDouyin();
        JdbiTihuo a = tihuo(douyin, 3);
        JdbiTihuo b = tihuo(douyin, 4);
        Instant created = Instant.now().minusSeconds(1);
        int messages = 400;
        a.persistence.unitOfWork().run(() -> {
            for (int i = 0; i < messages; i++) {
                String id = "73100000000%08d".formatted(i);
                a.persistence.outbox().append(OutboxMessage.of(JdbiTihuo.MERCHANT.value(),
                        new DouyinCall.RefundAudit("1090000000000000001", id, id, true, 0, null, List.of()),
                        "o2:" + id, null, created, null));
            }
        });
        AtomicInteger rounds = new AtomicInteger();

        List<Object> workers = PortContract.concurrently(4, w -> {
            JdbiTihuo instance = w % 2 == 0 ? a : b;
            String owner = (w % 2 == 0 ? "instance-a-" : "instance-b-") + w;
            int delivered = 0;
            for (int idle = 0; idle < 3; ) {
                int n = instance.outbox.deliverDue(owner, 7);
                rounds.incrementAndGet();
                delivered += n;
                idle = n == 0 ? idle + 1 : 0;
            }
            return delivered;
        });

        List<String> sent = douyin.delivered(DouyinCall.RefundAudit.class).stream().map(DouyinCall.RefundAudit::afterSaleId).toList();
        System.out.printf("[race] %s: %d messages, two instances x 2 workers delivered %s in %d claims%n",
                store, messages, workers, rounds.get());
        assertThat(workers).allSatisfy(w -> assertThat(w).isInstanceOf(Integer.class));
        assertThat(workers.stream().mapToInt(w -> (Integer) w).sum()).isEqualTo(messages);
        assertThat(sent).hasSize(messages).doesNotHaveDuplicates();
        assertThat(a.persistence.outbox().backlog().pending()).isZero();
        long delivered = a.persistence.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM outbox_message WHERE status = 'DELIVERED'").mapTo(Long.class).one());
        assertThat(delivered).isEqualTo(messages);
    }

    private long count(String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    static String outcome(Object result) {
        if (result instanceof CreateOrder.Created || result instanceof Counter.Redemption) {
            return "ok";
        }
        if (result instanceof TryAgainLater) {
            return "TryAgainLater";
        }
        if (result instanceof DomainException e) {
            return e.reason().name();
        }
        return "error: " + result;
    }
}
