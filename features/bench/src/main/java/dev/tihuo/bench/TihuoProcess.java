package dev.tihuo.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * tihuo as a child process ({@code java -Xmx256m -jar bootstrap/target/tihuo.jar}), configured only through
 * {@code TIHUO_…} environment variables, so the harness can read its RSS and CPU from /proc and SIGKILL it.
 */
final class TihuoProcess {

  static final String KEY = "awBENCHCLIENTKEY";
  static final String SECRET = "bench-client-secret-0123456789abcdef";
  static final String ACCOUNT = "7000000000000000001";
  static final String ADMIN_KEY = "bench-admin-key-0123456789";
  static final String CLERK_KEY = "bench-clerk-key-0123456789";

  /** Everything needed to start (and restart on the same data) one tihuo. */
  static final class Spec {
    final Map<String, String> env = new LinkedHashMap<>();
    final List<String> jvmArgs = new ArrayList<>();
    final int publicPort = freePort();
    final int internalPort = freePort();
    final Path logFile;

    Spec(Path workDir, String douyinBaseUrl) {
      this.logFile = workDir.resolve("tihuo.log");
      env.put("TIHUO_LISTENERS_HOST", "127.0.0.1");
      env.put("TIHUO_LISTENERS_PUBLICPORT", Integer.toString(publicPort));
      env.put("TIHUO_LISTENERS_INTERNALPORT", Integer.toString(internalPort));
      env.put("TIHUO_DATABASE_DATADIR", workDir.resolve("data").toString());
      env.put("TIHUO_DOUYIN_BASEURL", douyinBaseUrl);
      env.put("TIHUO_APPS", "[{\"clientKey\":\"" + KEY + "\",\"clientSecret\":\"" + SECRET + "\",\"acceptLegacyMd5\":false}]");
      env.put("TIHUO_MERCHANTS", "[{\"accountId\":\"" + ACCOUNT + "\",\"refundPolicy\":\"standard\"}]");
      env.put("TIHUO_APIKEYS", "[{\"key\":\"" + ADMIN_KEY + "\",\"merchant\":\"" + ACCOUNT + "\",\"role\":\"admin\",\"stores\":[]},"
          + "{\"key\":\"" + CLERK_KEY + "\",\"merchant\":\"" + ACCOUNT + "\",\"role\":\"clerk\",\"stores\":[\"s1\"]}]");
    }

    Spec postgres(String url, String user, String password) {
      env.put("TIHUO_DATABASE_URL", url);
      env.put("TIHUO_DATABASE_USER", user);
      env.put("TIHUO_DATABASE_PASSWORD", password);
      return this;
    }
  }

  final Spec spec;
  final Process process;
  final long startupMillis;

  private TihuoProcess(Spec spec, Process process, long startupMillis) {
    this.spec = spec;
    this.process = process;
    this.startupMillis = startupMillis;
  }

  static TihuoProcess start(Spec spec) throws Exception {
    return start(spec, "/ready");
  }

  /**
   * Starts and waits for {@code probe} to answer 200: {@code /ready} on a fresh start (start-up time); {@code /health}
   * on a restart after SIGKILL, where /ready may say "outbox lagging" (older than 2 min) until the backlog is sent.
   */
  static TihuoProcess start(Spec spec, String probe) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m"));
    cmd.addAll(spec.jvmArgs);
    cmd.addAll(List.of("-jar", jar().toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile.toFile()));
    pb.environment().putAll(spec.env);
    long t0 = System.nanoTime();
    Process p = pb.start();
    // never leave a tihuo behind when the harness stops early (exception, Ctrl-C)
    Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "kill-tihuo-" + p.pid()));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI ready = URI.create("http://127.0.0.1:" + spec.internalPort + probe);
    long deadline = t0 + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("tihuo exited with " + p.exitValue() + "; see " + spec.logFile);
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return new TihuoProcess(spec, p, (System.nanoTime() - t0) / 1_000_000);
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(25);
    }
    p.destroyForcibly();
    throw new IllegalStateException("tihuo was not ready within 90 s; see " + spec.logFile);
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Peak resident set size (VmHWM), in MiB. */
  double peakRssMb() {
    return statusKb("VmHWM:") / 1024.0;
  }

  double rssMb() {
    return statusKb("VmRSS:") / 1024.0;
  }

  private long statusKb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // gone
    }
    return -1;
  }

  /** user + system CPU seconds so far (clock ticks of 1/100 s). */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  void kill9() throws Exception {
    new ProcessBuilder("kill", "-KILL", Long.toString(pid())).inheritIO().start().waitFor();
    process.waitFor(20, TimeUnit.SECONDS);
  }

  /** SIGTERM (graceful close), then waits. */
  void stop() throws Exception {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("bootstrap/pom.xml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("run from inside the tihuo repository");
    }
    return p;
  }

  static Path jar() {
    // bench.jar: another build of tihuo (e.g. a copy of the jar before a change), for alternating A/B runs
    String other = System.getProperty("bench.jar", "");
    Path j = other.isBlank() ? repoRoot().resolve("bootstrap/target/tihuo.jar") : Path.of(other);
    if (!Files.exists(j)) {
      throw new IllegalStateException(j + " is missing: mvn -q -DskipTests install first");
    }
    return j;
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
