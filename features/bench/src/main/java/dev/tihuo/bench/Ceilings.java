package dev.tihuo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tihuo.adapters.persistence.jdbi.Database;
import dev.tihuo.adapters.persistence.jdbi.DatabaseConfig;
import dev.tihuo.adapters.persistence.jdbi.JdbiPersistence;
import dev.tihuo.adapters.persistence.jdbi.RawPairWriter;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The two ceilings measured in the same run: a bare Vert.x route, and raw JDBC writing S1+S4's rows. */
final class Ceilings {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Ceilings() {}

  /**
   * A bare Vert.x route under /spi/*: body handler, the same signature check (SHA-256 over secret, sorted query and
   * raw body; constant-time compare), a Jackson parse of the body, a small JSON answer. Nothing else.
   */
  static HttpServer bareRoute(Vertx vertx, String secret) {
    Router router = Router.router(vertx);
    router.post("/spi/*").handler(BodyHandler.create(false).setBodyLimit(262144));
    router.post("/spi/*").handler(ctx -> {
      Buffer body = ctx.body().buffer();
      TreeMap<String, String> q = new TreeMap<>();
      ctx.queryParams().forEach(e -> {
        if (!e.getKey().equals("sign")) {
          q.put(e.getKey(), e.getValue());
        }
      });
      try {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        StringBuilder s = new StringBuilder(secret);
        for (Map.Entry<String, String> e : q.entrySet()) {
          s.append('&').append(e.getKey()).append('=').append(e.getValue());
        }
        s.append("&http_body=");
        md.update(s.toString().getBytes(StandardCharsets.UTF_8));
        md.update(body.getBytes());
        String header = ctx.request().getHeader("x-life-sign");
        if (header == null || !MessageDigest.isEqual(md.digest(), HexFormat.of().parseHex(header))) {
          ctx.response().setStatusCode(401).end("{\"data\":{\"error_code\":40001,\"description\":\"bad sign\"}}");
          return;
        }
        JsonNode tree = JSON.readTree(body.getBytes());
        String id = tree.path("order_id").asText();
        ctx.response().putHeader("content-type", "application/json")
            .end("{\"data\":{\"error_code\":0,\"description\":\"success\",\"order_out_id\":\"R" + id + "\"}}");
      } catch (Exception e) {
        ctx.response().setStatusCode(200).end("{\"data\":{\"error_code\":40003,\"description\":\"bad\"}}");
      }
    });
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  /**
   * Raw JDBC, {@code threads} connections, one durable transaction per S1+S4 pair writing the same rows tihuo writes
   * for it (order, line, voucher, two history rows, stock reservation, coalesced stock push, two idempotency
   * records, order + voucher update with the code), without any read. Against the database tihuo used (after it
   * stopped), so tables and sizes match. Returns pairs per second of each round.
   *
   * <p>With {@code commitPerCall} the same rows are committed as the protocol needs them: once after the S1 rows and
   * once after the S4 rows (two SPI calls, each durable before it is answered). That is the most S1+S4 pairs any
   * server could answer on this database, whatever it does besides.
   */
  static double[] rawJdbc(DatabaseConfig db, int threads, int rounds, Duration each) throws Exception {
    return rawJdbc(db, threads, rounds, each, false);
  }

  static double[] rawJdbc(DatabaseConfig db, int threads, int rounds, Duration each, boolean commitPerCall)
      throws Exception {
    try (JdbiPersistence p = JdbiPersistence.open(db.withMaximumPoolSize(threads + 1), Clock.systemUTC())) {
      var ds = p.database().dataSource();
      try (Connection c = ds.getConnection()) {
        c.createStatement().executeUpdate("DELETE FROM outbox_message WHERE pending_coalesce_key = 'stock:raw'");
      }
      try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement("""
          INSERT INTO outbox_message (account_id, kind, dedupe_key, payload, created_at, next_attempt_at, status,
                                      coalesce_key, pending_coalesce_key)
          VALUES (?, 'bench', 'raw', '{}', ?, ?, 'PENDING', 'stock:raw', 'stock:raw')""")) {
        OffsetDateTime far = OffsetDateTime.now(ZoneOffset.UTC).plusYears(10);
        st.setString(1, TihuoProcess.ACCOUNT);
        st.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
        st.setObject(3, far);
        st.executeUpdate();
      }
      AtomicLong next = new AtomicLong(System.nanoTime() % 1_000_000_000L);
      pairs(p.database(), threads, Duration.ofSeconds(2), next, commitPerCall); // warm-up
      double[] out = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        long n = pairs(p.database(), threads, each, next, commitPerCall);
        out[r] = n / ((System.nanoTime() - t0) / 1e9);
      }
      return out;
    }
  }

  private static long pairs(Database db, int threads, Duration d, AtomicLong next, boolean commitPerCall)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long deadline = System.nanoTime() + d.toNanos();
    List<Future<Long>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(pool.submit(() -> worker(db, deadline, next, commitPerCall)));
    }
    long total = 0;
    for (Future<Long> f : fs) {
      total += f.get();
    }
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.SECONDS);
    return total;
  }

  private static long worker(Database db, long deadline, AtomicLong next, boolean commitPerCall)
      throws SQLException {
    RawPairWriter.Shop shop = new RawPairWriter.Shop(TihuoProcess.ACCOUNT, "s1", Shop.POI1, "raw-product", "raw-sku",
        "SKU-A", Shop.UNIT, "stock:raw");
    long done = 0;
    try (Connection c = db.dataSource().getConnection(); RawPairWriter writer = new RawPairWriter(c, shop, db)) {
      while (System.nanoTime() < deadline) {
        writer.write("29%017d".formatted(next.incrementAndGet()), commitPerCall);
        done++;
      }
    }
    return done;
  }

}
