package dev.tihuo.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How to start a {@link DouyinSimulator}. Defaults suit a test: random port, virtual clock, compressed retries. */
public final class SimulatorOptions {

  /** An open-platform app the OpenAPI side knows (client_key/secret; an optional fixed sandbox token). */
  public record AppCredentials(String clientKey, String clientSecret, String fixedToken) {}

  String host = "127.0.0.1";
  int port = 0;
  SimClock clock = SimClock.virtual(Instant.parse("2026-01-01T02:00:00Z"));
  final List<AppCredentials> apps = new ArrayList<>();
  DouyinPlatformClient.Target tihuo;
  BuyerJourney.Pacing pacing = BuyerJourney.Pacing.compressed(1000);
  Duration timeoutHold = Duration.ofSeconds(20);
  String tihuoClockUrl;

  public static SimulatorOptions defaults() {
    return new SimulatorOptions();
  }

  public SimulatorOptions host(String h) { this.host = h; return this; }

  /** 0 = a free port. */
  public SimulatorOptions port(int p) { this.port = p; return this; }

  public SimulatorOptions clock(SimClock c) { this.clock = c; return this; }

  public SimulatorOptions app(String clientKey, String clientSecret) {
    apps.add(new AppCredentials(clientKey, clientSecret, null));
    return this;
  }

  public SimulatorOptions sandboxApp(String clientKey, String clientSecret, String fixedToken) {
    apps.add(new AppCredentials(clientKey, clientSecret, fixedToken));
    return this;
  }

  /** Where tihuo's SPI lives; without it the simulator only plays the OpenAPI side. */
  public SimulatorOptions tihuo(DouyinPlatformClient.Target t) { this.tihuo = t; return this; }

  public SimulatorOptions pacing(BuyerJourney.Pacing p) { this.pacing = p; return this; }

  /** How long a TIMEOUT fault holds a call before dropping the connection. */
  public SimulatorOptions timeoutHold(Duration d) { this.timeoutHold = d; return this; }

  /**
   * A URL of tihuo's test clock: every {@link DouyinSimulator#advance} POSTs {@code {"millis": n}} there, so
   * tihuo's injected clock moves with the simulator's.
   */
  public SimulatorOptions tihuoClockUrl(String url) { this.tihuoClockUrl = url; return this; }
}
