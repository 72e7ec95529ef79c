package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What each database needs added to its URL, and when tihuo group-commits H2. */
class VendorTest {

    private static final String H2_FILE = "jdbc:h2:file:/var/lib/tihuo/tihuo";

    @Test
    void an_h2_url_gets_the_compatibility_and_durability_settings_and_is_group_committed() {
        String url = Vendor.H2.effectiveUrl(H2_FILE);

        assertThat(url).startsWith(H2_FILE + ";").contains(";MODE=PostgreSQL", ";DATABASE_TO_LOWER=TRUE",
                ";WRITE_DELAY=500", ";LOCK_TIMEOUT=10000", ";DB_CLOSE_ON_EXIT=FALSE", ";QUERY_CACHE_SIZE=128",
                ";CACHE_SIZE=4096", ";AUTO_COMPACT_FILL_RATE=0");
        assertThat(Vendor.H2.groupCommits(H2_FILE)).isTrue();
        assertThat(Vendor.H2.tihuoCompacts(H2_FILE)).as("H2's own compaction is off, so tihuo's runs").isTrue();
    }

    @Test
    void a_compaction_rate_the_operator_wrote_gets_h2s_compaction_and_not_tihuos() {
        String own = H2_FILE + ";auto_compact_fill_rate=90";

        assertThat(Vendor.H2.effectiveUrl(own)).contains(";auto_compact_fill_rate=90").doesNotContain("AUTO_COMPACT_FILL_RATE=0");
        assertThat(Vendor.H2.tihuoCompacts(own)).isFalse();
        assertThat(Vendor.H2.tihuoCompacts("jdbc:h2:mem:tihuo")).as("no file to compact").isFalse();
        assertThat(Vendor.POSTGRESQL.tihuoCompacts("jdbc:postgresql://127.0.0.1:5432/test")).isFalse();
    }

    @Test
    void a_write_delay_the_operator_wrote_wins_and_turns_the_group_commit_off() {
        String own = H2_FILE + ";write_delay=0";

        assertThat(Vendor.H2.effectiveUrl(own)).contains(";write_delay=0").doesNotContain("WRITE_DELAY=500");
        assertThat(Vendor.H2.groupCommits(own)).as("every commit writes the file itself").isFalse();
        assertThat(Vendor.H2.groupCommits(H2_FILE + ";WRITE_DELAY=500")).as("the kill drill's lossy control").isFalse();
    }

    @Test
    void a_page_cache_size_the_operator_wrote_wins() {
        String own = H2_FILE + ";CACHE_SIZE=65536";

        assertThat(Vendor.H2.effectiveUrl(own)).contains(";CACHE_SIZE=65536").doesNotContain("CACHE_SIZE=4096");
        assertThat(Vendor.H2.groupCommits(own)).isTrue();
    }

    @Test
    void postgresql_urls_are_left_alone_and_its_commits_are_durable_by_themselves() {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=tihuo";

        assertThat(Vendor.of(url)).isEqualTo(Vendor.POSTGRESQL);
        assertThat(Vendor.POSTGRESQL.effectiveUrl(url)).isEqualTo(url);
        assertThat(Vendor.POSTGRESQL.groupCommits(url)).isFalse();
    }

    @Test
    void other_databases_are_refused_by_name() {
        assertThatThrownBy(() -> Vendor.of("jdbc:mysql://localhost/tihuo")).hasMessageContaining("H2 or PostgreSQL");
    }
}
