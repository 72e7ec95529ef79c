package dev.tihuo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies in a plain array (sorted when read), counters, and small helpers for the printed figures. */
final class Stats {

  /** One measurement window: latencies (µs) of answered requests, errors, requests sent. */
  static final class Recorder {
    private final long[] micros;
    private final AtomicInteger n = new AtomicInteger();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong ops = new AtomicLong();
    volatile long startedNanos = System.nanoTime();
    volatile long endedNanos;

    Recorder(int capacity) {
      micros = new long[capacity];
    }

    void latency(long nanos) {
      int i = n.getAndIncrement();
      if (i < micros.length) {
        micros[i] = nanos / 1000;
      }
    }

    int answered() {
      return Math.min(n.get(), micros.length);
    }

    double seconds() {
      return ((endedNanos == 0 ? System.nanoTime() : endedNanos) - startedNanos) / 1e9;
    }

    double requestsPerSecond() {
      return answered() / seconds();
    }

    double opsPerSecond() {
      return ops.get() / seconds();
    }

    /** p50/p90/p99/max in ms. */
    double[] percentiles() {
      long[] s = Arrays.copyOf(micros, answered());
      Arrays.sort(s);
      return Stats.percentiles(s);
    }

    String latencyLine() {
      double[] p = percentiles();
      return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms", p[0], p[1], p[2], p[3]);
    }
  }

  private Stats() {}

  /**
   * The windows of one open-loop rate taken together: percentiles over every answer of all of them (a window's p99
   * says how a stretch of 8 s went, the pooled p99 how the whole run went), and the median of the windows' p99s.
   */
  static String pooled(List<Recorder> windows) {
    long[] all = windows.stream().flatMapToLong(w -> Arrays.stream(w.micros, 0, w.answered())).sorted().toArray();
    if (all.length == 0) {
      return "no answers";
    }
    double[] p = percentiles(all);
    double[] p99s = windows.stream().mapToDouble(w -> w.percentiles()[2]).toArray();
    return String.format("%d windows, %d answers: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; window p99s %s ms,"
        + " median %.1f", windows.size(), all.length, p[0], p[1], p[2], p[3], list(p99s), median(p99s));
  }

  /** p50/p90/p99/max in ms of latencies in µs, sorted; NaN for none. */
  private static double[] percentiles(long[] sorted) {
    int k = sorted.length;
    if (k == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    return new double[] {sorted[k / 2] / 1000.0, sorted[Math.min(k - 1, (int) (k * 0.90))] / 1000.0,
        sorted[Math.min(k - 1, (int) (k * 0.99))] / 1000.0, sorted[k - 1] / 1000.0};
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  static String list(double[] values) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ", ").append(String.format("%.0f", values[i]));
    }
    return b.append(')').toString();
  }

  /**
   * CPU seconds the whole machine has spent busy so far (/proc/stat: every state but idle and iowait, 100 ticks a
   * second). With tihuo's and the harness's own CPU it tells what everything else on the machine took.
   */
  static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < f.length; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** CPU seconds this JVM (the harness: load generator, signer, simulator) has used so far. */
  static double harnessCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " / " + f[1] + " / " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static String machine() {
    StringBuilder b = new StringBuilder();
    b.append("nproc ").append(Runtime.getRuntime().availableProcessors());
    try {
      List<String> mem = Files.readAllLines(Path.of("/proc/meminfo"));
      b.append(", ").append(mem.get(0).replaceAll("\\s+", " "));
    } catch (IOException e) {
      // not Linux
    }
    b.append(", java ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.runtime.version"));
    b.append(", load ").append(loadAverage());
    return b.toString();
  }
}
