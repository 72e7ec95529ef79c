package dev.tihuo.simulator;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP call the simulator received on its OpenAPI side, kept verbatim for assertions.
 *
 * @param headers header names in lower case, first value only
 * @param at      simulator time (see {@link SimClock}) when the call arrived
 */
public record RecordedCall(
    long seq,
    Instant at,
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    String body) {

  public String header(String name) {
    return headers.get(name.toLowerCase());
  }

  public String queryParam(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The body as JSON, or an empty object when the call had none (GET). */
  public JsonObject json() {
    return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("seq", seq)
        .put("at", at.toEpochMilli())
        .put("method", method)
        .put("path", path)
        .put("query", new JsonObject(Map.copyOf(query)))
        .put("headers", new JsonObject(Map.copyOf(headers)))
        .put("body", body);
  }
}
