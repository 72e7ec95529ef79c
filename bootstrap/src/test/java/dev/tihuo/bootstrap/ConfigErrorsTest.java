package dev.tihuo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad configuration stops {@code Tihuo.main} before anything starts: one line on stderr naming the setting, a
 * non-zero exit, no secret printed. A start that fails later (a port taken) also exits with one message.
 */
class ConfigErrorsTest {
    private static final Duration EXIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void a_missing_config_file() {
        try (Child child = Child.start(dir, Map.of(), "--config", dir.resolve("nope.json").toString())) {
            assertThat(child.exitWithin(EXIT)).isEqualTo(2);
            assertThat(oneLine(child)).startsWith("tihuo cannot start: configuration setting --config file ")
                    .endsWith("nope.json does not exist");
        }
    }

    @Test
    void a_short_api_key_is_named_and_not_printed() {
        JsonObject config = valid();
        config.getJsonArray("apiKeys").getJsonObject(0).put("key", "tooShortSecret");
        try (Child child = Child.start(dir, Map.of(), "--config", Kit.write(dir, config).toString())) {
            assertThat(child.exitWithin(EXIT)).isEqualTo(2);
            assertThat(oneLine(child)).isEqualTo(
                    "tihuo cannot start: configuration setting apiKeys[0].key must be at least 16 characters")
                    .doesNotContain("tooShortSecret");
        }
    }

    @Test
    void a_wrongly_typed_setting_is_named_without_its_secret_neighbour() {
        JsonObject config = valid();
        config.getJsonArray("apps").getJsonObject(0).put("acceptLegacyMd5", "perhaps");
        try (Child child = Child.start(dir, Map.of(), "--config", Kit.write(dir, config).toString())) {
            assertThat(child.exitWithin(EXIT)).isEqualTo(2);
            assertThat(oneLine(child)).startsWith("tihuo cannot start: configuration setting apps[0].acceptLegacyMd5 has the wrong shape")
                    .doesNotContain(Kit.CLIENT_SECRET);
        }
    }

    @Test
    void an_environment_override_out_of_range_names_the_setting() {
        try (Child child = Child.start(dir, Map.of("TIHUO_LISTENERS_PUBLICPORT", "99999"),
                "--config", Kit.write(dir, valid()).toString())) {
            assertThat(child.exitWithin(EXIT)).isEqualTo(2);
            assertThat(oneLine(child)).isEqualTo(
                    "tihuo cannot start: configuration setting listeners.publicPort must be a TCP port (0 to 65535)");
        }
    }

    @Test
    void an_environment_variable_naming_no_setting() {
        try (Child child = Child.start(dir, Map.of("TIHUO_DATABASE_PASSWORT", "hunter2-very-secret"),
                "--config", Kit.write(dir, valid()).toString())) {
            assertThat(child.exitWithin(EXIT)).isEqualTo(2);
            assertThat(oneLine(child)).isEqualTo("tihuo cannot start: configuration setting TIHUO_DATABASE_PASSWORT names no setting");
        }
    }

    @Test
    void a_taken_port_stops_the_start_with_one_message() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Child child = Child.start(dir, Map.of("TIHUO_LISTENERS_PUBLICPORT", Integer.toString(taken.getLocalPort())),
                     "--config", Kit.write(dir, valid()).toString())) {
            assertThat(child.exitWithin(EXIT)).isEqualTo(1);
            assertThat(child.err()).contains("tihuo cannot start: listeners.publicPort " + taken.getLocalPort() + " failed")
                    .doesNotContain(Kit.CLIENT_SECRET, Kit.ADMIN_KEY);
            assertThat(child.out()).doesNotContain(Kit.CLIENT_SECRET, Kit.ADMIN_KEY, Kit.CLERK_KEY);
        }
    }

    private JsonObject valid() {
        return Kit.configJson("http://127.0.0.1:9", dir.resolve("data"), null);
    }

    private static String oneLine(Child child) {
        String err = child.err().strip();
        assertThat(err.lines()).as("stderr: " + err).hasSize(1);
        assertThat(child.out()).isEmpty();
        return err;
    }

}
