package dev.tihuo.simulator;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * tihuo's answer to one SPI call, as Douyin reads it (spi.md §2): HTTP 200 and
 * {@code {"data":{"error_code":N,"description":"..."}}}; anything else is a failed delivery.
 *
 * @param httpStatus 0 when no HTTP answer arrived (timeout, connection refused or reset)
 * @param raw        the body as received, or the transport error text
 */
public record SpiReply(Outcome outcome, int httpStatus, String raw, JsonObject body) {

  public enum Outcome {
    /** HTTP 200 with a readable `data` object. */
    ANSWERED,
    /** HTTP answer Douyin cannot read: non-200, not JSON, or no `data`. */
    UNREADABLE,
    /** No answer within the 8 s limit (spi.md §2), or the connection failed. */
    NO_ANSWER
  }

  static SpiReply of(int status, String raw) {
    JsonObject body = null;
    try {
      body = raw == null || raw.isBlank() ? null : new JsonObject(raw);
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    boolean readable = status == 200 && body != null && body.getValue("data") instanceof JsonObject
        && body.getJsonObject("data").getValue("error_code") instanceof Number;
    return new SpiReply(readable ? Outcome.ANSWERED : Outcome.UNREADABLE, status, raw, body);
  }

  static SpiReply noAnswer(Throwable cause) {
    return new SpiReply(Outcome.NO_ANSWER, 0, String.valueOf(cause), null);
  }

  public JsonObject data() {
    return outcome == Outcome.ANSWERED ? body.getJsonObject("data") : new JsonObject();
  }

  /** `data.error_code`, or -1 when the reply could not be read. */
  public int errorCode() {
    return outcome == Outcome.ANSWERED ? data().getInteger("error_code") : -1;
  }

  public boolean accepted() {
    return errorCode() == 0;
  }

  /** `data.result` of S4/S5/S7 replies (D3, D6), or null. */
  public Integer result() {
    Object r = data().getValue("result");
    return r instanceof Number n ? n.intValue() : null;
  }

  /**
   * Should Douyin send it again? Missing or unreadable answers always; `error_code` 100 is the "please retry"
   * code of the notification SPIs (spi.md §2); HTTP 401 (bad signature, D16) never: resending the same bytes
   * cannot fix a signature.
   */
  public boolean asksForRetry() {
    if (httpStatus == 401) {
      return false;
    }
    return outcome != Outcome.ANSWERED || errorCode() == 100;
  }

  public List<String> codes() {
    JsonArray a = data().getJsonArray("codes");
    return a == null ? List.of() : a.stream().map(String::valueOf).toList();
  }

  public JsonArray certificates() {
    return data().getJsonArray("certificates");
  }

  @Override
  public String toString() {
    return outcome + " http=" + httpStatus + " " + raw;
  }
}
