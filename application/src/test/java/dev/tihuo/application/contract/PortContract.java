package dev.tihuo.application.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every port contract: a fresh {@link PortFixture} per test. An adapter's test extends a contract and
 * implements only {@link #newPorts()}.
 */
public abstract class PortContract {
    protected PortFixture ports;

    /** Fresh, empty ports over one database; called before each test. */
    protected abstract PortFixture newPorts() throws Exception;

    @BeforeEach
    void openPorts() throws Exception {
        ports = newPorts();
    }

    @AfterEach
    void closePorts() throws Exception {
        if (ports != null) {
            ports.close();
        }
    }

    protected <T> T inTransaction(Supplier<T> work) {
        return ports.unitOfWork().inTransaction(work);
    }

    protected void inTransaction(Runnable work) {
        ports.unitOfWork().run(work);
    }

    /**
     * Runs {@code threads} tasks released at the same moment and answers what each returned, or the exception it
     * threw (in task order).
     */
    public static List<Object> concurrently(int threads, IntFunction<Object> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                Callable<Object> call = () -> {
                    start.await();
                    try {
                        return task.apply(n);
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError("concurrent run failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
