package dev.tihuo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What tihuo itself measured during a phase, read from its {@code /metrics} before and after: the SPI answer times
 * per route (its own histogram, so without the harness's queueing and the loopback), on H2 the writes of the
 * file, and the garbage collector's pauses (every request in flight waits through one). Beside the harness's latencies they tell where a slow answer spent its time.
 */
final class ServerFigures {

  private static final Pattern LINE = Pattern.compile("^([a-zA-Z0-9_:]+)(\\{[^}]*})? ([-0-9.eE+NaInf]+)$");
  private static final Pattern ROUTE = Pattern.compile("route=\"([^\"]*)\"");
  private static final Pattern LE = Pattern.compile("le=\"([^\"]*)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Map<String, Double> values;

  private ServerFigures(Map<String, Double> values) {
    this.values = values;
  }

  /** The counters of tihuo's {@code /metrics} now; empty figures when they cannot be read. */
  static ServerFigures scrape(int internalPort) {
    Map<String, Double> values = new HashMap<>();
    try {
      String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + internalPort + "/metrics"))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
      for (String line : body.split("\n")) {
        Matcher m = LINE.matcher(line);
        if (m.matches() && (m.group(1).startsWith("tihuo_spi_requests_seconds") || m.group(1).startsWith("tihuo_h2_")
            || m.group(1).startsWith("jvm_gc_pause_seconds"))) {
          values.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
      }
    } catch (Exception e) {
      return new ServerFigures(Map.of());
    }
    return new ServerFigures(values);
  }

  /** One line: per SPI route its mean and p99 bucket bound in tihuo, the H2 file writes and the GC pauses between the two. */
  String since(ServerFigures before) {
    if (values.isEmpty() || before.values.isEmpty()) {
      return "server side: /metrics not readable";
    }
    List<String> parts = new ArrayList<>();
    for (String route : new String[] {"S1", "S4"}) {
      double count = delta(before, "tihuo_spi_requests_seconds_count", route);
      if (count > 0) {
        double sum = delta(before, "tihuo_spi_requests_seconds_sum", route);
        parts.add(String.format("%s mean %.1f ms, p99 ≤ %s ms", route, 1000 * sum / count, p99(before, route, count)));
      }
    }
    double writes = delta(before, "tihuo_h2_file_writes_seconds_count", null);
    if (writes > 0) {
      double seconds = delta(before, "tihuo_h2_file_writes_seconds_sum", null);
      double txns = delta(before, "tihuo_h2_group_commit_transactions_total", null);
      parts.add(String.format("H2 file writes %.0f, %.1f writing transactions each, mean write %.2f ms", writes,
          txns / writes, 1000 * seconds / writes));
    }
    double pauses = delta(before, "jvm_gc_pause_seconds_count", null);
    if (pauses > 0) {
      parts.add(String.format("GC pauses %.0f, %.1f ms on average", pauses,
          1000 * delta(before, "jvm_gc_pause_seconds_sum", null) / pauses));
    }
    return "server side: " + String.join("; ", parts);
  }

  /** The upper bound of the histogram bucket where 99 % of the route's answers in the phase fall. */
  private String p99(ServerFigures before, String route, double count) {
    TreeMap<Double, Double> cumulative = new TreeMap<>();
    values.forEach((key, value) -> {
      if (key.startsWith("tihuo_spi_requests_seconds_bucket") && route.equals(first(ROUTE, key))) {
        cumulative.merge(bound(first(LE, key)), value - before.values.getOrDefault(key, 0.0), Double::sum);
      }
    });
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= 0.99 * count) {
        return bucket.getKey().isInfinite() ? "∞" : String.format("%.1f", bucket.getKey() * 1000);
      }
    }
    return "?";
  }

  /** Sum over every label set of {@code name} (for one route when given) of after minus before. */
  private double delta(ServerFigures before, String name, String route) {
    double total = 0;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      String key = e.getKey();
      boolean named = key.equals(name) || key.startsWith(name + "{");
      if (named && (route == null || route.equals(first(ROUTE, key)))) {
        total += e.getValue() - before.values.getOrDefault(key, 0.0);
      }
    }
    return total;
  }

  private static double bound(String le) {
    return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
  }

  private static String first(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }
}
