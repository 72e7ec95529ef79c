package dev.tihuo.bench;

import dev.tihuo.adapters.persistence.jdbi.DatabaseConfig;
import dev.tihuo.bench.Shop.Order;
import dev.tihuo.bench.Shop.Paths;
import dev.tihuo.simulator.BuyerJourney;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.SimClock;
import dev.tihuo.simulator.SimulatorOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark harness (a main, loopback only, bounded in time). Starts tihuo as a child process on durable H2, then on
 * PostgreSQL, drives signed SPI traffic and measures, in the same run, the two ceilings (bare Vert.x route with the
 * same signature check and JSON parse; raw JDBC writing the same rows in one durable transaction).
 *
 * <p>System properties: {@code bench.db} = h2|pg|both (both), {@code bench.rounds} (3), {@code bench.seconds} per
 * round (8), {@code bench.concurrency} (16), {@code bench.burst} refund applications (10000), {@code bench.jfr}
 * (false: true records a JFR profile of tihuo into target/bench/*.jfr), {@code bench.pg.url}/{@code .user}/
 * {@code .password} (jdbc:postgresql://127.0.0.1:5432/test, postgres, empty), {@code bench.h2.settings} (none:
 * added to the H2 URL, e.g. {@code WRITE_DELAY=0} to compare writing the file on every commit with the group commit).
 */
public final class Benchmark {

  static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
  static final Duration EACH = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
  static final int C = Integer.getInteger("bench.concurrency", 16);
  static final int BURST = Integer.getInteger("bench.burst", 10_000);
  static final boolean JFR = Boolean.getBoolean("bench.jfr");
  static final String PHASES = System.getProperty("bench.phases", "open,mix,burst,raw");
  static final String PG_URL = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String PG_USER = System.getProperty("bench.pg.user", "postgres");
  static final String PG_PASSWORD = System.getProperty("bench.pg.password", "");

  private static final List<String> SUMMARY = new ArrayList<>();

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    String which = System.getProperty("bench.db", "both");
    out("tihuo benchmark %s — %s", LocalDate.now(), Stats.machine());
    out("rounds %d × %d s, closed-loop concurrency %d, refund burst %d", ROUNDS, EACH.toSeconds(), C, BURST);
    Vertx vertx = Vertx.vertx();
    Vertx serverVertx = Vertx.vertx();
    DouyinSimulator sim = DouyinSimulator.startBlocking(SimulatorOptions.defaults().clock(SimClock.realTime())
        .app(TihuoProcess.KEY, TihuoProcess.SECRET).pacing(BuyerJourney.Pacing.compressed(10)));
    Path work = TihuoProcess.repoRoot().resolve("features/bench/target/bench");
    Files.createDirectories(work);
    try {
      double bare = bareCeiling(vertx, serverVertx);
      if (!which.equals("pg")) {
        database("H2 file, durable", work.resolve("h2-" + System.currentTimeMillis()), sim, vertx, bare, false);
      }
      if (!which.equals("h2")) {
        database("PostgreSQL", work.resolve("pg-" + System.currentTimeMillis()), sim, vertx, bare, true);
      }
    } finally {
      out("");
      out("== summary (load %s)", Stats.loadAverage());
      SUMMARY.forEach(s -> System.out.println(s));
      sim.close();
      vertx.close();
      serverVertx.close();
    }
    System.exit(0);
  }

  // ------------------------------------------------------------------ ceilings

  private static double bareCeiling(Vertx vertx, Vertx serverVertx) throws Exception {
    HttpServer server = Ceilings.bareRoute(serverVertx, TihuoProcess.SECRET);
    SpiClient client = new SpiClient(vertx, server.actualPort(), TihuoProcess.KEY, TihuoProcess.SECRET, C * 2);
    Shop.Item item = new Shop.Item("P-AT", "SKU-A", "1", "2");
    Load.Op op = (rec, t) -> pair(client, rec, t, item, false);
    Load.closed(vertx, C, Duration.ofSeconds(3), op);
    double[] rps = new double[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      Stats.Recorder rec = Load.closed(vertx, C, EACH, op);
      rps[r] = rec.requestsPerSecond();
      out("bare Vert.x route round %d: %.0f req/s (%s), errors %d, load %s", r + 1, rps[r], rec.latencyLine(),
          rec.errors.get(), Stats.loadAverage());
    }
    double m = Stats.median(rps);
    summary("bare Vert.x route (signature + Jackson parse), S1/S4 bodies: median %.0f req/s %s", m, Stats.list(rps));
    client.close();
    server.close().await();
    return m;
  }

  // ------------------------------------------------------------------ one database

  private static void database(String name, Path dir, DouyinSimulator sim, Vertx vertx, double bare, boolean pg)
      throws Exception {
    Files.createDirectories(dir);
    out("");
    out("== %s (%s)", name, dir);
    TihuoProcess.Spec spec = new TihuoProcess.Spec(dir, sim.baseUrl());
    String schema = null;
    DatabaseConfig dbConfig = DatabaseConfig.h2(dir.resolve("data"));
    if (pg) {
      schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
      sql("CREATE SCHEMA " + schema);
      String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
      spec.postgres(url, PG_USER, PG_PASSWORD);
      dbConfig = DatabaseConfig.of(url, PG_USER, PG_PASSWORD);
    }
    String h2Settings = System.getProperty("bench.h2.settings", "");
    if (!pg && !h2Settings.isBlank()) {
      // e.g. WRITE_DELAY=0: every commit writes the file itself instead of tihuo's group commit (A/B runs)
      dbConfig = DatabaseConfig.of(dbConfig.jdbcUrl() + ";" + h2Settings, dbConfig.user(), dbConfig.password());
      spec.env.put("TIHUO_DATABASE_URL", dbConfig.jdbcUrl());
      spec.env.put("TIHUO_DATABASE_USER", dbConfig.user());
      out("H2 URL settings: %s", h2Settings);
    }
    String jvm = System.getProperty("bench.tihuo.jvm", "").trim();
    if (!jvm.isEmpty()) {
      // after the harness's own -Xmx256m, so e.g. -Xmx1g wins (the JVM takes the last of a repeated option)
      spec.jvmArgs.addAll(List.of(jvm.split("\\s+")));
      out("tihuo JVM options: %s", jvm);
    }
    for (String setting : System.getProperty("bench.tihuo.env", "").split(",")) {
      // e.g. TIHUO_DATABASE_FILEWRITEINTERVAL=PT0S for an A/B run of one setting
      if (setting.contains("=")) {
        spec.env.put(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1).trim());
        out("tihuo setting: %s", setting.trim());
      }
    }
    if (JFR) {
      spec.jvmArgs.add("-XX:StartFlightRecording=filename=" + dir.resolve("tihuo.jfr") + ",settings="
          + profileWithoutJdbiEvents(dir) + ",delay=" + (Integer.getInteger("bench.warmup", 60) + 10) + "s,dumponexit=true");
    }
    try {
      TihuoProcess tihuo = TihuoProcess.start(spec);
      out("start-up: %d ms to /ready 200 (RSS %.0f MB)", tihuo.startupMillis, tihuo.rssMb());
      Merchant m = new Merchant(spec.internalPort, TihuoProcess.ADMIN_KEY);
      Shop shop = Shop.seed(m, sim, 100_000_000);
      SpiClient client = new SpiClient(vertx, spec.publicPort, TihuoProcess.KEY, TihuoProcess.SECRET, 64);

      // S1+S4 pairs, closed loop
      Load.Op pairOp = (rec, t) -> pair(client, rec, t, shop.atOnce, true);
      warmUp(vertx, pairOp);
      double[] pairs = new double[ROUNDS];
      double cpu0 = tihuo.cpuSeconds();
      long w0 = System.nanoTime();
      List<String> lat = new ArrayList<>();
      long errors = 0;
      for (int r = 0; r < ROUNDS; r++) {
        ServerFigures before = ServerFigures.scrape(spec.internalPort);
        Stats.Recorder rec = Load.closed(vertx, C, EACH, pairOp);
        pairs[r] = rec.opsPerSecond();
        errors += rec.errors.get();
        lat.add(rec.latencyLine());
        out("S1+S4 round %d: %.0f pairs/s = %.0f req/s, %s, errors %d, load %s", r + 1, pairs[r],
            rec.requestsPerSecond(), rec.latencyLine(), rec.errors.get(), Stats.loadAverage());
        out("  %s", ServerFigures.scrape(spec.internalPort).since(before));
      }
      double cpuPct = 100 * (tihuo.cpuSeconds() - cpu0) / ((System.nanoTime() - w0) / 1e9);
      double pairMedian = Stats.median(pairs);

      // open loop: 1,000 req/s (the target) and half of what the closed loop reached (a load it can carry), or the
      // rates of bench.open.rates ("1000,300,400,half"), to find where p99 crosses a bound
      List<String> openLines = new ArrayList<>();
      List<Integer> rates = new ArrayList<>();
      if (PHASES.contains("open")) {
        for (String r : System.getProperty("bench.open.rates", "1000,half").split(",")) {
          rates.add(r.trim().equals("half") ? (int) Math.max(20, pairMedian) : Integer.parseInt(r.trim()));
        }
      }
      Map<Integer, List<Stats.Recorder>> windows = new java.util.LinkedHashMap<>();
      for (int rate : rates) {
        double c0 = tihuo.cpuSeconds();
        double h0 = Stats.harnessCpuSeconds();
        double m0 = Stats.machineBusySeconds();
        ServerFigures before = ServerFigures.scrape(spec.internalPort);
        Stats.Recorder rec = Load.open(vertx, rate / 2.0, rate / 2 * 8L, 1000, pairOp);
        windows.computeIfAbsent(rate, r -> new ArrayList<>()).add(rec);
        String server = ServerFigures.scrape(spec.internalPort).since(before);
        double tihuoCpu = tihuo.cpuSeconds() - c0;
        double harnessCpu = Stats.harnessCpuSeconds() - h0;
        double othersCpu = Stats.machineBusySeconds() - m0 - tihuoCpu - harnessCpu;
        String line = String.format("open loop %d req/s offered (S1+S4 pairs, 8 s; errors = not answered 0, or not "
            + "sent because 1,000 pairs were already waiting): achieved %.0f req/s, %s, errors %d, "
            + "tihuo CPU %.0f %%, harness %.0f %%, everything else on the machine %.0f %%", rate,
            rec.requestsPerSecond(), rec.latencyLine(), rec.errors.get(), 100 * tihuoCpu / rec.seconds(),
            100 * harnessCpu / rec.seconds(), 100 * othersCpu / rec.seconds());
        openLines.add(line);
        openLines.add("  " + server);
        out("%s, load %s", line, Stats.loadAverage());
        out("  %s", server);
      }
      windows.forEach((rate, recs) -> {
        if (recs.size() > 1) {
          String line = String.format("open loop %d req/s, all windows together: %s", rate, Stats.pooled(recs));
          openLines.add(line);
          out("%s", line);
        }
      });
      if (openLines.isEmpty()) {
        openLines.add("open loop: skipped");
      }

      // a mix of every SPI
      Map<String, AtomicLong> perSpi = new ConcurrentHashMap<>();
      Load.Op mixOp = (rec, t) -> mixed(client, rec, t, shop, perSpi);
      double c0 = tihuo.cpuSeconds();
      Stats.Recorder mix = Load.closed(vertx, C, PHASES.contains("mix") ? EACH.multipliedBy(2) : Duration.ZERO, mixOp);
      String mixLine = String.format("mixed SPI journeys (closed loop, %d s): %.0f req/s, %s, errors %d, tihuo CPU %.0f %%; "
          + "requests %s", EACH.toSeconds() * 2, mix.requestsPerSecond(), mix.latencyLine(), mix.errors.get(),
          100 * (tihuo.cpuSeconds() - c0) / mix.seconds(), new java.util.TreeMap<>(perSpi));
      out("%s, load %s", mixLine, Stats.loadAverage());

      // refund burst
      String burstLine = PHASES.contains("burst") ? refundBurst(vertx, client, shop, tihuo) : "refund burst: skipped";

      double peak = tihuo.peakRssMb();
      double cpuTotal = tihuo.cpuSeconds();
      tihuo.stop();

      // raw JDBC ceiling on the same database
      if (!PHASES.contains("raw")) {
        summary("%s: S1+S4 median %.0f pairs/s %s, tihuo CPU %.0f %%, peak RSS %.0f MB", name, pairMedian,
            Stats.list(pairs), cpuPct, peak);
        return;
      }
      double[] raw1 = Ceilings.rawJdbc(dbConfig, 1, ROUNDS, EACH);
      out("raw JDBC, 1 connection: %s pairs/s, load %s", Stats.list(raw1), Stats.loadAverage());
      double[] rawC = Ceilings.rawJdbc(dbConfig, 8, ROUNDS, EACH);
      out("raw JDBC, 8 connections: %s pairs/s, load %s", Stats.list(rawC), Stats.loadAverage());
      double raw = Math.max(Stats.median(raw1), Stats.median(rawC));
      double[] rawCalls = Ceilings.rawJdbc(dbConfig, 8, ROUNDS, EACH, true);
      out("raw JDBC, 8 connections, one commit per SPI call (S1, then S4): %s pairs/s, load %s", Stats.list(rawCalls),
          Stats.loadAverage());

      summary("");
      summary("%s: start-up %d ms to /ready, peak RSS %.0f MB (VmHWM, -Xmx256m), tihuo CPU %.0f s in all", name,
          tihuo.startupMillis, peak, cpuTotal);
      summary("  S1+S4 closed loop (%d in flight): median %.0f pairs/s %s = %.0f req/s; latency per round %s; errors %d; "
          + "tihuo CPU %.0f %% of one core", C, pairMedian, Stats.list(pairs), pairMedian * 2, lat, errors, cpuPct);
      summary("  raw JDBC same rows, one durable tx per pair: 1 conn median %.0f %s, 8 conns median %.0f %s pairs/s",
          Stats.median(raw1), Stats.list(raw1), Stats.median(rawC), Stats.list(rawC));
      summary("  raw JDBC same rows, one durable tx per SPI call (two per pair, as the protocol): 8 conns median %.0f %s "
          + "pairs/s = %.0f req/s, the most any server answers on this database", Stats.median(rawCalls),
          Stats.list(rawCalls), 2 * Stats.median(rawCalls));
      summary("  ratio tihuo / raw JDBC ceiling = %.0f %% (target %s)", 100 * pairMedian / raw, pg ? "≥ 60 %" : "≥ 50 %");
      summary("  ratio tihuo / bare Vert.x route = %.1f %% (%.0f of %.0f req/s)", 100 * pairMedian * 2 / bare,
          pairMedian * 2, bare);
      openLines.forEach(line -> summary("  %s", line));
      summary("  %s", mixLine);
      summary("  %s", burstLine);
      client.close();
    } finally {
      if (schema != null) {
        sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /**
   * The JDK's {@code profile} settings without JDBI's statement events: one per statement, with its SQL and
   * arguments, they made most of the recording and of its allocations. The recording starts after the warm-up.
   */
  private static Path profileWithoutJdbiEvents(Path dir) throws java.io.IOException {
    Path profile = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
    String settings = Files.readString(profile).replace("</configuration>",
        "  <event name=\"jdbi.statement\"><setting name=\"enabled\">false</setting></event>\n</configuration>");
    Path jfc = dir.resolve("profile-without-jdbi.jfc");
    Files.writeString(jfc, settings);
    return jfc;
  }

  /**
   * S1+S4 pairs, closed loop, for {@code bench.warmup} seconds before anything is measured. tihuo's JIT compiler
   * took a quarter of its CPU through the first minute of load (JFR, run E), and the closed-loop rate still rose
   * round after round; a merchant's service runs for days, so the figures are those of compiled code.
   */
  private static void warmUp(Vertx vertx, Load.Op pairOp) throws Exception {
    int seconds = Integer.getInteger("bench.warmup", 60);
    for (int done = 0; done < seconds; done += 10) {
      Stats.Recorder rec = Load.closed(vertx, C, Duration.ofSeconds(Math.min(10, seconds - done)), pairOp);
      out("warm-up %d–%d s: %.0f pairs/s, errors %d", done, Math.min(seconds, done + 10), rec.opsPerSecond(),
          rec.errors.get());
    }
  }

  // ------------------------------------------------------------------ operations

  /** S1 then S4 for one new order of one unit. */
  static Future<Void> pair(SpiClient client, Stats.Recorder rec, long t, Shop.Item item, boolean checkCodes) {
    Order o = new Order(item, Shop.POI1, 1);
    return client.post(Paths.S1, o.s1(), t).compose(r1 -> {
      Load.record(rec, r1, r1.ok() && r1.data().getString("order_out_id") != null);
      if (!r1.ok()) {
        return Future.failedFuture("S1 " + r1.status() + " " + r1.raw());
      }
      o.outId = r1.data().getString("order_out_id");
      return client.post(Paths.S4, o.s4());
    }).map(r4 -> {
      Load.record(rec, r4, r4.ok() && (!checkCodes || o.takeCodes(r4)));
      return null;
    });
  }

  private static Future<Reply> step(SpiClient client, Stats.Recorder rec, Map<String, AtomicLong> perSpi, String spi,
      String path, JsonObject body) {
    perSpi.computeIfAbsent(spi, k -> new AtomicLong()).incrementAndGet();
    return client.post(path, body).map(r -> Load.record(rec, r, r.ok()));
  }

  /** One buyer journey, chosen at random, touching every SPI and the W1 webhook. */
  static Future<Void> mixed(SpiClient c, Stats.Recorder rec, long t, Shop shop, Map<String, AtomicLong> per) {
    int pick = ThreadLocalRandom.current().nextInt(100);
    Order o = new Order(shop.atOnce, Shop.POI1, pick < 50 ? 1 : 2);
    Future<Reply> f = step(c, rec, per, "S1", Paths.S1, o.s1()).compose(r -> {
      o.outId = r.data().getString("order_out_id");
      return r.ok() ? Future.succeededFuture(r) : Future.failedFuture("S1");
    });
    if (pick < 10) { // cancelled before the codes
      return f.compose(r -> step(c, rec, per, "S3", Paths.S3, o.s3(2))).mapEmpty();
    }
    if (pick < 20) { // before-pay: S1, S2, S4
      f = f.compose(r -> step(c, rec, per, "S2", Paths.S2, o.s2()));
    }
    Future<Reply> issued = f.compose(r -> step(c, rec, per, "S4", Paths.S4, o.s4())).map(r -> {
      o.takeCodes(r);
      return r;
    });
    if (pick < 45) {
      return issued.mapEmpty();
    }
    if (pick < 70) { // refund: S5 approved, then Douyin's refund notice S6
      String as = Shop.nextId("R");
      return issued.compose(r -> step(c, rec, per, "S5", Paths.S5, o.afterSale(as, 0, 1, true, null)))
          .compose(r -> step(c, rec, per, "S6", Paths.S6,
              o.afterSale(as, 0, 1, false, 0).put("notice_type", 0).put("desc", "")))
          .mapEmpty();
    }
    if (pick < 90) { // return: S7, timeout notice S8, refund notice S6
      String as = Shop.nextId("T");
      return issued.compose(r -> step(c, rec, per, "S7", Paths.S7, o.afterSale(as, 0, 1, true, 1)))
          .compose(r -> step(c, rec, per, "S8", Paths.S8, o.afterSale(as, 0, 1, false, 1).put("notice_type", 0)))
          .compose(r -> step(c, rec, per, "S6", Paths.S6,
              o.afterSale(as, 0, 1, false, 1).put("notice_type", 0).put("desc", "")))
          .mapEmpty();
    }
    // W1: the buyer moves the pickup to the other store
    return issued.compose(r -> {
      per.computeIfAbsent("W1", k -> new AtomicLong()).incrementAndGet();
      return c.send(c.webhook("life_retail_comp_poi_change", new JsonObject().put("order_id", o.orderId)
          .put("account_id", TihuoProcess.ACCOUNT).put("old_poi_id", Shop.POI1).put("new_poi_id", Shop.POI2)
          .put("change_time", System.currentTimeMillis() / 1000), UUID.randomUUID().toString()), System.nanoTime())
          .map(w -> Load.record(rec, w, w.ok()));
    }).mapEmpty();
  }

  /**
   * Refund burst: {@link #BURST} S5 applications (one unit each) offered open-loop at 4,000/s (10× Douyin's warned
   * 400/s), against orders of 4 units made beforehand; units are sent order-major-last so that concurrent
   * applications touch different orders, as a bulk expiry of many orders would.
   */
  private static String refundBurst(Vertx vertx, SpiClient client, Shop shop, TihuoProcess tihuo) throws Exception {
    int units = 20;
    int nOrders = BURST / units;
    List<Order> orders = Collections.synchronizedList(new ArrayList<>());
    AtomicLong left = new AtomicLong(nOrders);
    long p0 = System.nanoTime();
    Load.Op make = (rec, t) -> {
      if (left.decrementAndGet() < 0) {
        return Future.succeededFuture();
      }
      Order o = new Order(shop.atOnce, Shop.POI1, units);
      return client.post(Paths.S1, o.s1()).compose(r1 -> {
        o.outId = r1.data().getString("order_out_id");
        return client.post(Paths.S4, o.s4());
      }).map(r4 -> {
        if (o.takeCodes(r4)) {
          orders.add(o);
        }
        return null;
      });
    };
    while (left.get() > 0) {
      Load.closed(vertx, C, Duration.ofSeconds(5), make);
    }
    out("refund burst: %d orders × %d units made in %.0f s", orders.size(), units, (System.nanoTime() - p0) / 1e9);
    List<JsonObject> bodies = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      for (Order o : orders) {
        bodies.add(o.afterSale(Shop.nextId("B"), u, u + 1, true, null));
      }
    }
    AtomicLong next = new AtomicLong();
    AtomicLong approved = new AtomicLong();
    Map<Integer, AtomicLong> codes = new ConcurrentHashMap<>();
    double c0 = tihuo.cpuSeconds();
    Load.Op s5 = (rec, t) -> {
      JsonObject b = bodies.get((int) next.getAndIncrement());
      return client.post(Paths.S5, b, t).map(r -> {
        codes.computeIfAbsent(r.status() == 200 ? r.code() : -r.status(), k -> new AtomicLong()).incrementAndGet();
        if (r.ok() && r.data().getInteger("result", -1) == 1) {
          approved.incrementAndGet();
        }
        return Load.record(rec, r, r.ok());
      });
    };
    Stats.Recorder rec = Load.open(vertx, 4000, bodies.size(), 2_000, s5);
    String line = String.format("refund burst: %d S5 offered at 4,000/s (at most 2,000 waiting; the rest counted as "
        + "errors, not sent): achieved %.0f req/s over %.1f s, %s, errors %d "
        + "(answers by error_code %s, approved %d), tihuo CPU %.0f %%", bodies.size(), rec.requestsPerSecond(),
        rec.seconds(), rec.latencyLine(), rec.errors.get(), codes, approved.get(),
        100 * (tihuo.cpuSeconds() - c0) / rec.seconds());
    out("%s, load %s", line, Stats.loadAverage());
    return line;
  }

  // ------------------------------------------------------------------ helpers

  private static void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      c.createStatement().execute(statement);
    }
  }

  static void out(String format, Object... args) {
    System.out.println(String.format(format, args));
    System.out.flush();
  }

  private static void summary(String format, Object... args) {
    SUMMARY.add(String.format(format, args));
  }
}
