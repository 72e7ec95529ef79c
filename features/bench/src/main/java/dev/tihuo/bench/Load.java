package dev.tihuo.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop (N operations in flight, for throughput) and open-loop (fixed start rate, for latency) drivers. */
final class Load {

  /** One operation (one or more requests); it records its own requests' latencies and errors. */
  interface Op {
    Future<?> run(Stats.Recorder rec, long intendedStartNanos);
  }

  private Load() {}

  /** {@code concurrency} chains, each starting the next operation when the previous ends, for {@code d}. */
  static Stats.Recorder closed(Vertx vertx, int concurrency, Duration d, Op op) throws Exception {
    Stats.Recorder rec = new Stats.Recorder(4_000_000);
    long deadline = System.nanoTime() + d.toNanos();
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicInteger running = new AtomicInteger(concurrency);
    rec.startedNanos = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      vertx.runOnContext(v -> chain(vertx, rec, op, deadline, running, done));
    }
    done.get(d.toSeconds() + 120, TimeUnit.SECONDS);
    rec.endedNanos = System.nanoTime();
    return rec;
  }

  private static void chain(Vertx vertx, Stats.Recorder rec, Op op, long deadline, AtomicInteger running,
      CompletableFuture<Void> done) {
    if (System.nanoTime() >= deadline) {
      if (running.decrementAndGet() == 0) {
        done.complete(null);
      }
      return;
    }
    Future<?> f;
    try {
      f = op.run(rec, System.nanoTime());
    } catch (RuntimeException e) {
      rec.errors.incrementAndGet();
      f = Future.failedFuture(e);
    }
    f.onComplete(ar -> {
      if (ar.succeeded()) {
        rec.ops.incrementAndGet();
      }
      vertx.runOnContext(v -> chain(vertx, rec, op, deadline, running, done)); // never recurse on a completed future
    });
  }

  /**
   * Starts operations at {@code ratePerSecond} (intended start times on a fixed schedule, so a slow server shows in
   * the latency instead of slowing the sender), {@code total} of them; waits for all answers.
   * Operations that would exceed {@code maxInFlight} are counted as errors and not sent.
   */
  static Stats.Recorder open(Vertx vertx, double ratePerSecond, long total, int maxInFlight, Op op) throws Exception {
    Stats.Recorder rec = new Stats.Recorder((int) Math.min(4_000_000, total * 4));
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicLong started = new AtomicLong();
    AtomicLong finished = new AtomicLong();
    AtomicInteger inFlight = new AtomicInteger();
    long t0 = System.nanoTime();
    rec.startedNanos = t0;
    double periodNanos = 1e9 / ratePerSecond;
    Promise<Void> allStarted = Promise.promise();
    vertx.runOnContext(v -> vertx.setPeriodic(1, id -> {
      long now = System.nanoTime();
      long due = Math.min(total, (long) ((now - t0) / periodNanos) + 1);
      while (started.get() < due) {
        long k = started.getAndIncrement();
        long intended = t0 + (long) (k * periodNanos);
        if (inFlight.get() >= maxInFlight) {
          rec.errors.incrementAndGet();
          if (finished.incrementAndGet() == total) {
            done.complete(null);
          }
          continue;
        }
        inFlight.incrementAndGet();
        Future<?> f;
        try {
          f = op.run(rec, intended);
        } catch (RuntimeException e) {
          rec.errors.incrementAndGet();
          f = Future.failedFuture(e);
        }
        f.onComplete(ar -> {
          inFlight.decrementAndGet();
          if (ar.succeeded()) {
            rec.ops.incrementAndGet();
          }
          if (finished.incrementAndGet() == total) {
            done.complete(null);
          }
        });
      }
      if (started.get() >= total) {
        vertx.cancelTimer(id);
        allStarted.tryComplete();
      }
    }));
    done.get((long) (total / ratePerSecond) + 180, TimeUnit.SECONDS);
    rec.endedNanos = System.nanoTime();
    return rec;
  }

  /** Records one SPI answer: latency, and an error unless it is an acceptable answer. */
  static Reply record(Stats.Recorder rec, Reply r, boolean acceptable) {
    rec.sent.incrementAndGet();
    if (r.status() > 0) {
      rec.latency(r.nanos());
    }
    if (!acceptable) {
      rec.errors.incrementAndGet();
    }
    return r;
  }
}
