package dev.tihuo.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The simulator's notion of "now": every Douyin rule that is about time (2 h tokens, 5 min grace, 10 min issue
 * window, 1 h cancel window, 72 h refund auto-approval) is measured on this clock, never on the wall clock.
 *
 * <p>Two modes. {@link #virtual(Instant)} stands still until a test calls {@link #advance(Duration)}.
 * {@link #realTime()} follows the system clock plus an offset, so a demo runs in real time and can still jump
 * ahead. Listeners are told about every jump: that is how tihuo's injected clock is moved together with ours
 * and how the platform notices lapsed deadlines.
 */
public final class SimClock extends Clock {

  private final boolean virtual;
  /** virtual mode: the current epoch millis; real mode: the offset added to the system clock. */
  private final AtomicLong millis;
  private final List<Consumer<Duration>> listeners = new CopyOnWriteArrayList<>();

  private SimClock(boolean virtual, long millis) {
    this.virtual = virtual;
    this.millis = new AtomicLong(millis);
  }

  public static SimClock virtual(Instant start) {
    return new SimClock(true, start.toEpochMilli());
  }

  public static SimClock realTime() {
    return new SimClock(false, 0);
  }

  public boolean isVirtual() {
    return virtual;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(virtual ? millis.get() : System.currentTimeMillis() + millis.get());
  }

  @Override
  public long millis() {
    return instant().toEpochMilli();
  }

  /** Douyin's OpenAPI timestamps (`extra.now`, pay times, validity) are epoch seconds (openapi.md §2.1). */
  public long epochSeconds() {
    return instant().getEpochSecond();
  }

  /** Moves time forward and tells every listener (tihuo's clock link, deadline checks). */
  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("time only moves forward: " + by);
    }
    millis.addAndGet(by.toMillis());
    listeners.forEach(l -> l.accept(by));
  }

  public void onAdvance(Consumer<Duration> listener) {
    listeners.add(listener);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.ofHours(8); // Douyin's servers live in Beijing time
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulator clock has one zone");
  }
}
