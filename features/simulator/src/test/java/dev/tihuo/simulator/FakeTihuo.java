package dev.tihuo.simulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for tihuo's SPI in tests: checks each request's signature with its own, independent code (so the
 * simulator's signer is tested against a second reading of spi.md §3), answers 401 when it is wrong, and
 * otherwise answers canned replies per path.
 */
final class FakeTihuo {

  record Received(String path, Map<String, String> query, Map<String, String> headers, String body,
      boolean signatureValid) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  record Reply(int status, JsonObject body, long delayMillis) {
    static Reply data(JsonObject data) {
      return new Reply(200, new JsonObject().put("data", data), 0);
    }

    static Reply ok() {
      return data(new JsonObject().put("error_code", 0).put("description", ""));
    }

    static Reply retry() {
      return data(new JsonObject().put("error_code", 100).put("description", "busy"));
    }

    static Reply slow(long millis) {
      return new Reply(200, ok().body(), millis);
    }
  }

  final String clientKey;
  final String secret;
  private final List<Received> received = new ArrayList<>();
  private final Map<String, Deque<Reply>> scripts = new HashMap<>();
  private HttpServer server;

  FakeTihuo(String clientKey, String secret) {
    this.clientKey = clientKey;
    this.secret = secret;
  }

  FakeTihuo start(Vertx vertx) throws Exception {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.post().handler(ctx -> {
      String body = ctx.body().asString();
      Map<String, String> query = new TreeMap<>();
      ctx.queryParams().forEach(query::put);
      Map<String, String> headers = new HashMap<>();
      ctx.request().headers().forEach((k, v) -> headers.put(k.toLowerCase(), v));
      boolean valid = ctx.normalizedPath().startsWith("/webhooks")
          ? sha1(secret + body).equals(headers.get("x-douyin-signature"))
          : sha256(str1(query, body)).equalsIgnoreCase(headers.get("x-life-sign"))
              && md5(str1(query, body)).equalsIgnoreCase(query.get("sign"));
      Reply reply;
      synchronized (this) {
        received.add(new Received(ctx.normalizedPath(), query, headers, body, valid));
        Deque<Reply> script = scripts.get(ctx.normalizedPath());
        reply = !valid ? new Reply(401, new JsonObject().put("data", new JsonObject().put("error_code", 40001)
            .put("description", "bad signature")), 0)
            : script == null || script.isEmpty() ? Reply.ok()
            : script.size() == 1 ? script.peek() : script.poll();
      }
      Runnable answer = () -> ctx.response().setStatusCode(reply.status())
          .putHeader("content-type", "application/json").end(reply.body().encode());
      if (reply.delayMillis() > 0) {
        vertx.setTimer(reply.delayMillis(), t -> {
          if (!ctx.response().closed()) {
            answer.run();
          }
        });
      } else {
        answer.run();
      }
    });
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Replies for the next calls to {@code path}, in order; the last one repeats. */
  synchronized FakeTihuo on(String path, Reply... replies) {
    scripts.put(path, new ArrayDeque<>(List.of(replies)));
    return this;
  }

  synchronized List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  synchronized List<Received> all() {
    return List.copyOf(received);
  }

  /** str1 of spi.md §3.1, written here a second time on purpose. */
  private String str1(Map<String, String> sortedQuery, String body) {
    StringBuilder s = new StringBuilder(secret);
    sortedQuery.forEach((k, v) -> {
      if (!k.equals("sign")) {
        s.append('&').append(k).append('=').append(v);
      }
    });
    return body.isEmpty() ? s.toString() : s.append("&http_body=").append(body).toString();
  }

  static String sha256(String s) {
    return digest("SHA-256", s);
  }

  static String md5(String s) {
    return digest("MD5", s);
  }

  static String sha1(String s) {
    return digest("SHA-1", s);
  }

  private static String digest(String alg, String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(alg).digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
