package dev.tihuo.adapters.persistence.jdbi;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything this adapter gives the composition root, over one {@link Database}: every persistence port of the
 * application, all joining the transactions of {@link #unitOfWork()}, plus the webhook inbox and health.
 *
 * <pre>{@code
 * JdbiPersistence persistence = JdbiPersistence.open(DatabaseConfig.h2(dataDir), Clock.systemUTC());
 * Ports ports = new Ports(persistence.orders(), persistence.afterSales(), persistence.stores(),
 *         persistence.products(), persistence.stocks(), persistence.idempotencyRecords(), persistence.outbox(),
 *         douyin, codes, identifiers, policies, persistence.unitOfWork(), clock);
 * }</pre>
 */
public final class JdbiPersistence implements AutoCloseable {

    private final Database database;
    private final Clock clock;
    private final JdbiOrders orders;
    private final JdbiAfterSales afterSales;
    private final JdbiStores stores;
    private final JdbiProducts products;
    private final JdbiStoreStocks stocks;
    private final JdbiIdempotencyRecords idempotencyRecords;
    private final JdbiOutbox outbox;
    private final JdbiTokenStore tokens;
    private final JdbiWebhookInbox webhookInbox;

    private JdbiPersistence(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
        JdbiUnitOfWork unitOfWork = database.unitOfWork();
        this.orders = new JdbiOrders(unitOfWork);
        this.afterSales = new JdbiAfterSales(unitOfWork);
        this.stores = new JdbiStores(unitOfWork, database.config().catalogCacheTtl());
        this.products = new JdbiProducts(unitOfWork, database.config().catalogCacheTtl());
        this.stocks = new JdbiStoreStocks(unitOfWork);
        this.idempotencyRecords = new JdbiIdempotencyRecords(unitOfWork);
        this.outbox = new JdbiOutbox(unitOfWork);
        this.tokens = new JdbiTokenStore(unitOfWork);
        this.webhookInbox = new JdbiWebhookInbox(unitOfWork);
    }

    /** Opens the pool, migrates the schema (Flyway) and builds every port. Close it on shutdown. */
    public static JdbiPersistence open(DatabaseConfig config, Clock clock) {
        return new JdbiPersistence(Database.open(config), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Builds every port at once and opens the pool and migrates the schema on {@code executor} meanwhile, for a
     * composition root that wires while the database opens. The ports may be handed around but not used before
     * {@link #awaitOpen()} has returned: until then every read or write fails rather than meet an unmigrated
     * schema (see {@link Database}). Close it on shutdown, also when opening failed.
     */
    public static JdbiPersistence openInBackground(DatabaseConfig config, Clock clock, Executor executor) {
        Objects.requireNonNull(clock, "clock");
        return new JdbiPersistence(Database.openInBackground(config, executor), clock);
    }

    /** Builds the ports over a database opened elsewhere (closing this closes it). */
    public static JdbiPersistence over(Database database, Clock clock) {
        return new JdbiPersistence(Objects.requireNonNull(database, "database"), Objects.requireNonNull(clock, "clock"));
    }

    public JdbiOrders orders() { return orders; }

    public JdbiAfterSales afterSales() { return afterSales; }

    public JdbiStores stores() { return stores; }

    public JdbiProducts products() { return products; }

    public JdbiStoreStocks stocks() { return stocks; }

    public JdbiIdempotencyRecords idempotencyRecords() { return idempotencyRecords; }

    public JdbiOutbox outbox() { return outbox; }

    public JdbiTokenStore tokens() { return tokens; }

    public JdbiUnitOfWork unitOfWork() { return database.unitOfWork(); }

    public JdbiWebhookInbox webhookInbox() { return webhookInbox; }

    public Database database() { return database; }

    /**
     * The catalog caches by name ({@code products}, {@code product_of_sku}, {@code stores}, {@code store_of_poi}),
     * each read at the moment it is asked: for the composition root's metrics.
     */
    public java.util.Map<String, java.util.function.Supplier<CacheFigures>> catalogCacheFigures() {
        java.util.Map<String, java.util.function.Supplier<CacheFigures>> figures = new java.util.TreeMap<>();
        products.caches().forEach((name, cache) -> figures.put(name, cache::figures));
        stores.caches().forEach((name, cache) -> figures.put(name, cache::figures));
        return figures;
    }

    /**
     * The H2 group commit's counts, read at the moment they are asked (for metrics): transactions that waited for the
     * file, and writes of the file that carried them. Empty on PostgreSQL and when the URL sets {@code WRITE_DELAY}.
     */
    public java.util.Optional<java.util.function.Supplier<GroupCommitFigures>> groupCommitFigures() {
        return database.unitOfWork().groupCommit()
                .map(group -> () -> new GroupCommitFigures(group.writes(), group.flushes(), group.flushNanos()));
    }

    /**
     * tihuo's compaction of the H2 file ({@code H2Compaction}), read at the moment it is asked (for metrics). Empty on
     * PostgreSQL, in memory, and when the URL sets {@code AUTO_COMPACT_FILL_RATE} (H2 then compacts by itself).
     */
    public java.util.Optional<java.util.function.Supplier<H2CompactionFigures>> compactionFigures() {
        return database.compaction().map(c -> () -> new H2CompactionFigures(c.steps(), c.stepNanos()));
    }

    /**
     * Forgets the products and stores held in memory (see {@link DatabaseConfig#catalogCacheTtl()}). Call it after
     * changing those tables without tihuo (a manual repair, a test emptying them); otherwise the change is seen
     * within that time.
     */
    public void clearCaches() {
        products.caches().values().forEach(CommittedCache::clear);
        stores.caches().values().forEach(CommittedCache::clear);
    }

    public Clock clock() { return clock; }

    /** Health: true when a connection answers {@code SELECT 1} within the pool's connection timeout. */
    public boolean ping() {
        try {
            return database.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits until the pool is open and the schema migrated; rethrows the failure that stopped opening. */
    public JdbiPersistence awaitOpen() {
        database.awaitOpen();
        return this;
    }

    /** Migrations this {@code open} applied: 0 when the schema was already current. */
    public int migrationsApplied() {
        return database.migrationsApplied();
    }

    @Override
    public void close() {
        database.close();
    }
}
