package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.adapters.persistence.jdbi.OutboxMessage.Draft;
import dev.tihuo.adapters.persistence.jdbi.OutboxMessage.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Contract of {@link Outbox}: claimed with leases, delivered once, stock pushes coalesced. */
abstract class OutboxContract extends DatabaseContract {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private Outbox outbox() {
        return database.outbox();
    }

    private static Draft message(String payload) {
        return Draft.of("acc-1", "verify", payload, at(0));
    }

    private static Draft stockPush(String storeSku, int available, Instant now) {
        return new Draft("acc-1", "poistock_save", null, "{\"available\":" + available + "}", now, now, null,
                "stock:" + storeSku);
    }

    @Test
    void an_appended_message_is_claimed_with_everything_it_carries() {
        long id = outbox().append(message("{\"code\":\"X\"}").withDedupeKey("tok-1").withDeadline(at(600)));

        List<OutboxMessage> claimed = outbox().claimDue(at(1), 10, "node-a", LEASE);

        assertThat(claimed).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.accountId()).isEqualTo("acc-1");
            assertThat(m.kind()).isEqualTo("verify");
            assertThat(m.dedupeKey()).isEqualTo("tok-1");
            assertThat(m.payload()).isEqualTo("{\"code\":\"X\"}");
            assertThat(m.createdAt()).isEqualTo(at(0));
            assertThat(m.deadline()).isEqualTo(at(600));
            assertThat(m.status()).isEqualTo(Status.IN_FLIGHT);
            assertThat(m.claimedBy()).isEqualTo("node-a");
            assertThat(m.claimedUntil()).isEqualTo(at(31));
            assertThat(m.attempts()).isZero();
        });
    }

    @Test
    void appending_the_same_dedupe_key_twice_keeps_one_message() {
        long first = outbox().append(message("a").withDedupeKey("tok-1"));
        long second = outbox().append(message("b").withDedupeKey("tok-1"));

        assertThat(second).isEqualTo(first);
        assertThat(outbox().claimDue(at(1), 10, "node-a", LEASE)).extracting(OutboxMessage::payload).containsExactly("a");
    }

    @Test
    void a_message_is_not_claimed_before_its_time() {
        outbox().append(message("later").notBefore(at(60)));

        assertThat(outbox().claimDue(at(59), 10, "node-a", LEASE)).isEmpty();
        assertThat(outbox().claimDue(at(60), 10, "node-a", LEASE)).hasSize(1);
    }

    @Test
    void the_earliest_deadline_is_claimed_first_then_the_earliest_attempt() {
        outbox().append(message("no deadline, oldest").notBefore(at(-100)));
        outbox().append(message("deadline in 10 min").withDeadline(at(600)));
        outbox().append(message("deadline in 5 min").withDeadline(at(300)));
        outbox().append(message("no deadline, newer").notBefore(at(-50)));

        List<String> order = outbox().claimDue(at(1), 10, "node-a", LEASE).stream().map(OutboxMessage::payload).toList();
        assertThat(order).containsExactly("deadline in 5 min", "deadline in 10 min", "no deadline, oldest", "no deadline, newer");

        // a small batch takes the most urgent ones
        Outbox other = outbox();
        other.append(message("late").withDeadline(at(900)));
        other.append(message("urgent").withDeadline(at(100)));
        assertThat(other.claimDue(at(1), 1, "node-b", LEASE)).extracting(OutboxMessage::payload).containsExactly("urgent");
    }

    @Test
    void a_claimed_message_is_not_claimed_again_until_its_lease_runs_out() {
        long id = outbox().append(message("m"));
        outbox().claimDue(at(0), 10, "node-a", LEASE);

        assertThat(outbox().claimDue(at(29), 10, "node-b", LEASE)).isEmpty();

        List<OutboxMessage> reclaimed = outbox().claimDue(at(31), 10, "node-b", LEASE);
        assertThat(reclaimed).extracting(OutboxMessage::id).containsExactly(id);
        assertThat(reclaimed.get(0).claimedBy()).isEqualTo("node-b");
        assertThat(outbox().markDelivered(id, "node-a", at(32), "log-a")).as("the dead instance's late answer").isFalse();
        assertThat(outbox().markDelivered(id, "node-b", at(32), "log-b")).isTrue();
        assertThat(outbox().find(id)).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(Status.DELIVERED);
            assertThat(m.deliveredAt()).isEqualTo(at(32));
            assertThat(m.lastLogid()).isEqualTo("log-b");
        });
        assertThat(outbox().claimDue(at(100), 10, "node-c", LEASE)).isEmpty();
    }

    @Test
    void a_failed_attempt_is_retried_at_its_next_time_and_can_be_parked_and_retried_by_hand() {
        long id = outbox().append(message("m").withDeadline(at(600)));
        outbox().claimDue(at(0), 10, "node-a", LEASE);

        assertThat(outbox().reschedule(id, "node-a", 1, at(20), "HTTP 503", "log-1")).isTrue();
        assertThat(outbox().claimDue(at(19), 10, "node-a", LEASE)).isEmpty();
        List<OutboxMessage> again = outbox().claimDue(at(20), 10, "node-a", LEASE);
        assertThat(again).singleElement().satisfies(m -> {
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).isEqualTo("HTTP 503");
            assertThat(m.lastLogid()).isEqualTo("log-1");
        });

        assertThat(outbox().park(id, "node-b", "not mine")).isFalse();
        assertThat(outbox().park(id, "node-a", "error_code 2119001: permanent")).isTrue();
        assertThat(outbox().claimDue(at(1000), 10, "node-a", LEASE)).isEmpty();
        assertThat(outbox().listStuck(at(30), 10)).extracting(OutboxMessage::id).containsExactly(id);

        assertThat(outbox().retryNow(id, at(40))).isTrue();
        assertThat(outbox().claimDue(at(40), 10, "node-a", LEASE)).singleElement()
                .satisfies(m -> assertThat(m.attempts()).isZero());
    }

    @Test
    void a_message_past_its_deadline_is_listed_as_stuck() {
        long late = outbox().append(message("late").withDeadline(at(600)));
        outbox().append(message("no deadline"));

        assertThat(outbox().listStuck(at(599), 10)).isEmpty();
        assertThat(outbox().listStuck(at(601), 10)).extracting(OutboxMessage::id).containsExactly(late);
    }

    @Test
    void stock_pushes_for_one_store_and_sku_coalesce_to_the_latest_value() {
        long first = outbox().append(stockPush("s1/sku1", 10, at(0)));
        long second = outbox().append(stockPush("s1/sku1", 9, at(1)));
        long third = outbox().append(stockPush("s1/sku1", 8, at(2)));
        outbox().append(stockPush("s2/sku1", 5, at(2)));

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        List<OutboxMessage> claimed = outbox().claimDue(at(3), 10, "node-a", LEASE);
        assertThat(claimed).extracting(OutboxMessage::coalesceKey, OutboxMessage::payload).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("stock:s1/sku1", "{\"available\":8}"),
                org.assertj.core.groups.Tuple.tuple("stock:s2/sku1", "{\"available\":5}"));
    }

    @Test
    void a_stock_value_changed_while_the_previous_is_in_flight_waits_for_it_then_goes_out() {
        long inFlight = outbox().append(stockPush("s1/sku1", 10, at(0)));
        outbox().claimDue(at(0), 10, "node-a", LEASE);

        long newer = outbox().append(stockPush("s1/sku1", 7, at(1)));
        long newest = outbox().append(stockPush("s1/sku1", 6, at(2)));

        assertThat(newer).isNotEqualTo(inFlight).isEqualTo(newest);
        assertThat(outbox().claimDue(at(3), 10, "node-b", LEASE)).as("waits for the value in flight").isEmpty();

        outbox().markDelivered(inFlight, "node-a", at(4), "log");
        assertThat(outbox().claimDue(at(5), 10, "node-b", LEASE)).extracting(OutboxMessage::payload)
                .containsExactly("{\"available\":6}");
    }

    @Test
    void a_failed_stock_push_with_a_newer_value_waiting_is_superseded() {
        long old = outbox().append(stockPush("s1/sku1", 10, at(0)));
        outbox().claimDue(at(0), 10, "node-a", LEASE);
        long newer = outbox().append(stockPush("s1/sku1", 7, at(1)));

        assertThat(outbox().reschedule(old, "node-a", 1, at(10), "timeout", null)).isTrue();

        assertThat(outbox().find(old)).map(OutboxMessage::status).contains(Status.SUPERSEDED);
        assertThat(outbox().claimDue(at(20), 10, "node-a", LEASE)).extracting(OutboxMessage::id).containsExactly(newer);
    }

    @Test
    void a_failed_stock_push_with_nothing_newer_is_retried_and_still_coalesces() {
        long old = outbox().append(stockPush("s1/sku1", 10, at(0)));
        outbox().claimDue(at(0), 10, "node-a", LEASE);
        outbox().reschedule(old, "node-a", 1, at(10), "timeout", null);

        assertThat(outbox().append(stockPush("s1/sku1", 4, at(5)))).isEqualTo(old);
        assertThat(outbox().claimDue(at(10), 10, "node-a", LEASE)).extracting(OutboxMessage::payload)
                .containsExactly("{\"available\":4}");
    }

    @Test
    void a_message_appended_in_a_failed_unit_of_work_is_never_sent() {
        try {
            database.unitOfWork().run(() -> {
                outbox().append(message("ghost"));
                throw new IllegalStateException("state change failed");
            });
        } catch (IllegalStateException expected) {
            // the message goes with it
        }
        assertThat(outbox().claimDue(at(10), 10, "node-a", LEASE)).isEmpty();
    }

    @Test
    void two_instances_claiming_the_same_outbox_deliver_every_message_exactly_once() {
        int messages = 400;
        for (int i = 0; i < messages; i++) {
            outbox().append(Draft.of("acc-1", "verify", "m" + i, Instant.now()));
        }
        Database second = store.open();
        List<Outbox> instances = List.of(database.outbox(), second.outbox());
        Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        AtomicInteger lostClaims = new AtomicInteger();

        // two instances, two delivery threads each
        Concurrently.run(4, worker -> {
            Outbox mine = instances.get(worker % 2);
            String instanceId = "instance-" + (worker % 2) + "/worker-" + worker;
            int idleRounds = 0;
            while (idleRounds < 3) {
                List<OutboxMessage> batch = mine.claimDue(Instant.now(), 7, instanceId, Duration.ofMinutes(5));
                if (batch.isEmpty()) {
                    idleRounds++;
                    continue;
                }
                idleRounds = 0;
                for (OutboxMessage m : batch) {
                    deliveries.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
                    if (!mine.markDelivered(m.id(), instanceId, Instant.now(), "log")) {
                        lostClaims.incrementAndGet();
                    }
                }
            }
            return null;
        });

        assertThat(deliveries).hasSize(messages);
        List<Long> duplicated = new ArrayList<>();
        deliveries.forEach((id, count) -> {
            if (count.get() != 1) {
                duplicated.add(id);
            }
        });
        assertThat(duplicated).as("messages delivered more than once").isEmpty();
        assertThat(lostClaims).hasValue(0);
        long delivered = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM outbox_message WHERE status = 'DELIVERED'").mapTo(Long.class).one());
        assertThat(delivered).isEqualTo(messages);
    }
}
