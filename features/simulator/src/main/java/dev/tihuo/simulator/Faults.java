package dev.tihuo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Fault injection for the OpenAPI side, driven by tests (or {@code POST /_sim/faults}).
 *
 * <p>A path is an exact OpenAPI path such as {@code /goodlife/v1/compre_retail/fulfilment/certificate/verify/}, or
 * {@link #ANY_PATH}. "Next N" faults are consumed first, in the order they were added; then a path fault that is
 * still within its time window (measured on the {@link SimClock}) applies.
 */
public final class Faults {

  public static final String ANY_PATH = "*";

  private record Countdown(String path, FaultKind kind, int[] remaining) {}

  private record Window(String path, FaultKind kind, Instant until) {}

  private final SimClock clock;
  private final List<Countdown> countdowns = new ArrayList<>();
  private final List<Window> windows = new ArrayList<>();

  Faults(SimClock clock) {
    this.clock = clock;
  }

  /** The next {@code n} calls to {@code path} (or to any path) get {@code kind}. */
  public synchronized Faults failNext(String path, int n, FaultKind kind) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive");
    }
    countdowns.add(new Countdown(path, kind, new int[] {n}));
    return this;
  }

  /** Every call to {@code path} gets {@code kind} until {@code duration} of simulator time has passed. */
  public synchronized Faults failPathFor(String path, Duration duration, FaultKind kind) {
    windows.add(new Window(path, kind, clock.instant().plus(duration)));
    return this;
  }

  public synchronized void clear() {
    countdowns.clear();
    windows.clear();
  }

  /** Decides (and consumes) the fault for one incoming call. */
  synchronized Optional<FaultKind> take(String path) {
    for (Iterator<Countdown> it = countdowns.iterator(); it.hasNext(); ) {
      Countdown c = it.next();
      if (matches(c.path(), path)) {
        if (--c.remaining()[0] <= 0) {
          it.remove();
        }
        return Optional.of(c.kind());
      }
    }
    Instant now = clock.instant();
    windows.removeIf(w -> !now.isBefore(w.until()));
    return windows.stream().filter(w -> matches(w.path(), path)).map(Window::kind).findFirst();
  }

  private static boolean matches(String pattern, String path) {
    return ANY_PATH.equals(pattern) || pattern.equals(path);
  }
}
