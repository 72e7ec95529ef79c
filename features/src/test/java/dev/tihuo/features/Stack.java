package dev.tihuo.features;

import dev.tihuo.bootstrap.Tihuo;
import dev.tihuo.bootstrap.config.TihuoConfig;
import dev.tihuo.simulator.BuyerJourney;
import dev.tihuo.simulator.DouyinPlatformClient;
import dev.tihuo.simulator.DouyinSimulator;
import dev.tihuo.simulator.SimClock;
import dev.tihuo.simulator.SimulatorOptions;
import io.vertx.core.Future;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The real stack, started once per JVM and shared by every scenario: tihuo ({@link Tihuo#start}) on a durable H2
 * file in a temporary directory, both listeners on free ports, and the Douyin platform simulator on a virtual
 * clock that moves tihuo's {@link TestClock} with it.
 *
 * <p>Scenarios stay independent because each one takes a merchant account of its own. tihuo reads merchants
 * (with their refund policy, D7) and API keys only at start-up, so a pool of accounts is declared up front:
 * {@value #STANDARD} with the standard refund policy and {@value #MANUAL} whose after-sales a person reviews.
 * Each account has one admin key (catalogue, stock, after-sale decisions, reads) and one clerk key per store
 * ("Jing'an", "Xuhui"), so "the clerk at Jing'an" really is a clerk key bound to that store.
 */
final class Stack {
    static final String CLIENT_KEY = "awFEATURESCLIENT";
    static final String CLIENT_SECRET = "features-client-secret-0123456789";
    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    static final int STANDARD = 160;
    static final int MANUAL = 40;
    /** The stores a merchant's clerks work at (our store ids are derived from these names). */
    static final List<String> STORE_NAMES = List.of("Jing'an", "Xuhui");

    private static Stack instance;

    final TestClock clock = new TestClock(START);
    final DouyinSimulator sim;
    final Tihuo tihuo;
    final String internalBaseUrl;
    private final Deque<Merchant> standard = new ArrayDeque<>();
    private final Deque<Merchant> manual = new ArrayDeque<>();

    /** One pre-declared merchant account and its keys. */
    record Merchant(int number, String accountId, String adminKey, boolean manualReview) {
        String storeId(String storeName) {
            return "s" + number + "-" + slug(storeName);
        }

        String clerkKey(String storeName) {
            return "features-clerk-" + slug(storeName) + "-" + accountId;
        }
    }

    static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "");
    }

    static synchronized Stack get() {
        if (instance == null) {
            instance = new Stack();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "features-stack-stop"));
        }
        return instance;
    }

    private Stack() {
        sim = DouyinSimulator.startBlocking(SimulatorOptions.defaults()
                .clock(SimClock.virtual(START))
                .app(CLIENT_KEY, CLIENT_SECRET)
                .tihuo(DouyinPlatformClient.Target.of("http://127.0.0.1:9", CLIENT_KEY, CLIENT_SECRET))
                .pacing(BuyerJourney.Pacing.compressed(0)));
        // Douyin's automatic refund after an approval is written out in the features ("Douyin tells tihuo that it
        // refunded …"), so the simulator refunds only when a step says so.
        sim.journey().autoRefund(false);
        sim.linkClock(d -> {
            clock.advance(d);
            return Future.succeededFuture();
        });
        List<TihuoConfig.Merchant> merchants = new ArrayList<>();
        List<TihuoConfig.ApiKey> keys = new ArrayList<>();
        for (int i = 1; i <= STANDARD + MANUAL; i++) {
            boolean byHand = i > STANDARD;
            String account = String.valueOf(7_300_000_000_000_000_000L + i);
            Merchant m = new Merchant(i, account, "features-admin-key-" + account, byHand);
            (byHand ? manual : standard).add(m);
            merchants.add(new TihuoConfig.Merchant(account, byHand ? "manual" : "standard"));
            keys.add(new TihuoConfig.ApiKey(m.adminKey(), account, "admin", List.of()));
            for (String store : STORE_NAMES) {
                keys.add(new TihuoConfig.ApiKey(m.clerkKey(store), account, "clerk", List.of(m.storeId(store))));
            }
        }
        Path data;
        try {
            data = Files.createTempDirectory("tihuo-features-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TihuoConfig config = new TihuoConfig(
                new TihuoConfig.Listeners("127.0.0.1", 0, 0),
                new TihuoConfig.Database("", "", "", data.toString(), 8, java.time.Duration.ofSeconds(2)),
                new TihuoConfig.Douyin(sim.baseUrl(), Duration.ofSeconds(3), Duration.ofSeconds(8)),
                List.of(new TihuoConfig.App(CLIENT_KEY, CLIENT_SECRET, false)),
                merchants, keys,
                new TihuoConfig.Spi("/spi", "/webhooks/douyin", 262_144, Duration.ofSeconds(5), Duration.ofMinutes(15)),
                new TihuoConfig.Outbox(2, 20, Duration.ofMillis(50)),
                new TihuoConfig.Logging("text", "WARN"));
        tihuo = Tihuo.start(config, clock);
        internalBaseUrl = "http://127.0.0.1:" + tihuo.internalPort();
        sim.client().retarget(DouyinPlatformClient.Target.of("http://127.0.0.1:" + tihuo.publicPort(), CLIENT_KEY,
                CLIENT_SECRET));
    }

    synchronized Merchant nextMerchant(boolean manualReview) {
        Merchant m = (manualReview ? manual : standard).poll();
        if (m == null) {
            throw new IllegalStateException("the pool of merchant accounts is used up: raise Stack.STANDARD/MANUAL");
        }
        return m;
    }

    private void stop() {
        try {
            tihuo.close();
        } finally {
            sim.close();
        }
    }
}
