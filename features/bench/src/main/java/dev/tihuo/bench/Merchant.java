package dev.tihuo.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The merchant API on tihuo's internal port, blocking (seeding and checks only). */
final class Merchant {

  record Answer(int status, String body) {
    JsonObject json() {
      return body == null || body.isEmpty() || body.charAt(0) != '{' ? new JsonObject() : new JsonObject(body);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String key;

  Merchant(int internalPort, String key) {
    this.base = "http://127.0.0.1:" + internalPort;
    this.key = key;
  }

  Answer call(String method, String path, JsonObject body) {
    try {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body.encode()));
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (Exception e) {
      return new Answer(-1, String.valueOf(e));
    }
  }

  JsonObject ok(String method, String path, JsonObject body) {
    Answer a = call(method, path, body);
    if (a.status() / 100 != 2) {
      throw new IllegalStateException(method + " " + path + " → " + a.status() + " " + a.body());
    }
    return a.json();
  }

  JsonObject get(String path) {
    return ok("GET", path, null);
  }

  JsonObject order(String orderId) {
    Answer a = call("GET", "/api/v1/orders/" + orderId, null);
    return a.status() == 200 ? a.json() : null;
  }

  /** Every order (all pages). */
  JsonArray orders() {
    JsonArray all = new JsonArray();
    String cursor = null;
    do {
      JsonObject page = get("/api/v1/orders?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
      JsonArray items = page.getJsonArray("items", page.getJsonArray("orders", new JsonArray()));
      items.forEach(all::add);
      cursor = page.getString("next_cursor");
    } while (cursor != null);
    return all;
  }
}
