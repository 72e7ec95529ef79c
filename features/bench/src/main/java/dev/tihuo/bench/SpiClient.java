package dev.tihuo.bench;

import dev.tihuo.simulator.SpiSigner;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Douyin's side for the load: SPI requests signed with the simulator's {@link SpiSigner} (x-life-sign, SHA-256
 * over secret + sorted query + raw body), sent over a keep-alive pool. No logging, no bookkeeping.
 */
final class SpiClient {

  /** A request ready to go (or to be replayed byte for byte). */
  record Signed(HttpMethod method, String uri, Map<String, String> headers, Buffer body) {}

  final WebClient http;
  final String host;
  final int port;
  final String clientKey;
  final String secret;
  private final SpiSigner signer;
  private final long clockOffsetMillis;

  SpiClient(Vertx vertx, int port, String clientKey, String secret, int connections) {
    this(vertx, port, clientKey, secret, connections, 0);
  }

  SpiClient(Vertx vertx, int port, String clientKey, String secret, int connections, long clockOffsetMillis) {
    this.http = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true).setDefaultHost("127.0.0.1")
        .setDefaultPort(port).setConnectTimeout(5000).setIdleTimeout(60),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    this.host = "127.0.0.1";
    this.port = port;
    this.clientKey = clientKey;
    this.secret = secret;
    this.signer = new SpiSigner(secret);
    this.clockOffsetMillis = clockOffsetMillis;
  }

  Signed sign(String path, String body) {
    return sign(path, body, System.currentTimeMillis() + clockOffsetMillis);
  }

  Signed sign(String path, String body, long timestampMillis) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_key", clientKey);
    query.put("timestamp", Long.toString(timestampMillis));
    String sig = signer.lifeSign(query, body);
    StringBuilder uri = new StringBuilder(path).append('?');
    query.forEach((k, v) -> uri.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
    uri.setLength(uri.length() - 1);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("x-life-sign", sig);
    headers.put("x-life-clientkey", clientKey);
    headers.put("X-Bytedance-Logid", "bench" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    return new Signed(HttpMethod.POST, uri.toString(), headers, Buffer.buffer(body, "UTF-8"));
  }

  Future<Reply> post(String path, JsonObject body) {
    return send(sign(path, body.encode()), System.nanoTime());
  }

  Future<Reply> post(String path, JsonObject body, long startNanos) {
    return send(sign(path, body.encode()), startNanos);
  }

  Future<Reply> send(Signed s, long startNanos) {
    HttpRequest<Buffer> req = http.request(s.method(), port, host, s.uri()).timeout(15_000);
    MultiMap h = req.headers();
    s.headers().forEach(h::set);
    Future<io.vertx.ext.web.client.HttpResponse<Buffer>> f = s.body() == null ? req.send() : req.sendBuffer(s.body());
    return f.map(resp -> {
      String raw = resp.bodyAsString();
      JsonObject json;
      try {
        json = raw == null || raw.isEmpty() || raw.charAt(0) != '{' ? new JsonObject() : new JsonObject(raw);
      } catch (RuntimeException e) {
        json = new JsonObject();
      }
      return new Reply(resp.statusCode(), json, System.nanoTime() - startNanos, raw);
    }).otherwise(e -> Reply.none(System.nanoTime() - startNanos, String.valueOf(e)));
  }

  /** A W1 webhook: {@code X-Douyin-Signature} = hex SHA-1(secret + raw body), a fresh Msg-Id unless given. */
  Signed webhook(String event, JsonObject content, String msgId) {
    String raw = new JsonObject().put("event", event).put("client_key", clientKey).put("content", content.encode())
        .encode();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Douyin-Signature", signer.webhookSignature(raw));
    headers.put("Msg-Id", msgId);
    return new Signed(HttpMethod.POST, "/webhooks/douyin", headers, Buffer.buffer(raw, "UTF-8"));
  }

  void close() {
    http.close();
  }
}
