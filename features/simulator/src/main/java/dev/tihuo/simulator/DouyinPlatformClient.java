package dev.tihuo.simulator;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Douyin as an HTTP client of tihuo: sends the SPI calls S1–S8 and the webhooks, signed exactly as spi.md §3 and
 * §6.1 say, and hands back tihuo's reply. It does not interpret replies: that is {@link BuyerJourney}'s job.
 */
public final class DouyinPlatformClient {

  private static final Logger log = LoggerFactory.getLogger(DouyinPlatformClient.class);

  /** The SPI calls and their default paths on tihuo's public port (tihuo's HTTP adapter contract). */
  public enum Spi {
    S1_CREATE_ORDER("/orders/create"),
    S2_PAY_NOTIFY("/orders/pay-notify"),
    S3_CANCEL_NOTIFY("/orders/cancel-notify"),
    S4_ISSUE_CODE("/codes/issue"),
    S5_REFUND_APPLY("/refunds/apply"),
    S6_REFUND_NOTIFY("/refunds/notify"),
    S7_RETURN_APPLY("/returns/apply"),
    S8_RETURN_TIMEOUT_NOTIFY("/returns/timeout-notify");

    final String path;

    Spi(String path) {
      this.path = path;
    }
  }

  /**
   * Where tihuo is and who Douyin is to it.
   *
   * @param spiPrefix    prefix of the SPI paths, default {@code /spi}
   * @param webhookPath  default {@code /webhooks/douyin}
   * @param replyTimeout Douyin waits 8 s for an SPI reply (spi.md §2); tests may shorten it
   */
  public record Target(String tihuoBaseUrl, String spiPrefix, String webhookPath, String clientKey,
      String clientSecret, Duration replyTimeout) {

    public static Target of(String tihuoBaseUrl, String clientKey, String clientSecret) {
      return new Target(tihuoBaseUrl, "/spi", "/webhooks/douyin", clientKey, clientSecret, Duration.ofSeconds(8));
    }

    public Target withSpiPrefix(String prefix) {
      return new Target(tihuoBaseUrl, prefix, webhookPath, clientKey, clientSecret, replyTimeout);
    }

    public Target withWebhookPath(String path) {
      return new Target(tihuoBaseUrl, spiPrefix, path, clientKey, clientSecret, replyTimeout);
    }

    public Target withReplyTimeout(Duration timeout) {
      return new Target(tihuoBaseUrl, spiPrefix, webhookPath, clientKey, clientSecret, timeout);
    }

    String url(String path) {
      return tihuoBaseUrl.replaceAll("/+$", "") + path;
    }
  }

  /** One request Douyin sent and what came back, for assertions and the control API. */
  public record Exchange(Instant at, String name, String url, Map<String, String> headers, String body,
      SpiReply reply) {}

  private final WebClient http;
  private final SimClock clock;
  private final Ids ids = new Ids();
  private volatile Target target;
  private final List<Exchange> exchanges = new ArrayList<>();
  /** One-shot changes to the next request (tests): a forged signature, or a timestamp this far in the past. */
  private volatile boolean forgeNext;
  private volatile Duration ageNext;
  /** The last request as Douyin genuinely signed it (url, headers, raw body), for {@link #resendLast()}. */
  private volatile Exchange lastGenuine;

  public DouyinPlatformClient(Vertx vertx, SimClock clock, Target target) {
    this.http = WebClient.create(vertx, new WebClientOptions().setKeepAlive(false));
    this.clock = clock;
    this.target = target;
  }

  public Target target() {
    return target;
  }

  public void retarget(Target target) {
    this.target = target;
  }

  /** Sends one SPI call, signed. */
  public Future<SpiReply> send(Spi spi, JsonObject body) {
    return post(spi.name(), spi, body.encode(), false);
  }

  /**
   * Sends one SPI call whose body is changed after it was signed, as an attacker or a broken proxy would: tihuo
   * must refuse it (HTTP 401, D16).
   */
  public Future<SpiReply> sendTampered(Spi spi, JsonObject body) {
    return post(spi.name() + " (tampered)", spi, body.encode(), true);
  }

  /**
   * The next SPI call or webhook goes out with a forged signature (its body altered after signing), as an
   * attacker or a broken proxy would send it. {@link #resendLast()} afterwards sends the genuine request.
   */
  public void forgeNext() {
    this.forgeNext = true;
  }

  /** Forgets a one-shot change that was never used (a test ended before sending). */
  public void resetNext() {
    forgeNext = false;
    ageNext = null;
  }

  /** The next SPI call carries a {@code timestamp} this far in the past (correctly signed), like a replay. */
  public void ageNext(Duration age) {
    this.ageNext = age;
  }

  /**
   * Sends the last request again, byte for byte and correctly signed (after a forged request: the genuine one),
   * as Douyin's re-delivery does. Returns tihuo's reply.
   */
  public Future<SpiReply> resendLast() {
    Exchange last = lastGenuine;
    if (last == null) {
      return Future.failedFuture(new IllegalStateException("nothing was sent yet"));
    }
    return exchange(last.name() + " (again)", last.url(), last.headers(), last.body(), target.replyTimeout(), null);
  }

