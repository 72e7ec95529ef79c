package dev.tihuo.adapters.persistence.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opened database: a HikariCP pool, the schema migrated by Flyway, and the {@link Jdbi} built on
 * top of it, in that order (the Jdbi never sees an unmigrated schema).
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final JdbiUnitOfWork unitOfWork;
    private final int migrationsApplied;

    private Database(DatabaseConfig config, HikariDataSource dataSource, Jdbi jdbi, int migrationsApplied) {
        this.config = config;
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        this.unitOfWork = new JdbiUnitOfWork(jdbi);
        this.migrationsApplied = migrationsApplied;
    }

    /** Opens the pool, migrates the schema, then builds the Jdbi. Closes the pool again if any step fails. */
    public static Database open(DatabaseConfig config) {
        createDataDirectory(config);
        HikariDataSource dataSource = new HikariDataSource(poolConfig(config));
        try {
            MigrateResult result = migrate(dataSource);
            Jdbi jdbi = Jdbi.create(dataSource);
            JavaTimeMapping.install(jdbi);
            jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
            LOG.info("database {} ready ({} migration(s) applied{})", config, result.migrationsExecuted,
                    result.targetSchemaVersion == null ? ", schema already current" : ", now at version " + result.targetSchemaVersion);
            return new Database(config, dataSource, jdbi, result.migrationsExecuted);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
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
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return config.vendor();
    }

    public DatabaseConfig config() {
        return config;
    }

    /** Migrations this {@code open} applied: 0 when the schema was already current. */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /** The transaction runner every repository of this database joins. */
    public JdbiUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
