package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of the default database: a unit of work whose commit returned survives the process
 * being killed with SIGKILL. A child JVM commits in a loop and acknowledges each commit on stdout; the
 * test kills it mid-stream, reopens the H2 file and looks for every acknowledged unit.
 */
class H2DurabilityTest {

    @Test
    void every_acknowledged_commit_survives_sigkill_and_the_database_reopens_after_each_kill(@TempDir Path temp) throws Exception {
        Path data = temp.resolve("data");
        for (int cycle = 1; cycle <= 2; cycle++) {
            KillDrill.Outcome outcome = KillDrill.run(data, 4, Duration.ofSeconds(3), "");

            assertThat(outcome.killedBySigkill()).as("exit code %d means SIGKILL", outcome.exitCode()).isTrue();
            assertThat(outcome.acknowledged()).as("acknowledged commits in cycle %d", cycle).hasSizeGreaterThan(100);
            assertThat(outcome.missing()).as("acknowledged in cycle %d but lost", cycle).isEmpty();
        }
    }
}
