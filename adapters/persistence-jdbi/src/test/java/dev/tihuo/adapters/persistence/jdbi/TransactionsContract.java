package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * What the application's UnitOfWorkContract kit does not see of {@link JdbiUnitOfWork}: nested calls share one
 * handle, and a transaction aborted by a deadlock (40001/40P01) is run again.
 */
abstract class TransactionsContract extends DatabaseContract {

    private long count(String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    private void changeStateAndRecordEverything(String id) {
        new JdbiWebhookInbox(database.unitOfWork()).recordFirstDelivery(id, at(0));
        new JdbiTokenStore(database.unitOfWork()).store(id, "t", at(100), "me");
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
        assertThat(count("webhook_inbox") + count("douyin_token")).as("the inner work went with the outer rollback").isZero();
        assertThat(unitOfWork.inProgress()).isFalse();
    }

    @Test
    void a_transaction_chosen_as_deadlock_victim_is_run_again() throws Exception {
        JdbiUnitOfWork unitOfWork = database.unitOfWork();
        JdbiTokenStore tokens = new JdbiTokenStore(unitOfWork);
        tokens.store("row-1", "t", at(100), "me");
        tokens.store("row-2", "t", at(100), "me");
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
        assertThat(version("row-1")).isEqualTo(3);
        assertThat(version("row-2")).isEqualTo(3);
    }

    private long version(String clientKey) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT version FROM douyin_token WHERE client_key = :k")
                .bind("k", clientKey).mapTo(Long.class).one());
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
