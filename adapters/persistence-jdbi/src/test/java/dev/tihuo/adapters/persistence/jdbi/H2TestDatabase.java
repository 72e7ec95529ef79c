package dev.tihuo.adapters.persistence.jdbi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** An H2 file database (the default settings tihuo runs with) in its own temporary directory. */
final class H2TestDatabase extends TestDatabase {

    private final Path directory;

    H2TestDatabase() {
        try {
            this.directory = Files.createTempDirectory("tihuo-h2-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    DatabaseConfig config() {
        return DatabaseConfig.h2(directory.resolve("data"));
    }

    @Override
    String describe() {
        return "H2 file in " + directory;
    }

    @Override
    void removeData() throws IOException {
        deleteRecursively(directory);
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
