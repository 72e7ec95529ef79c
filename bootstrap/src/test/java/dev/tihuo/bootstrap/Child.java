package dev.tihuo.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Tihuo.main} in a child JVM on the test class path, as {@code java -jar tihuo.jar} runs it. */
final class Child implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("tihuo ready in \\d+ ms .*SPI on port (\\d+), merchant API and \\\\?/counter on port (\\d+)");

    final Process process;
    final Path stdout;
    final Path stderr;
    private int publicPort;
    private int internalPort;

    private Child(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static Child start(Path dir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Tihuo.class.getName()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, "child-", ".out");
            Path err = Files.createTempFile(dir, "child-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("TIHUO_"));
            builder.environment().putAll(env);
            return new Child(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the "ready" line and reads the two ports from it. */
    Child awaitReady(Duration within) {
        try {
            waitReady(within);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; stdout: " + out() + "; stderr: " + err(), e);
        }
        return this;
    }

    private void waitReady(Duration within) {
        Kit.eventually("tihuo ready", within, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("tihuo exited with " + process.exitValue() + ": " + out() + err());
            }
            Matcher m = READY.matcher(out());
            if (m.find()) {
                publicPort = Integer.parseInt(m.group(1));
                internalPort = Integer.parseInt(m.group(2));
                return true;
            }
            return false;
        });
    }

    int publicPort() {
        return publicPort;
    }

    int internalPort() {
        return internalPort;
    }

    int exitWithin(Duration bound) {
        try {
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + bound + ": " + out());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String out() {
        return read(stdout);
    }

    String err() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
