package dev.tihuo.bootstrap;

import dev.tihuo.adapters.douyin.openapi.DouyinOpenApiConfig;
import dev.tihuo.adapters.douyin.openapi.DouyinOpenApiPlatform;
import dev.tihuo.adapters.http.merchant.ApiKeys;
import dev.tihuo.adapters.http.merchant.MerchantApi;
import dev.tihuo.adapters.http.spi.SpiApp;
import dev.tihuo.adapters.http.spi.SpiApps;
import dev.tihuo.adapters.http.spi.SpiRoutes;
import dev.tihuo.adapters.http.spi.SpiSettings;
import dev.tihuo.adapters.http.spi.usecase.SpiUseCases;
import dev.tihuo.adapters.http.webhook.WebhookInbox;
import dev.tihuo.adapters.http.webhook.WebhookRoutes;
import dev.tihuo.adapters.http.webhook.WebhookSettings;
import dev.tihuo.adapters.persistence.jdbi.DatabaseConfig;
import dev.tihuo.adapters.persistence.jdbi.JdbiPersistence;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.service.AfterSaleService;
import dev.tihuo.application.service.BrowseService;
import dev.tihuo.application.service.CatalogService;
import dev.tihuo.application.service.CounterService;
import dev.tihuo.application.service.IssuingService;
import dev.tihuo.application.service.OrderService;
import dev.tihuo.application.service.OutboxService;
import dev.tihuo.application.service.Ports;
import dev.tihuo.application.service.ReconcileService;
import dev.tihuo.application.service.StoreChangeService;
import dev.tihuo.bootstrap.config.ConfigException;
import dev.tihuo.bootstrap.config.ConfigLoader;
import dev.tihuo.bootstrap.config.TihuoConfig;
import dev.tihuo.domain.aftersale.RefundPolicy;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads configuration, builds the adapters, wires the use cases by hand and starts the two
 * listeners (public: the SPI and webhooks Douyin calls; internal: merchant API, counter page, health, metrics) and
 * the background work. {@link #close()} stops it gracefully; SIGTERM calls it.
 */
public final class Tihuo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tihuo.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.tihuo.api.requests");

    /** Latency timers of tihuo and of the HTTP server publish Prometheus histogram buckets. */
    private static final MeterFilter LATENCY_HISTOGRAMS = new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            if (id.getType() == Meter.Type.TIMER && (id.getName().startsWith("tihuo.")
                    || id.getName().startsWith("vertx.http.server"))) {
                return DistributionStatisticConfig.builder().percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos()).build().merge(config);
            }
            return config;
        }
    };
    static final Duration STOP_BOUND = Duration.ofSeconds(10);

    private final TihuoConfig config;
    private final PrometheusMeterRegistry registry;
    private final Vertx vertx;
    private final JdbiPersistence persistence;
    private final DouyinOpenApiPlatform douyin;
    private final Ports ports;
    private final ThreadPoolExecutor blocking;
    private final Schedules schedules;
    private final SpiRoutes spiRoutes;
    private final WebhookRoutes webhookRoutes;
    private final HttpServer publicServer;
    private final HttpServer internalServer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Map<String, java.util.function.Supplier<dev.tihuo.adapters.persistence.jdbi.CacheFigures>> catalogCaches;
    private java.util.function.Supplier<dev.tihuo.adapters.persistence.jdbi.GroupCommitFigures> groupCommit;
    private java.util.function.Supplier<dev.tihuo.adapters.persistence.jdbi.H2CompactionFigures> compaction;

    private Tihuo(TihuoConfig config, Clock clock) {
        this.config = config;
        long started = System.nanoTime();
        // The pool, H2 or PostgreSQL and Flyway load on their own thread while metrics, Vert.x and every adapter,
        // service and route are built here. The ports refuse to touch the database until it is migrated; the
        // listeners and the outbox workers start only after awaitOpen() below, so nothing ever meets an old schema.
        persistence = JdbiPersistence.openInBackground(databaseConfig(config.database()), clock, task -> {
            Thread t = new Thread(task, "tihuo-database-open");
            t.setDaemon(true);
            t.start();
        });
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(LATENCY_HISTOGRAMS);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
                        .addLabels(Label.HTTP_ROUTE, Label.HTTP_CODE, Label.HTTP_METHOD)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        TihuoConfig.App app = config.apps().get(0);
        String instance = instanceId();
        douyin = DouyinOpenApiPlatform.create(vertx,
                DouyinOpenApiConfig.defaults(config.douyin().baseUrl(), app.clientKey(), app.clientSecret(), instance)
                        .withTimeouts(config.douyin().connectTimeout(), config.douyin().readTimeout()),
                persistence.tokens(), clock, registry);
        RandomIdentifiers identifiers = new RandomIdentifiers(clock);
        Map<String, RefundPolicy> policies = new HashMap<>();
        config.merchants().forEach(m -> policies.put(m.accountId(),
                "manual".equals(m.refundPolicy()) ? RefundPolicy.manualReview() : RefundPolicy.standard()));
        ports = new Ports(persistence.orders(), persistence.afterSales(), persistence.stores(), persistence.products(),
                persistence.stocks(), persistence.idempotencyRecords(), persistence.outbox(), douyin, identifiers,
                identifiers, merchant -> policies.getOrDefault(merchant.value(), RefundPolicy.standard()),
                persistence.unitOfWork(), clock);

        OrderService orders = new OrderService(ports);
        IssuingService issuing = new IssuingService(ports);
        AfterSaleService afterSales = new AfterSaleService(ports);
        StoreChangeService storeChanges = new StoreChangeService(ports);
        CatalogService catalog = new CatalogService(ports);
        OutboxService outbox = new OutboxService(ports);

        SpiApps apps = SpiApps.of(config.apps().stream()
                .map(a -> new SpiApp(a.clientKey(), a.clientSecret(), a.acceptLegacyMd5())).toList());
        SpiUseCases door = new SpiUseCases(orders, orders, orders, issuing, afterSales, afterSales, afterSales, afterSales,
                storeChanges);
        Router publicRouter = Router.router(vertx);
        spiRoutes = new SpiRoutes(vertx, apps, door.handlers(), SpiSettings.defaults()
                .withPathPrefix(config.spi().prefix()).withBodyLimitBytes(config.spi().maxBodyBytes())
                .withDeadline(config.spi().deadline()).withTimestampWindow(config.spi().timestampWindow())
                .withWorkerPoolSize(Math.max(4, config.database().poolSize())).withClock(clock), registry);
        spiRoutes.mountOn(publicRouter);
        WebhookInbox inbox = new WebhookInbox() {
            @Override
            public boolean claim(String msgId) {
                return persistence.webhookInbox().recordFirstDelivery(msgId, clock.instant());
            }

            @Override
            public void release(String msgId) {
                persistence.webhookInbox().forget(msgId);
            }
        };
        webhookRoutes = new WebhookRoutes(vertx, apps, inbox, door.poiChangeHandler(), new WebhookSettings(
                config.spi().webhookPath(), config.spi().maxBodyBytes(), config.spi().deadline()), registry);
        webhookRoutes.mountOn(publicRouter);

        blocking = new ThreadPoolExecutor(4, Math.max(4, config.database().poolSize()), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1000), r -> {
                    Thread t = new Thread(r, "tihuo-merchant-api");
                    t.setDaemon(true);
                    return t;
                });
        Router internalRouter = MerchantApi.router(vertx, new MerchantApi.UseCases(new CounterService(ports), catalog, catalog,
                new BrowseService(ports), afterSales, outbox, new ReconcileService(ports)), apiKeys(config), blocking);
        internalRouter.route().order(-1).handler(Tihuo::accessLog);
        OperatorRoutes.mount(internalRouter, registry, persistence.outbox()::backlog,
                // awaitOpen() below migrated the schema or failed the start: a serving instance's schema is current
                persistence::ping, douyin::health, clock);
        registerOutboxGauges(persistence.outbox(), clock);
        registerCatalogCacheMeters();
        registerGroupCommitMeters();

        try {
            persistence.awaitOpen();
            publicServer = await(vertx.createHttpServer().requestHandler(publicRouter)
                    .listen(config.listeners().publicPort(), config.listeners().host()), "listeners.publicPort "
                    + config.listeners().publicPort());
            internalServer = await(vertx.createHttpServer().requestHandler(internalRouter)
                    .listen(config.listeners().internalPort(), config.listeners().host()), "listeners.internalPort "
                    + config.listeners().internalPort());
        } catch (RuntimeException e) {
            quietly(spiRoutes::close);
            quietly(webhookRoutes::close);
            blocking.shutdownNow();
            quietly(() -> await(vertx.close()));
            quietly(persistence::close);
            throw e;
        }
        schedules = new Schedules(outbox, issuing, config.outbox().workers(), config.outbox().batch(), config.outbox().poll(),
                instance);
        schedules.start();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.info("tihuo ready in {} ms (JVM up {} ms): SPI on port {}, merchant API and /counter on port {}, database {}",
                millis, ManagementFactory.getRuntimeMXBean().getUptime(), publicPort(), internalPort(), config.database());
    }

    /** Starts tihuo with this configuration; the caller owns the returned instance and closes it. */
    public static Tihuo start(TihuoConfig config, Clock clock) {
        return new Tihuo(config, clock);
    }

    public static void main(String[] args) {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            }
        }
        if (configFile == null && System.getenv("TIHUO_CONFIG") != null) {
            configFile = Path.of(System.getenv("TIHUO_CONFIG"));
        }
        TihuoConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv());
        } catch (ConfigException e) {
            System.err.println("tihuo cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        LogSetup.apply(config.logging().format(), config.logging().level());
        Tihuo tihuo;
        try {
            tihuo = start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            LOG.error("tihuo cannot start", e);
            LogSetup.stop();
            System.err.println("tihuo cannot start: " + rootMessage(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            tihuo.close();
            LogSetup.stop();
        }, "tihuo-shutdown"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !message.toString().contains(t.getMessage())) {
                message.append(": ").append(t.getMessage());
            }
        }
        return message.toString();
    }

    /**
     * One line per merchant API, counter and operator request: method, route, HTTP status (the outcome), the
     * merchant of the key (never the key) and the duration. /health, /ready and /metrics are left out.
     */
    private static void accessLog(io.vertx.ext.web.RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/health") || path.equals("/ready") || path.equals("/metrics") || path.startsWith("/counter/")
                && !path.startsWith("/counter/api")) {
            ctx.next();
            return;
        }
        long started = System.nanoTime();
        ctx.addBodyEndHandler(v -> {
            ApiKeys.Caller caller = ctx.get(ApiKeys.Caller.class.getName());
            String route = ctx.currentRoute() == null || ctx.currentRoute().getPath() == null ? path
                    : ctx.currentRoute().getPath();
            ACCESS.info("{} {} route={} merchant={} role={} outcome={} duration_ms={}", ctx.request().method(), path,
                    route, caller == null ? "-" : caller.merchant().value(),
                    caller == null ? "-" : (caller.isAdmin() ? "admin" : "clerk"), ctx.response().getStatusCode(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        });
        ctx.next();
    }

    public int publicPort() {
        return publicServer.actualPort();
    }

    public int internalPort() {
        return internalServer.actualPort();
    }

    public Ports ports() {
        return ports;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Graceful stop: stop accepting and let in-flight requests finish (bounded), let the background workers finish
     * their current message, then close the pools. A request that does not finish in time is answered by nobody;
     * its transaction either committed or rolled back, never half.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long stopping = System.nanoTime();
        LOG.info("tihuo stopping: no new requests; finishing what is in flight (at most {} s)", STOP_BOUND.toSeconds());
        quietly(() -> await(Future.all(publicServer.shutdown(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS),
                internalServer.shutdown(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS))));
        quietly(() -> schedules.stop(STOP_BOUND));
        quietly(spiRoutes::close);
        quietly(webhookRoutes::close);
        blocking.shutdown();
        quietly(() -> blocking.awaitTermination(STOP_BOUND.toMillis(), TimeUnit.MILLISECONDS));
        quietly(() -> await(vertx.close()));
        quietly(persistence::close);
        LOG.info("tihuo stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
    }

    private void registerOutboxGauges(Outbox outbox, Clock clock) {
        Gauge.builder("tihuo.outbox.pending", outbox, o -> o.backlog().pending()).register(registry);
        Gauge.builder("tihuo.outbox.parked", outbox, o -> o.backlog().parked()).register(registry);
        Gauge.builder("tihuo.outbox.oldest.age.seconds", outbox, o -> {
            var oldest = o.backlog().oldestPendingAt();
            return oldest == null ? 0 : Duration.between(oldest, clock.instant()).toSeconds();
        }).register(registry);
        Gauge.builder("tihuo.outbox.issue.callback.seconds.left", outbox,
                o -> OperatorRoutes.secondsUntil(o.backlog().nearestDeadline(), clock))
                .description("seconds until the nearest undelivered O1 deadline; -1 when none waits").register(registry);
    }

    /**
     * The H2 group commit (embedded database only): transactions and the writes of the file that carried them; and
     * tihuo's compaction of that file.
     */
    private void registerGroupCommitMeters() {
        persistence.groupCommitFigures().ifPresent(figures -> {
            groupCommit = figures;
            FunctionCounter.builder("tihuo.h2.group.commit.transactions", figures, f -> f.get().transactions())
                    .description("transactions that wrote and waited until the H2 file held them").register(registry);
            FunctionTimer.builder("tihuo.h2.file.writes", figures, f -> f.get().fileWrites(),
                            f -> f.get().fileWriteNanos(), TimeUnit.NANOSECONDS)
                    .description("writes of the H2 file (CHECKPOINT), each carrying the transactions committed before it")
                    .register(registry);
        });
        persistence.compactionFigures().ifPresent(figures -> {
            compaction = figures;
            FunctionTimer.builder("tihuo.h2.compaction.steps", figures, f -> f.get().steps(),
                            f -> f.get().stepNanos(), TimeUnit.NANOSECONDS)
                    .description("steps of tihuo's H2 compaction that copied live pages out of sparse chunks, and the"
                            + " time they held the store lock")
                    .register(registry);
        });
    }

    /**
     * Hit and miss counts of the product and store caches (database.catalogCacheTtl), and their sizes. Micrometer
     * holds what it measures weakly, so the figures' suppliers are kept in a field for the life of this instance.
     */
    private void registerCatalogCacheMeters() {
        catalogCaches = persistence.catalogCacheFigures();
        catalogCaches.forEach((cache, figures) -> {
            FunctionCounter.builder("tihuo.catalog.cache.reads", figures, f -> f.get().hits())
                    .tags("cache", cache, "result", "hit").description("catalog reads served from memory").register(registry);
            FunctionCounter.builder("tihuo.catalog.cache.reads", figures, f -> f.get().misses())
                    .tags("cache", cache, "result", "miss").description("catalog reads that went to the database")
                    .register(registry);
            Gauge.builder("tihuo.catalog.cache.size", figures, f -> f.get().size()).tags("cache", cache)
                    .register(registry);
        });
    }

    private static DatabaseConfig databaseConfig(TihuoConfig.Database db) {
        DatabaseConfig base = db.url() == null || db.url().isBlank()
                ? DatabaseConfig.h2(Path.of(db.dataDir()))
                : DatabaseConfig.of(db.url(), db.user(), db.password());
        return base.withMaximumPoolSize(db.poolSize()).withCatalogCacheTtl(db.catalogCacheTtl());
    }

    private static ApiKeys apiKeys(TihuoConfig config) {
        ApiKeys.Builder keys = ApiKeys.builder();
        for (TihuoConfig.ApiKey k : config.apiKeys()) {
            keys.key(k.key(), "admin".equals(k.role()) ? ApiKeys.Grant.admin(k.merchant())
                    : ApiKeys.Grant.clerk(k.merchant(), k.stores().toArray(String[]::new)));
        }
        return keys.build();
    }

    /**
     * Names this instance in outbox claims and token leases: the JVM ({@code pid@host}) plus a random suffix, so two
     * instances in one JVM (tests, the demo) are told apart as two processes are.
     */
    private static String instanceId() {
        return ManagementFactory.getRuntimeMXBean().getName() + "#"
                + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    private static <T> T await(Future<T> future) {
        return await(future, "a start-up step");
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(what + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(what + " failed: " + e, e);
        }
    }

    private static void quietly(ThrowingRunnable step) {
        try {
            step.run();
        } catch (Exception e) {
            LOG.warn("while stopping: {}", e.toString());
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
