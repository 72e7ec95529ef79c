package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contract of {@link IdempotencyRecords}: the first answer for a key wins, for good. */
abstract class IdempotencyRecordsContract extends DatabaseContract {

    private static IdempotencyRecord record(String account, String key, String fingerprint, String answer) {
        return new IdempotencyRecord(account, "create_order", key, fingerprint, answer, at(1));
    }

    @Test
    void an_unknown_key_has_no_record() {
        assertThat(database.idempotencyRecords().find("acc-1", "create_order", "k-1")).isEmpty();
    }

    @Test
    void a_stored_answer_is_found_again_exactly() {
        IdempotencyRecords records = database.idempotencyRecords();
        IdempotencyRecord first = record("acc-1", "k-1", "sha256:aa", "{\"error_code\":0,\"order_out_id\":\"o-1\"}");

        assertThat(records.saveFirst(first)).isEmpty();

        assertThat(records.find("acc-1", "create_order", "k-1")).contains(first);
    }

    @Test
    void a_second_answer_for_the_same_key_is_refused_and_the_first_returned() {
        IdempotencyRecords records = database.idempotencyRecords();
        IdempotencyRecord first = record("acc-1", "k-1", "sha256:aa", "first");
        records.saveFirst(first);

        Optional<IdempotencyRecord> existing = records.saveFirst(record("acc-1", "k-1", "sha256:bb", "second"));

        assertThat(existing).contains(first);
        assertThat(existing.get().answers("sha256:bb")).isFalse();
        assertThat(records.find("acc-1", "create_order", "k-1")).contains(first);
    }

    @Test
    void the_same_key_of_another_account_is_another_record() {
        IdempotencyRecords records = database.idempotencyRecords();
        records.saveFirst(record("acc-1", "k-1", "f", "one"));

        assertThat(records.saveFirst(record("acc-2", "k-1", "f", "two"))).isEmpty();
        assertThat(records.find("acc-2", "create_order", "k-1")).map(IdempotencyRecord::answer).contains("two");
    }

    @Test
    void first_answer_wins_under_sixteen_concurrent_writers_of_the_same_key() {
        IdempotencyRecords records = database.idempotencyRecords();
        for (int round = 0; round < 5; round++) {
            String key = "race-" + round;
            List<String> seen = Concurrently.run(16, writer -> database.unitOfWork().inTransaction(() -> {
                IdempotencyRecord mine = record("acc-1", key, "f", "answer of writer " + writer);
                return records.saveFirst(mine).map(IdempotencyRecord::answer).orElse("stored:" + mine.answer());
            }));

            List<String> winners = seen.stream().filter(s -> s.startsWith("stored:")).toList();
            assertThat(winners).as("writers whose answer was stored").hasSize(1);
            String winner = winners.get(0).substring("stored:".length());
            assertThat(seen).as("every writer sees the winner's answer")
                    .allMatch(s -> s.equals("stored:" + winner) || s.equals(winner));
            assertThat(records.find("acc-1", "create_order", key)).map(IdempotencyRecord::answer).contains(winner);
        }
    }

    @Test
    void a_record_saved_in_a_failed_unit_of_work_is_forgotten() {
        IdempotencyRecords records = database.idempotencyRecords();
        try {
            database.unitOfWork().run(() -> {
                records.saveFirst(record("acc-1", "k-9", "f", "never"));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // the record must go with it
        }
        assertThat(records.find("acc-1", "create_order", "k-9")).isEmpty();
    }
}
