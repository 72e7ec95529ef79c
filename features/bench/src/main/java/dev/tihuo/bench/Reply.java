package dev.tihuo.bench;

import io.vertx.core.json.JsonObject;

/** One HTTP answer: status (-1 when no answer), the parsed body (may be empty), the latency. */
record Reply(int status, JsonObject body, long nanos, String raw) {

  static Reply none(long nanos, String why) {
    return new Reply(-1, new JsonObject(), nanos, why);
  }

  JsonObject data() {
    JsonObject d = body.getJsonObject("data");
    return d == null ? new JsonObject() : d;
  }

  /** SPI error_code, -1 when the answer is not an SPI envelope. */
  int code() {
    Object c = data().getValue("error_code");
    return c instanceof Number n ? n.intValue() : -1;
  }

  boolean ok() {
    return status == 200 && code() == 0;
  }
}
