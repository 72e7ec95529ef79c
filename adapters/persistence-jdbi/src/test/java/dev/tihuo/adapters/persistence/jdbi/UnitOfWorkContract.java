package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiUnitOfWork}: repositories compose into one transaction; conflicts are retried. */
abstract class UnitOfWorkContract extends DatabaseContract {

    private long count(String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private void changeStateAndRecordEverything(String id) {
        database.idempotencyRecords().saveFirst(new IdempotencyRecord("acc-1", "redeem", id, "f", "ok", at(0)));
        database.outbox().append(OutboxMessage.Draft.of("acc-1", "verify", id, at(0)));
        database.webhookInbox().recordFirstDelivery(id, at(0));
    }

    @Test
    void repositories_called_in_one_unit_of_work_commit_together() {
        database.unitOfWork().run(() -> changeStateAndRecordEverything("a"));

        assertThat(List.of(count("idempotency_record"), count("outbox_message"), count("webhook_inbox")))
                .containsExactly(1L, 1L, 1L);
    }

    @Test
    void a_failure_anywhere_in_the_unit_of_work_rolls_back_every_repository() {
        assertThatThrownBy(() -> database.unitOfWork().run(() -> {
            changeStateAndRecordEverything("a");
            throw new IllegalStateException("domain rule broken");
        })).isInstanceOf(IllegalStateException.class).hasMessage("domain rule broken");

        assertThat(List.of(count("idempotency_record"), count("outbox_message"), count("webhook_inbox")))
                .containsExactly(0L, 0L, 0L);
    }

    @Test
    void nested_units_of_work_join_the_outer_transaction() {
        JdbiUnitOfWork unitOfWork = database.unitOfWork();
        Handle[] handles = new Handle[2];

        assertThatThrownBy(() -> unitOfWork.inTransaction((Handle outer) -> {
            handles[0] = outer;
            unitOfWork.inTransaction((Handle inner) -> {
                handles[1] = inner;
                return null;
            });
            unitOfWork.run(() -> changeStateAndRecordEverything("nested"));
            throw new IllegalStateException("outer fails after the inner one finished");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(handles[1]).isSameAs(handles[0]);
        assertThat(count("outbox_message")).as("the inner work went with the outer rollback").isZero();
        assertThat(unitOfWork.inProgress()).isFalse();
    }

    @Test
    void repositories_outside_a_unit_of_work_commit_on_their_own() {
        changeStateAndRecordEverything("alone");

        assertThat(count("outbox_message")).isEqualTo(1);
    }

    @Test
    void a_transaction_chosen_as_deadlock_victim_is_run_again() throws Exception {
        JdbiUnitOfWork unitOfWork = database.unitOfWork();
        TokenStore tokens = database.tokenStore(new MutableClock(T0));
        tokens.store("row-1", "t", at(100));
        tokens.store("row-2", "t", at(100));
        CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();

        List<String> results = Concurrently.run(2, worker -> unitOfWork.inTransaction((Handle h) -> {
            int attempt = attempts.incrementAndGet();
            String first = worker == 0 ? "row-1" : "row-2";
            String second = worker == 0 ? "row-2" : "row-1";
            touch(h, first);
            if (attempt <= 2) {
                await(bothHoldOneLock);
            }
            touch(h, second);
            return "done by worker " + worker;
        }));

        assertThat(results).containsExactly("done by worker 0", "done by worker 1");
        assertThat(attempts.get()).as("the victim ran again").isGreaterThanOrEqualTo(3);
        assertThat(tokens.current("row-1").orElseThrow().version()).isEqualTo(3);
        assertThat(tokens.current("row-2").orElseThrow().version()).isEqualTo(3);
    }

    private static void touch(Handle handle, String clientKey) {
        handle.createUpdate("UPDATE douyin_token SET version = version + 1 WHERE client_key = :k")
                .bind("k", clientKey)
                .execute();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_conflict_is_recognised_anywhere_in_the_cause_chain() {
        var deadlock = new java.sql.SQLException("deadlock detected", "40P01");
        var serialization = new java.sql.SQLException("could not serialize", "40001");
        var other = new java.sql.SQLException("duplicate key", "23505");

        assertThat(JdbiUnitOfWork.isTransientConflict(new RuntimeException(new RuntimeException(deadlock)))).isTrue();
        assertThat(JdbiUnitOfWork.isTransientConflict(new RuntimeException(serialization))).isTrue();
        assertThat(JdbiUnitOfWork.isTransientConflict(new RuntimeException(other))).isFalse();
    }
}
