package dev.tihuo.adapters.persistence.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a HikariCP pool, the schema migrated by Flyway, and the {@link Jdbi} built on top of it.
 *
 * <p>Opening has two parts that may run on different threads. Connecting (the pool and its first connection) and
 * migrating run as one step, on the executor given to {@link #openInBackground}; the {@link Jdbi}, and with it every
 * repository, is built at once on the calling thread, so a composition root can wire its adapters while the
 * database opens.
 *
 * <p><b>Invariant: nothing reads or writes through this database before its schema is migrated.</b> The Jdbi takes
 * its connections from the pool only once the pool is open and Flyway has finished; until then asking it for a
 * connection fails with an {@link IllegalStateException} instead of waiting or touching an unmigrated schema, and
 * if opening failed it fails with that failure. Callers wait with {@link #awaitOpen()} before they serve anything.
 * {@link #open(DatabaseConfig)} does both parts on the calling thread and returns an open database.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    /** The pool once it is connected and the schema migrated. */
    private record Opened(HikariDataSource pool, int migrationsApplied) {
    }

    private final DatabaseConfig config;
    private final CompletableFuture<Opened> opening;
    private final Jdbi jdbi;
    private final JdbiUnitOfWork unitOfWork;
    private final H2Checkpoint checkpoint;
    private final H2Compaction compaction;

    private Database(DatabaseConfig config, CompletableFuture<Opened> opening) {
        this.config = config;
        this.opening = opening;
        this.jdbi = Jdbi.create(this::migratedConnection);
        JavaTimeMapping.install(jdbi);
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        this.checkpoint = config.vendor().groupCommits(config.jdbcUrl()) ? new H2Checkpoint(this::migratedConnection) : null;
        this.compaction = config.vendor().tihuoCompacts(config.jdbcUrl()) ? new H2Compaction(this::migratedConnection) : null;
        if (compaction != null) {
            opening.thenRun(compaction::start);
        }
        this.unitOfWork = new JdbiUnitOfWork(jdbi, JdbiUnitOfWork.DEFAULT_ATTEMPTS, Duration.ofMillis(50),
                checkpoint == null ? null : new GroupCommit(checkpoint));
        if (checkpoint != null) {
            // tells the group commit which transactions wrote: only those make anyone wait for a write of the file
            jdbi.addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement statement, StatementContext context) {
                    unitOfWork.beforeStatement(context.getRawSql());
                }
            });
        }
    }

    /** Opens the pool and migrates the schema on this thread. Closes the pool again if any step fails. */
    public static Database open(DatabaseConfig config) {
        return openInBackground(config, Runnable::run).awaitOpen();
    }

    /**
     * Starts opening the pool and migrating the schema on {@code executor} and returns at once with the
     * {@link Jdbi} built: it may be wired into repositories now, but gives no connection before {@link #awaitOpen()}
     * has returned (see the class comment). A failed opening closes the pool it made; {@code awaitOpen} rethrows it.
     */
    public static Database openInBackground(DatabaseConfig config, Executor executor) {
        return new Database(config, CompletableFuture.supplyAsync(() -> connectAndMigrate(config), executor));
    }

    /** Waits until the pool is open and the schema migrated; rethrows the failure that stopped opening. */
    public Database awaitOpen() {
        try {
            opening.join();
            return this;
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static Opened connectAndMigrate(DatabaseConfig config) {
        createDataDirectory(config);
        HikariDataSource dataSource = new HikariDataSource(poolConfig(config));
        try {
            MigrateResult result = migrate(dataSource);
            LOG.info("database {} ready ({} migration(s) applied{})", config, result.migrationsExecuted,
                    result.targetSchemaVersion == null ? ", schema already current" : ", now at version " + result.targetSchemaVersion);
            return new Opened(dataSource, result.migrationsExecuted);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** The Jdbi's only source of connections: the pool, once open and migrated. */
    private Connection migratedConnection() throws SQLException {
        return opened().pool().getConnection();
    }

    private Opened opened() {
        Opened opened;
        try {
            opened = opening.getNow(null);
        } catch (CompletionException e) {
            throw new IllegalStateException("database " + config + " failed to open", e.getCause());
        }
        if (opened == null) {
            throw new IllegalStateException("database " + config + " is still opening: no connection before the schema is migrated");
        }
        return opened;
    }

    private static void createDataDirectory(DatabaseConfig config) {
        if (config.dataDirectory() == null) {
            return;
        }
        try {
            Files.createDirectories(config.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDirectory(), e);
        }
    }

    private static HikariConfig poolConfig(DatabaseConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("tihuo-db-" + POOL_NUMBER.incrementAndGet());
        pool.setJdbcUrl(config.effectiveUrl());
        pool.setUsername(config.user());
        pool.setPassword(config.password());
        pool.setMaximumPoolSize(config.maximumPoolSize());
        pool.setMinimumIdle(Math.min(2, config.maximumPoolSize()));
        pool.setConnectionTimeout(config.connectionTimeout().toMillis());
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool.setAutoCommit(true);
        return pool;
    }

    private static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .javaMigrations(new H2ForeignKeysDropped())
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The open pool; fails while the database is still opening. */
    public DataSource dataSource() {
        return opened().pool();
    }

    public Vendor vendor() {
        return config.vendor();
    }

    public DatabaseConfig config() {
        return config;
    }

    /** Migrations this {@code open} applied: 0 when the schema was already current. */
    public int migrationsApplied() {
        return opened().migrationsApplied();
    }

    /** tihuo's compaction of the H2 file, or empty when H2 compacts it itself or there is no file. */
    java.util.Optional<H2Compaction> compaction() {
        return java.util.Optional.ofNullable(compaction);
    }

    /** The transaction runner every repository of this database joins. */
    public JdbiUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** Closes the pool; while the database is still opening, waits for that to end first. */
    @Override
    public void close() {
        Opened opened = opening.handle((open, failure) -> open).join(); // null: opening failed and closed its pool
        if (compaction != null) {
            compaction.close();
        }
        if (checkpoint != null) {
            checkpoint.close();
        }
        if (opened != null) {
            opened.pool().close();
        }
    }
}
