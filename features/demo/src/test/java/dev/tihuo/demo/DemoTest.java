package dev.tihuo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's story, played without waiting for Ctrl-C (as {@code --no-wait} does), completes as told. */
class DemoTest {
    @TempDir
    Path work;

    @Test
    void the_story_completes() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo demo = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8), work, 0);
        Demo.Summary summary;
        try {
            summary = demo.play();
        } finally {
            demo.close();
            System.out.print(printed.toString(StandardCharsets.UTF_8));
        }
        assertThat(summary.orders()).isEqualTo(2);
        assertThat(summary.codesAtOnce()).isEqualTo(2);
        assertThat(summary.codesByCallback()).isEqualTo(1);
        assertThat(summary.redeemed()).isEqualTo(1);
        assertThat(summary.refunded()).isEqualTo(1);
        assertThat(summary.stockMatches()).isTrue();
        assertThat(summary.douyinCalls()).containsEntry("issue-code callback (O1)", 1).containsEntry("verify (O3)", 1)
                .containsEntry("token (O9)", 1);
        assertThat(summary.counterUrl()).matches("http://127\\.0\\.0\\.1:\\d+/counter/");
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("== Summary ==", "Counter page (核销台): " + summary.counterUrl(), Demo.CLERK_KEY,
                "Douyin shows exactly what tihuo has available at each store.");
    }
}
