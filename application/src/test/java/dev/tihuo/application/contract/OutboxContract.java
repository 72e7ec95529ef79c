package dev.tihuo.application.contract;

import static dev.tihuo.application.contract.Samples.T0;
import static dev.tihuo.application.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.MessageKind;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.OutboxMessage.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link Outbox}: every kind of message comes back as appended; due messages are claimed with a lease,
 * by one claimer only, earliest deadline first; failed attempts are rescheduled, parked and retried by hand; stock
 * pushes coalesce while they wait, and a push waits while an older value of the same key is in flight.
 */
public abstract class OutboxContract extends PortContract {
    private static final String MERCHANT = "7000000000000000001";
    private static final Duration LEASE = Duration.ofSeconds(30);

    protected Outbox outbox() {
        return ports.outbox();
    }

    static OutboxMessage stockPush(String poi, int available, Instant now) {
        String key = "stock:" + MERCHANT + ":" + poi + ":SKU-A";
        return OutboxMessage.of(MERCHANT, new DouyinCall.StockPush(MERCHANT, "1800000000000000", "1800000000000001",
                "SKU-A", poi, available), key, key, now, null);
    }

    static OutboxMessage issueCallback(String order, Instant now, Instant deadline) {
        return OutboxMessage.of(MERCHANT, new DouyinCall.IssueCallback(order, true,
                List.of(new DouyinCall.IssuedCode("7300000000000000001", "ABCDEFGHJKMN2"),
                        new DouyinCall.IssuedCode(null, "QWERTYUPASDF3")), null), "o1:" + order, null, now, deadline);
    }

    static OutboxMessage audit(String afterSale, Instant now) {
        return OutboxMessage.of(MERCHANT, new DouyinCall.RefundAudit("1090000000000000001", afterSale, afterSale, false, 1,
                "rejected by the merchant", List.of(new DouyinCall.IssuedCode("7300000000000000001", "ABCDEFGHJKMN2"))),
                "o2:" + afterSale, null, now, null);
    }

    private List<OutboxMessage> claim(Instant now, String owner) {
        return outbox().claimDue(now, 100, owner, LEASE);
    }

    private long onlyClaimedId(Instant now) {
        List<OutboxMessage> claimed = claim(now, "node-a");
        assertThat(claimed).hasSize(1);
        return claimed.get(0).id();
    }

