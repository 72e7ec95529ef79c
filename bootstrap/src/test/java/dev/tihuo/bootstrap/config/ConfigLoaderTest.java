package dev.tihuo.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final Path SAMPLE = Path.of("config/sample.json");

    @TempDir
    Path dir;

    @Test
    void the_sample_configuration_loads_over_the_defaults() {
        TihuoConfig config = ConfigLoader.load(SAMPLE, Map.of());
        assertThat(config.listeners().publicPort()).isEqualTo(8080);
        assertThat(config.listeners().internalPort()).isEqualTo(8081);
        assertThat(config.database().dataDir()).isEqualTo("./data");
        assertThat(config.apps()).hasSize(1);
        assertThat(config.spi().deadline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.database().catalogCacheTtl()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void every_setting_can_be_overridden_from_the_environment() {
        TihuoConfig config = ConfigLoader.load(SAMPLE, Map.of(
                "TIHUO_LISTENERS_PUBLICPORT", "9090",
                "TIHUO_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test",
                "TIHUO_SPI_DEADLINE", "PT3S",
                "TIHUO_DATABASE_CATALOGCACHETTL", "PT0S",
                "TIHUO_APPS", "[{\"clientKey\":\"k2\",\"clientSecret\":\"s2\",\"acceptLegacyMd5\":true}]"));
        assertThat(config.listeners().publicPort()).isEqualTo(9090);
        assertThat(config.database().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(config.spi().deadline()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.database().catalogCacheTtl()).isZero();
        assertThat(config.apps()).singleElement().satisfies(a -> assertThat(a.acceptLegacyMd5()).isTrue());
    }

    @Test
    void a_bad_setting_stops_start_up_naming_the_setting() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(SAMPLE, Map.of("TIHUO_LISTENERS_PUBLICPORT", "70000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("listeners.publicPort");
        assertThatThrownBy(() -> ConfigLoader.load(SAMPLE, Map.of("TIHUO_DATABASE_URL", "jdbc:mysql://x")))
                .hasMessageContaining("database.url");
        assertThatThrownBy(() -> ConfigLoader.load(SAMPLE, Map.of("TIHUO_SPI_DEADLINE", "PT9S")))
                .hasMessageContaining("spi.deadline");
        assertThatThrownBy(() -> ConfigLoader.load(SAMPLE, Map.of("TIHUO_DATABASE_CATALOGCACHETTL", "PT5M")))
                .hasMessageContaining("database.catalogCacheTtl");
        assertThatThrownBy(() -> ConfigLoader.load(SAMPLE, Map.of("TIHUO_NO_SUCH_THING", "1")))
                .hasMessageContaining("TIHUO_NO_SUCH_THING");
        Path noApps = Files.writeString(dir.resolve("c.json"), "{\"apps\":[]}");
        assertThatThrownBy(() -> ConfigLoader.load(noApps, Map.of())).hasMessageContaining("apps");
        Path broken = Files.writeString(dir.resolve("b.json"), "{\"apps\":");
        assertThatThrownBy(() -> ConfigLoader.load(broken, Map.of())).hasMessageContaining("--config");
        Path wrongType = Files.writeString(dir.resolve("w.json"), "{\"listeners\":{\"publicPort\":\"many\"}}");
        assertThatThrownBy(() -> ConfigLoader.load(wrongType, Map.of())).hasMessageContaining("listeners.publicPort");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.json"), Map.of())).hasMessageContaining("does not exist");
    }

    @Test
    void secrets_never_appear_when_the_configuration_is_printed() {
        TihuoConfig config = ConfigLoader.load(SAMPLE, Map.of("TIHUO_DATABASE_PASSWORD", "db-secret-value"));
        String printed = config.toString();
        assertThat(printed).doesNotContain("sample-secret-change-me").doesNotContain("sample-admin-key-change-me")
                .doesNotContain("db-secret-value");
    }
}
