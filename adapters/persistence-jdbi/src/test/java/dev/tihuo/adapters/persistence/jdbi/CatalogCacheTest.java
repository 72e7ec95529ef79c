package dev.tihuo.adapters.persistence.jdbi;

import static dev.tihuo.application.contract.Samples.DOUYIN_SKU;
import static dev.tihuo.application.contract.Samples.MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_POI;
import static dev.tihuo.application.contract.Samples.POI;
import static dev.tihuo.application.contract.Samples.PRODUCT;
import static dev.tihuo.application.contract.Samples.SKU;
import static dev.tihuo.application.contract.Samples.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.contract.Samples;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The products and stores held in memory ({@link CommittedCache}): fewer statements, and never a row that is not
 * committed, nor a change of this instance missed. Two pools on one H2 file play two tihuo instances.
 */
class CatalogCacheTest {

    private static final Duration TTL = Duration.ofMillis(400);

    private H2TestDatabase database;
    private JdbiPersistence here;
    private JdbiPersistence elsewhere;
    private final AtomicInteger statements = new AtomicInteger();

    @BeforeEach
    void open() {
        database = new H2TestDatabase();
        Database db = database.open(config -> config.withCatalogCacheTtl(TTL));
        db.jdbi().getConfig(SqlStatements.class).addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(java.sql.PreparedStatement stmt, StatementContext ctx) {
                statements.incrementAndGet();
            }
        });
        here = JdbiPersistence.over(db, Clock.systemUTC());
        elsewhere = JdbiPersistence.over(database.open(config -> config.withCatalogCacheTtl(TTL)), Clock.systemUTC());
        here.products().save(Samples.publishedProduct(MERCHANT));
        here.stores().save(Samples.store(MERCHANT, STORE, POI));
    }

    @AfterEach
    void close() throws Exception {
        database.close();
    }

    @Test
    void repeated_lookups_of_a_product_and_a_store_read_the_database_once() {
        here.products().findByDouyinSku(MERCHANT, DOUYIN_SKU).orElseThrow();
        here.stores().findByPoi(MERCHANT, POI).orElseThrow();
        int first = statements.get();

        for (int i = 0; i < 10; i++) {
            assertThat(here.products().findByDouyinSku(MERCHANT, DOUYIN_SKU)).map(Product::outId).contains(PRODUCT);
            assertThat(here.products().findBySku(MERCHANT, SKU)).map(Product::outId).contains(PRODUCT);
            assertThat(here.products().find(MERCHANT, PRODUCT)).isPresent();
            assertThat(here.stores().findByPoi(MERCHANT, POI)).map(Store::id).contains(STORE);
            assertThat(here.stores().find(MERCHANT, STORE)).isPresent();
        }

        // findBySku's index entry is the only new read; everything else came from memory
        assertThat(statements.get() - first).isEqualTo(1);
    }

    @Test
    void a_change_committed_here_is_seen_here_at_once() {
        Product product = here.products().find(MERCHANT, PRODUCT).orElseThrow();
        product.describe("Sparkling water", CodeIssuing.BY_CALLBACK, 7);
        here.products().save(product);
        Store store = here.stores().find(MERCHANT, STORE).orElseThrow();
        store.update(OTHER_POI, store.name());
        here.stores().save(store);

        Product read = here.products().findByDouyinSku(MERCHANT, DOUYIN_SKU).orElseThrow();
        assertThat(read.name()).isEqualTo("Sparkling water");
        assertThat(read.codeIssuing()).isEqualTo(CodeIssuing.BY_CALLBACK);
        assertThat(read.version()).isEqualTo(2);
        assertThat(here.stores().findByPoi(MERCHANT, POI)).isEmpty();
        assertThat(here.stores().findByPoi(MERCHANT, OTHER_POI)).map(Store::id).contains(STORE);
    }

    @Test
    void what_a_rolled_back_transaction_wrote_never_reaches_the_cache() {
        here.products().find(MERCHANT, PRODUCT).orElseThrow();

        assertThatThrownBy(() -> here.unitOfWork().inTransaction(() -> {
            Product product = here.products().find(MERCHANT, PRODUCT).orElseThrow();
            product.describe("Never committed", CodeIssuing.AT_ONCE, 30);
            here.products().save(product);
            // inside its transaction the change is visible to the one who made it...
            assertThat(here.products().findBySku(MERCHANT, SKU).orElseThrow().name()).isEqualTo("Never committed");
            throw new IllegalStateException("the use case failed");
        })).hasMessage("the use case failed");

        // ...and gone for everyone after the rollback
        assertThat(here.products().findBySku(MERCHANT, SKU).orElseThrow().name()).isEqualTo("Mineral water");
        assertThat(here.products().find(MERCHANT, PRODUCT).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void another_instance_change_is_seen_within_the_time_to_live_and_a_save_from_the_old_version_is_refused_once()
            throws InterruptedException {
        assertThat(here.products().find(MERCHANT, PRODUCT).orElseThrow().name()).isEqualTo("Mineral water");
        Product changed = elsewhere.products().find(MERCHANT, PRODUCT).orElseThrow();
        changed.describe("Changed elsewhere", CodeIssuing.AT_ONCE, 30);
        elsewhere.products().save(changed);

        // this instance may still hold version 1; saving from it is refused and forgets the old copy
        Product stale = here.products().find(MERCHANT, PRODUCT).orElseThrow();
        if (stale.version() == 1) {
            stale.describe("Lost update", CodeIssuing.AT_ONCE, 30);
            assertThatThrownBy(() -> here.products().save(stale)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.STALE_STATE));
        }
        assertThat(here.products().find(MERCHANT, PRODUCT).orElseThrow().name()).isEqualTo("Changed elsewhere");

        Store moved = elsewhere.stores().find(MERCHANT, STORE).orElseThrow();
        here.stores().findByPoi(MERCHANT, POI).orElseThrow();
        moved.update(OTHER_POI, moved.name());
        elsewhere.stores().save(moved);
        Thread.sleep(TTL.toMillis() + 100);
        assertThat(here.stores().findByPoi(MERCHANT, POI)).isEmpty();
        assertThat(here.stores().find(MERCHANT, STORE).orElseThrow().poiId()).isEqualTo(OTHER_POI);
    }

    @Test
    void a_time_to_live_of_zero_reads_the_database_every_time() {
        JdbiPersistence uncached = JdbiPersistence.over(database.open(config -> config.withCatalogCacheTtl(Duration.ZERO)),
                Clock.systemUTC());
        uncached.products().find(MERCHANT, PRODUCT).orElseThrow();
        Product changed = here.products().find(MERCHANT, PRODUCT).orElseThrow();
        changed.describe("Changed", CodeIssuing.AT_ONCE, 30);
        here.products().save(changed);

        assertThat(uncached.products().find(MERCHANT, PRODUCT).orElseThrow().name()).isEqualTo("Changed");
    }
}