  /** A webhook, e.g. W1 {@code life_retail_comp_poi_change}: signed with SHA-1 (spi.md §6.1, D13). */
  public Future<SpiReply> webhook(String event, JsonObject content) {
    Target t = target;
    String raw = new JsonObject().put("event", event).put("client_key", t.clientKey())
        .put("content", content.encode()).encode();
    SpiSigner signer = new SpiSigner(t.clientSecret());
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Douyin-Signature", signer.webhookSignature(raw));
    headers.put("Msg-Id", UUID.randomUUID().toString());
    boolean forge = takeForge();
    if (forge) {
      Map<String, String> forged = new LinkedHashMap<>(headers);
      String altered = raw.substring(0, raw.length() - 1) + ",\"tampered\":true}";
      lastGenuine = new Exchange(clock.instant(), "W " + event, t.url(t.webhookPath()), Map.copyOf(headers), raw, null);
      return exchange("W " + event + " (forged)", t.url(t.webhookPath()), forged, altered, t.replyTimeout(), null);
    }
    return exchange("W " + event, t.url(t.webhookPath()), headers, raw, t.replyTimeout());
  }

  private boolean takeForge() {
    boolean forge = forgeNext;
    forgeNext = false;
    return forge;
  }

  private Future<SpiReply> post(String name, Spi spi, String raw, boolean tamperAsked) {
    Target t = target;
    boolean forged = takeForge();
    boolean tamper = tamperAsked || forged;
    Duration age = ageNext;
    ageNext = null;
    // spi.md §2: client_key, timestamp (13-digit ms), sign in the query; the signatures cover them.
    Map<String, String> query = new LinkedHashMap<>();
    query.put("client_key", t.clientKey());
    query.put("timestamp", Long.toString(clock.millis() - (age == null ? 0 : age.toMillis())));
    SpiSigner signer = new SpiSigner(t.clientSecret());
    String lifeSign = signer.lifeSign(query, raw);
    query.put("sign", signer.legacySign(query, raw));
    String sent = tamper ? raw.substring(0, raw.length() - 1) + ",\"tampered\":true}" : raw;
    StringBuilder url = new StringBuilder(t.url(t.spiPrefix() + spi.path)).append('?');
    query.forEach((k, v) -> url.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
        .append('&'));
    url.setLength(url.length() - 1);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("x-life-sign", lifeSign);
    headers.put("x-life-clientkey", t.clientKey());
    headers.put("X-Bytedance-Logid", LocalLogid.next(clock, ids));
    Exchange genuine = new Exchange(clock.instant(), spi.name(), url.toString(), Map.copyOf(headers), raw, null);
    return exchange(forged ? name + " (forged)" : name, url.toString(), headers, sent, t.replyTimeout(),
        tamper ? genuine : null);
  }

  private Future<SpiReply> exchange(String name, String url, Map<String, String> headers, String raw,
      Duration timeout) {
    return exchange(name, url, headers, raw, timeout, null);
  }

  /** {@code genuine}: what to remember for {@link #resendLast()} when the bytes sent are not the genuine ones. */
  private Future<SpiReply> exchange(String name, String url, Map<String, String> headers, String raw,
      Duration timeout, Exchange genuine) {
    if (genuine != null) {
      lastGenuine = genuine;
    } else if (!name.endsWith("(forged)")) {
      lastGenuine = new Exchange(clock.instant(), name.replace(" (again)", ""), url, Map.copyOf(headers), raw, null);
    }
    HttpRequest<Buffer> req = http.postAbs(url).timeout(timeout.toMillis());
    MultiMap h = req.headers();
    headers.forEach(h::set);
    Instant at = clock.instant();
    log.info("→ tihuo {} {}", name, raw);
    return req.sendBuffer(Buffer.buffer(raw, "UTF-8"))
        .map(resp -> SpiReply.of(resp.statusCode(), resp.bodyAsString()))
        .otherwise(SpiReply::noAnswer)
        .onSuccess(reply -> {
          log.info("← tihuo {} {}", name, reply);
          synchronized (exchanges) {
            exchanges.add(new Exchange(at, name, url, Map.copyOf(headers), raw, reply));
          }
        });
  }

  public List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  /** Exchanges of one SPI, e.g. every S4 attempt. */
  public List<Exchange> exchanges(Spi spi) {
    return exchanges().stream().filter(e -> e.name().equals(spi.name())).toList();
  }

  public void close() {
    http.close();
  }

  /** Douyin's request log id, sent in X-Bytedance-Logid: time plus random hex, like the real ones. */
  static final class LocalLogid {
    private LocalLogid() {}

    static String next(SimClock clock, Ids ids) {
      return java.time.LocalDateTime.ofInstant(clock.instant(), clock.getZone())
          .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + ids.hex(9);
    }
  }
}
