package dev.tihuo.simulator;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the simulator as a process.
 *
 * <pre>
 * java -jar features/simulator/target/tihuo-simulator.jar --port 8090 --tihuo http://127.0.0.1:8080 \
 *      --client-key awSIMKEY --client-secret SIMSECRET [--virtual-clock] [--compression 1] [--demo]
 * </pre>
 * Every option also reads an environment variable: SIM_PORT, TIHUO_BASE_URL, DOUYIN_CLIENT_KEY,
 * DOUYIN_CLIENT_SECRET, SIM_FIXED_TOKEN, SIM_SPI_PREFIX, SIM_WEBHOOK_PATH, SIM_COMPRESSION, SIM_TIHUO_CLOCK_URL.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", "dev/tihuo/simulator/logback-simulator.xml");
    }
    Map<String, String> opt = parse(args);
    if (opt.containsKey("help")) {
      System.out.println("usage: see the javadoc of dev.tihuo.simulator.Main or features/simulator/README.md");
      return;
    }
    int port = Integer.parseInt(get(opt, "port", "SIM_PORT", "8090"));
    String tihuo = get(opt, "tihuo", "TIHUO_BASE_URL", "http://127.0.0.1:8080");
    String key = get(opt, "client-key", "DOUYIN_CLIENT_KEY", "awSIMCLIENTKEY");
    String secret = get(opt, "client-secret", "DOUYIN_CLIENT_SECRET", "sim-client-secret");
    String fixedToken = get(opt, "fixed-token", "SIM_FIXED_TOKEN", null);
    double compression = Double.parseDouble(get(opt, "compression", "SIM_COMPRESSION", "1"));
    DouyinPlatformClient.Target target = DouyinPlatformClient.Target.of(tihuo, key, secret)
        .withSpiPrefix(get(opt, "spi-prefix", "SIM_SPI_PREFIX", "/spi"))
        .withWebhookPath(get(opt, "webhook-path", "SIM_WEBHOOK_PATH", "/webhooks/douyin"));
    SimulatorOptions options = SimulatorOptions.defaults().host(get(opt, "host", "SIM_HOST", "0.0.0.0")).port(port)
        .clock(opt.containsKey("virtual-clock") ? SimClock.virtual(java.time.Instant.now()) : SimClock.realTime())
        .sandboxApp(key, secret, fixedToken)
        .tihuo(target)
        .pacing(BuyerJourney.Pacing.compressed(compression))
        .tihuoClockUrl(get(opt, "tihuo-clock-url", "SIM_TIHUO_CLOCK_URL", null));
    DouyinSimulator sim = DouyinSimulator.startBlocking(options);
    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Main.class);
    log.info("Simulated Douyin OpenAPI at {}  (point tihuo's OpenAPI base URL here)", sim.baseUrl());
    log.info("Playing Douyin's SPI calls against {}{}  with client_key {}", tihuo, target.spiPrefix(), key);
    log.info("Control API: {}/_sim/  (calls, faults, clock/advance, orders, catalog)", sim.baseUrl());
    if (opt.containsKey("demo")) {
      var product = sim.state().seedProduct("7000000000000000001", "P-DEMO", "精品咖啡豆 到店自提",
          List.of("6600000000000000001", "6600000000000000002"),
          List.of(new JsonObject().put("out_sku_id", "SKU-DEMO-250G").put("sku_name", "250g 中烘")
              .put("actual_amount", 6800).put("status", 1)));
      log.info("Demo catalogue: account 7000000000000000001, product {} ({}), sku {} (SKU-DEMO-250G), pois "
          + "6600000000000000001 and 6600000000000000002", product.productId(), "P-DEMO", product.skuIds().get(0));
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> sim.close()));
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument " + a);
      }
      String k = a.substring(2);
      int eq = k.indexOf('=');
      if (eq >= 0) {
        m.put(k.substring(0, eq), k.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        m.put(k, args[++i]);
      } else {
        m.put(k, "true");
      }
    }
    return m;
  }

  private static String get(Map<String, String> opt, String name, String env, String dflt) {
    String v = opt.get(name);
    if (v == null) {
      v = System.getenv(env);
    }
    return v == null || v.isBlank() ? dflt : v;
  }
}