    @Test
    void every_kind_of_message_is_claimed_with_everything_it_carries() {
        List<OutboxMessage> appended = List.of(
                issueCallback("1090000000000000001", T0, at(600)),
                audit("7310000000000000001", T0),
                OutboxMessage.of(MERCHANT, new DouyinCall.Verify("1090000000000000001", "6600000000000000001",
                        "00000000-0000-0000-0000-000000000001", "ABCDEFGHJKMN2", "7300000000000000001", at(-5)),
                        "o3:00000000-0000-0000-0000-000000000001", null, T0, null),
                OutboxMessage.of(MERCHANT, new DouyinCall.CancelVerify("1090000000000000001",
                        "00000000-0000-0000-0000-000000000001", null, "7300000000000000001", "ABCDEFGHJKMN2"),
                        "o4:00000000-0000-0000-0000-000000000001", null, T0, null),
                stockPush("6600000000000000001", 42, T0),
                OutboxMessage.of(MERCHANT, new DouyinCall.ProductSave(MERCHANT, "P-A", null, "矿泉水", 30,
                        List.of(new DouyinCall.SkuSave("SKU-A", null, "500 ml", 3990, 10),
                                new DouyinCall.SkuSave("SKU-B", "1800000000000002", "1 l", 5990, 0)),
                        List.of("6600000000000000001", "6600000000000000002")), "g3:P-A", null, T0, null));
        appended.forEach(outbox()::append);

        List<OutboxMessage> claimed = claim(at(1), "node-a");

        assertThat(claimed).hasSize(appended.size());
        assertThat(claimed).extracting(OutboxMessage::id).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive());
        assertThat(claimed).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(Status.IN_FLIGHT);
            assertThat(m.attempts()).isZero();
            assertThat(outbox().find(m.id())).contains(m);
        });
        assertThat(claimed).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "status")
                .containsExactlyInAnyOrderElementsOf(appended);
    }

    @Test
    void a_message_is_not_claimed_before_its_time() {
        outbox().append(audit("7310000000000000001", at(60)));

        assertThat(claim(at(59), "node-a")).isEmpty();
        assertThat(claim(at(60), "node-a")).hasSize(1);
    }

    @Test
    void the_earliest_deadline_is_claimed_first_and_messages_without_one_after() {
        outbox().append(stockPush("6600000000000000001", 1, T0));
        outbox().append(issueCallback("1090000000000000002", at(1), at(601)));
        outbox().append(audit("7310000000000000001", at(2)));
        outbox().append(issueCallback("1090000000000000003", at(3), at(300)));

        List<OutboxMessage> first = outbox().claimDue(at(10), 1, "node-a", LEASE);
        assertThat(first).singleElement().extracting(OutboxMessage::deadline).isEqualTo(at(300));
        List<OutboxMessage> rest = outbox().claimDue(at(10), 10, "node-a", LEASE);
        assertThat(rest).extracting(m -> m.call().kind().name()).containsExactly("ISSUE_CALLBACK", "STOCK_PUSH", "REFUND_AUDIT");
    }

    @Test
    void a_claimed_message_is_not_claimed_again_until_its_lease_runs_out() {
        outbox().append(audit("7310000000000000001", T0));
        long id = onlyClaimedId(T0);

        assertThat(claim(at(29), "node-b")).isEmpty();
        assertThat(claim(at(31), "node-b")).as("the lease ran out: node-a is presumed dead")
                .extracting(OutboxMessage::id).containsExactly(id);
        assertThat(claim(at(32), "node-c")).isEmpty();
    }

    @Test
    void waiting_messages_and_messages_whose_lease_ran_out_are_claimed_together_earliest_deadline_first() {
        outbox().append(issueCallback("1090000000000000001", T0, at(600)));
        long abandoned = onlyClaimedId(T0); // node-a dies holding it
        outbox().append(issueCallback("1090000000000000002", at(1), at(400)));
        outbox().append(audit("7310000000000000001", at(2)));

        List<OutboxMessage> first = outbox().claimDue(at(31), 2, "node-b", LEASE);

        assertThat(first).as("the two earliest deadlines, one of each way of being due")
                .extracting(OutboxMessage::deadline).containsExactly(at(400), at(600));
        assertThat(first.get(1).id()).isEqualTo(abandoned);
        assertThat(claim(at(31), "node-b")).extracting(m -> m.call().kind().name()).containsExactly("REFUND_AUDIT");
    }

    @Test
    void concurrent_claimers_never_get_the_same_message() {
        for (int i = 0; i < 60; i++) {
            outbox().append(audit("73100000000000%05d".formatted(i), T0));
        }

        List<Object> batches = concurrently(8, n -> {
            List<Long> mine = new ArrayList<>();
            List<OutboxMessage> batch;
            while (!(batch = outbox().claimDue(at(1), 3, "node-" + n, Duration.ofMinutes(5))).isEmpty()) {
                batch.forEach(m -> mine.add(m.id()));
            }
            return mine;
        });

        List<Long> all = new ArrayList<>();
        batches.forEach(b -> {
            assertThat(b).isInstanceOf(List.class);
            ((List<?>) b).forEach(id -> all.add((Long) id));
        });
        assertThat(all).hasSize(60).doesNotHaveDuplicates();
    }

    @Test
    void a_delivered_message_is_never_claimed_again() {
        outbox().append(audit("7310000000000000001", T0));
        long id = onlyClaimedId(T0);

        outbox().markDelivered(id, "logid-1", at(1));

        assertThat(claim(at(1000), "node-b")).isEmpty();
        assertThat(outbox().find(id)).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(Status.DELIVERED);
            assertThat(m.lastLogid()).isEqualTo("logid-1");
        });
        assertThat(outbox().retryNow(id, at(1001))).as("nothing to retry").isFalse();
    }

    @Test
    void a_failed_attempt_is_counted_and_retried_at_its_next_time() {
        outbox().append(audit("7310000000000000001", T0));
        long id = onlyClaimedId(T0);

        outbox().reschedule(id, at(20), "timeout", "logid-7");

        assertThat(outbox().find(id)).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(Status.PENDING);
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).isEqualTo("timeout");
            assertThat(m.lastLogid()).isEqualTo("logid-7");
            assertThat(m.nextAttemptAt()).isEqualTo(at(20));
        });
        assertThat(claim(at(19), "node-a")).isEmpty();
        assertThat(claim(at(20), "node-b")).extracting(OutboxMessage::id).containsExactly(id);
    }

    @Test
    void a_parked_message_waits_for_an_operator_who_can_retry_it_now() {
        outbox().append(audit("7310000000000000001", T0));
        long id = onlyClaimedId(T0);

        outbox().park(id, "Douyin refused: 2100005", "logid-9");

        assertThat(claim(at(10_000), "node-a")).isEmpty();
        assertThat(outbox().find(id)).hasValueSatisfying(m -> {
            assertThat(m.status()).isEqualTo(Status.PARKED);
            assertThat(m.lastError()).isEqualTo("Douyin refused: 2100005");
        });
        assertThat(outbox().stuck(100, 10)).extracting(OutboxMessage::id).containsExactly(id);

        assertThat(outbox().retryNow(id, at(10_001))).isTrue();
        assertThat(outbox().find(id)).map(OutboxMessage::status).contains(Status.PENDING);
        assertThat(claim(at(10_001), "node-a")).extracting(OutboxMessage::id).containsExactly(id);
        assertThat(outbox().retryNow(999_999, at(10_002))).as("no such message").isFalse();
    }

    @Test
    void a_waiting_message_can_be_brought_forward_by_hand() {
        outbox().append(audit("7310000000000000001", T0));
        long id = onlyClaimedId(T0);
        outbox().reschedule(id, at(3600), "timeout", null);

        assertThat(outbox().retryNow(id, at(5))).isTrue();

        assertThat(claim(at(5), "node-a")).extracting(OutboxMessage::id).containsExactly(id);
    }

    @Test
    void a_message_waiting_for_another_ones_answer_is_woken_by_its_kind_and_key_only_while_pending() {
        String key = DouyinCall.CancelVerify.dedupeKey("00000000-0000-0000-0000-000000000001");
        outbox().append(OutboxMessage.of(MERCHANT, new DouyinCall.CancelVerify("1090000000000000001",
                "00000000-0000-0000-0000-000000000001", null, "7300000000000000001", "ABCDEFGHJKMN2"), key, null, T0, null));
        long id = onlyClaimedId(T0);

        assertThat(outbox().wake(MessageKind.CANCEL_VERIFY, key, at(1))).as("in flight: left alone").isZero();
        outbox().reschedule(id, at(3600), "waiting for the verification record (O3)", null);
        assertThat(outbox().wake(MessageKind.VERIFY, key, at(2))).as("another kind").isZero();
        assertThat(outbox().wake(MessageKind.CANCEL_VERIFY, "o4:someone-else", at(2))).as("another key").isZero();
        assertThat(claim(at(2), "node-a")).isEmpty();

        assertThat(outbox().wake(MessageKind.CANCEL_VERIFY, key, at(2))).isEqualTo(1);

        assertThat(outbox().find(id)).hasValueSatisfying(m -> {
            assertThat(m.nextAttemptAt()).isEqualTo(at(2));
            assertThat(m.attempts()).as("a wake-up is not an attempt").isEqualTo(1);
        });
        assertThat(claim(at(2), "node-a")).extracting(OutboxMessage::id).containsExactly(id);
        outbox().markDelivered(id, "logid-1", at(3));
        assertThat(outbox().wake(MessageKind.CANCEL_VERIFY, key, at(4))).as("delivered: left alone").isZero();
        assertThat(outbox().find(id)).map(OutboxMessage::status).contains(Status.DELIVERED);
    }

    @Test
    void messages_that_keep_failing_and_parked_ones_are_stuck() {
        outbox().append(audit("7310000000000000001", T0));
        outbox().append(audit("7310000000000000002", T0));
        outbox().append(audit("7310000000000000003", T0));
        List<Long> ids = claim(T0, "node-a").stream().map(OutboxMessage::id).sorted().toList();
        for (int attempt = 1; attempt <= 3; attempt++) {
            outbox().reschedule(ids.get(0), at(attempt), "timeout " + attempt, null);
            claim(at(attempt), "node-a");
        }
        outbox().park(ids.get(1), "refused", null);
        outbox().markDelivered(ids.get(2), "logid", at(1));

        assertThat(outbox().stuck(3, 10)).extracting(OutboxMessage::id).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(outbox().stuck(4, 10)).extracting(OutboxMessage::id).containsExactly(ids.get(1));
        assertThat(outbox().stuck(1, 1)).hasSize(1);
    }

    @Test
    void the_backlog_counts_waiting_and_parked_messages_and_names_the_oldest_and_the_nearest_deadline() {
        assertThat(outbox().backlog()).isEqualTo(new Outbox.Backlog(0, 0, null, null));
        outbox().append(audit("7310000000000000001", at(5)));
        outbox().append(issueCallback("1090000000000000001", at(10), at(610)));
        outbox().append(issueCallback("1090000000000000002", at(20), at(620)));
        outbox().append(audit("7310000000000000002", at(1)));
        outbox().append(audit("7310000000000000003", at(2)));
        List<OutboxMessage> claimed = outbox().claimDue(at(30), 5, "node-a", LEASE);
        long parked = claimed.stream().filter(m -> m.createdAt().equals(at(1))).findFirst().orElseThrow().id();
        long delivered = claimed.stream().filter(m -> m.createdAt().equals(at(2))).findFirst().orElseThrow().id();
        long sent = claimed.stream().filter(m -> at(610).equals(m.deadline())).findFirst().orElseThrow().id();
        outbox().park(parked, "refused", null);
        outbox().markDelivered(delivered, "logid", at(31));
        outbox().markDelivered(sent, "logid", at(31));

        Outbox.Backlog backlog = outbox().backlog();

        assertThat(backlog.pending()).isEqualTo(2);
        assertThat(backlog.parked()).isEqualTo(1);
        assertThat(backlog.oldestPendingAt()).isEqualTo(at(5));
        assertThat(backlog.nearestDeadline()).isEqualTo(at(620));
    }

    @Test
    void waiting_stock_pushes_of_one_store_and_sku_coalesce_to_the_latest_value() {
        outbox().append(stockPush("6600000000000000001", 10, T0));
        outbox().append(stockPush("6600000000000000001", 9, at(1)));
        outbox().append(stockPush("6600000000000000002", 5, at(1)));
        outbox().append(stockPush("6600000000000000001", 8, at(2)));

        List<OutboxMessage> claimed = claim(at(3), "node-a");

        assertThat(claimed).hasSize(2);
        assertThat(claimed.stream().collect(Collectors.toMap(m -> ((DouyinCall.StockPush) m.call()).poiId(),
                m -> ((DouyinCall.StockPush) m.call()).available())))
                .containsEntry("6600000000000000001", 8).containsEntry("6600000000000000002", 5);
        assertThat(outbox().backlog().pending()).isEqualTo(2);
    }

    @Test
    void a_stock_value_changed_while_the_previous_is_in_flight_goes_out_after_it() {
        outbox().append(stockPush("6600000000000000001", 10, T0));
        long first = onlyClaimedId(T0);
        outbox().append(stockPush("6600000000000000001", 9, at(1)));
        outbox().append(stockPush("6600000000000000001", 7, at(2)));

        assertThat(claim(at(3), "node-b")).as("waits for the value in flight").isEmpty();
        outbox().markDelivered(first, "logid", at(4));

        assertThat(claim(at(5), "node-b")).singleElement()
                .satisfies(m -> assertThat(((DouyinCall.StockPush) m.call()).available()).isEqualTo(7));
    }

    @Test
    void a_stock_push_after_the_previous_one_was_delivered_is_sent_too() {
        outbox().append(stockPush("6600000000000000001", 10, T0));
        outbox().markDelivered(onlyClaimedId(T0), "logid", at(1));

        outbox().append(stockPush("6600000000000000001", 9, at(2)));

        assertThat(claim(at(3), "node-a")).singleElement()
                .satisfies(m -> assertThat(((DouyinCall.StockPush) m.call()).available()).isEqualTo(9));
    }

    @Test
    void messages_without_a_coalesce_key_never_coalesce() {
        outbox().append(audit("7310000000000000001", T0));
        outbox().append(audit("7310000000000000002", T0));

        assertThat(claim(at(1), "node-a")).hasSize(2);
    }

    @Test
    void a_message_appended_in_a_failed_unit_of_work_is_never_sent() {
        assertThatThrownBy(() -> inTransaction(() -> {
            outbox().append(audit("7310000000000000001", T0));
            throw new IllegalStateException("the state change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(claim(at(10), "node-a")).isEmpty();
        assertThat(outbox().backlog().pending()).isZero();
    }
}
