package dev.tihuo.simulator;

import java.time.Duration;
import java.util.List;

/**
 * Gaps between Douyin's re-sends of one SPI call.
 *
 * <p>S4 (issue code): 10 s, 30 s, 60 s, 120 s, 120 s, 240 s, at most 6 retries, all inside the 10-minute window
 * (spi.md §5.4, generic 三方码 发券 [DOC-SIB]). The other SPIs' schedules are unknown for this solution (README §6
 * question 20); the simulator uses the same gaps for them, which is configurable.
 */
public record RetrySchedule(List<Duration> gaps) {

  public static final RetrySchedule ISSUE_CODE = new RetrySchedule(List.of(
      Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
      Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(240)));

  public static final RetrySchedule NONE = new RetrySchedule(List.of());

  public RetrySchedule {
    gaps = List.copyOf(gaps);
  }

  public int maxRetries() {
    return gaps.size();
  }
}
