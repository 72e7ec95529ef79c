package dev.tihuo.simulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Douyin: serves the OpenAPI tihuo calls, plays the buyer's journey against tihuo's SPI, and lets tests
 * drive time and faults. It knows tihuo only through HTTP.
 *
 * <pre>{@code
 * DouyinSimulator sim = DouyinSimulator.start(vertx, SimulatorOptions.defaults()
 *     .app("awKEY", "SECRET")
 *     .tihuo(DouyinPlatformClient.Target.of("http://localhost:8080", "awKEY", "SECRET"))).await();
 * // point tihuo's OpenAPI base URL at sim.baseUrl()
 * Order o = sim.journey().buy(Purchase.afterPay(...)).await();
 * sim.advance(Duration.ofMinutes(11)).await();   // lapses an "issuing" order: S5 goes to tihuo
 * }</pre>
 */
public final class DouyinSimulator {

  private static final Logger log = LoggerFactory.getLogger(DouyinSimulator.class);

  private final Vertx vertx;
  private final boolean ownsVertx;
  private final SimClock clock;
  private final PlatformState state = new PlatformState();
  private final CallLog calls = new CallLog();
  private final Faults faults;
  private final DouyinPlatformClient client;
  private final BuyerJourney journey;
  private final List<Function<Duration, Future<Void>>> clockLinks = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private long deadlineTimer = -1;

  private DouyinSimulator(Vertx vertx, boolean ownsVertx, SimulatorOptions options) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.clock = options.clock;
    this.faults = new Faults(clock);
    DouyinPlatformClient.Target target = options.tihuo != null ? options.tihuo
        : DouyinPlatformClient.Target.of("http://127.0.0.1:8080", "unset", "unset");
    this.client = new DouyinPlatformClient(vertx, clock, target);
    this.journey = new BuyerJourney(vertx, state, clock, client, this::advance, options.pacing);
    options.apps.forEach(a -> state.addApp(a.clientKey(), a.clientSecret(), a.fixedToken()));
    if (options.tihuoClockUrl != null) {
      WebClient http = WebClient.create(vertx);
      String url = options.tihuoClockUrl;
      linkClock(d -> http.postAbs(url).sendJsonObject(new JsonObject().put("millis", d.toMillis())).mapEmpty());
    }
  }

  /** Starts on the given Vert.x instance. */
  public static Future<DouyinSimulator> start(Vertx vertx, SimulatorOptions options) {
    return new DouyinSimulator(vertx, false, options).listen(options);
  }

  /** Starts with its own Vert.x instance (closed by {@link #close()}); blocks until listening. */
  public static DouyinSimulator startBlocking(SimulatorOptions options) {
    Vertx vertx = Vertx.vertx();
    try {
      return new DouyinSimulator(vertx, true, options).listen(options).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("simulator did not start", e);
    }
  }

  private Future<DouyinSimulator> listen(SimulatorOptions options) {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(1 << 20));
    new ControlApi(this).mount(router);
    new OpenApi(vertx, state, clock, calls, faults, journey, options.timeoutHold).mount(router);
    if (!clock.isVirtual()) {
      // real time passes by itself: look for lapsed deadlines every second
      deadlineTimer = vertx.setPeriodic(1000, t -> journey.processDeadlines());
    }
    return vertx.createHttpServer().requestHandler(router).listen(options.port, options.host).map(s -> {
      server = s;
      log.info("Douyin simulator listening on {}", baseUrl());
      return this;
    });
  }

  /** Base URL of the simulated {@code https://open.douyin.com}: give it to tihuo as the OpenAPI host. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.actualPort();
  }

  public SimClock clock() { return clock; }

  public CallLog calls() { return calls; }

  public Faults faults() { return faults; }

  public PlatformState state() { return state; }

  public BuyerJourney journey() { return journey; }

  public DouyinPlatformClient client() { return client; }

  public Vertx vertx() { return vertx; }

  /**
   * Moves tihuo's clock together with ours: {@code link} is called with every jump (e.g. a lambda that advances
   * tihuo's injected test clock, or an HTTP call to it).
   */
  public void linkClock(Function<Duration, Future<Void>> link) {
    clockLinks.add(link);
  }

  /**
   * Advances the simulator clock, then every linked tihuo clock, then runs what Douyin does because time passed
   * (lapsed issue windows, hourly refund re-sends, 72 h auto-approval). Completes when all of that is done.
   */
  public Future<Void> advance(Duration by) {
    clock.advance(by);
    List<Future<Void>> links = clockLinks.stream().map(l -> l.apply(by)).toList();
    return Future.join(links).transform(ar -> journey.processDeadlines());
  }

  public Future<Void> close() {
    if (deadlineTimer >= 0) {
      vertx.cancelTimer(deadlineTimer);
    }
    client.close();
    Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
    return ownsVertx ? closed.transform(ar -> vertx.close()) : closed;
  }
}
