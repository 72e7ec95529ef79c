package dev.tihuo.adapters.persistence.jdbi;

import java.util.Locale;

/** The two databases tihuo runs on, and what each needs added to its URL. */
public enum Vendor {

    /**
     * Embedded H2 2.4 (MVStore). {@code MODE=PostgreSQL} and lower-case identifiers let the same SQL
     * run on both databases. Durability: H2 writes committed changes to the file in the background every
     * {@code WRITE_DELAY} ms (500 by default), so a commit alone is not yet in the file; tihuo's {@link GroupCommit}
     * makes each unit of work wait for a {@code CHECKPOINT} that wrote it, shared by the transactions that commit
     * meanwhile. A URL that sets {@code WRITE_DELAY} itself is taken at its word and not group-committed:
     * {@code WRITE_DELAY=0} writes every commit on its own (durable, slower under load), any other value accepts
     * losing the commits of the last delay when the process dies (the kill drill's control). {@code LOCK_TIMEOUT=10000}:
     * a transaction waits up to 10 s for a row lock (H2's default is 1 s; PostgreSQL waits without limit), so
     * reservations queued on a hot stock row under load wait their turn instead of failing.
     * {@code DB_CLOSE_ON_EXIT=FALSE}: tihuo's own shutdown hook stops its work and then closes the pool; H2's
     * hook would otherwise close the database underneath requests and outbox workers still finishing.
     * {@code QUERY_CACHE_SIZE=128}: H2 keeps this many parsed statements per connection (default 8); tihuo runs
     * some 40 distinct statements, so with the default nearly every statement was parsed again (a sixth of the
     * CPU of an S1+S4 pair in a JFR profile, see BENCHMARKS.md).
     * {@code CACHE_SIZE=4096} (KB): H2's page cache, by default 64 MB per GB of heap. Its pages live long and are
     * relinked all the time, so every young collection scans the old cards they dirty: with 16 MB (a 256 MB heap)
     * tihuo's GC pauses averaged 11–22 ms under load, with 4 MB 7–11 ms, at less CPU (run E in BENCHMARKS.md). A
     * database much larger than the one measured may want more: a {@code ;CACHE_SIZE=} in the URL wins.
     * {@code AUTO_COMPACT_FILL_RATE=0}: H2's own compaction copies live pages out of sparse chunks in bursts while
     * holding the store's lock, and each burst stalled every commit; {@link H2Compaction} does the same work in small
     * steps instead. A URL that sets the rate itself gets H2's compaction and not tihuo's.
     */
    H2(new String[][] {
            {"MODE", "PostgreSQL"},
            {"DATABASE_TO_LOWER", "TRUE"},
            {"DEFAULT_NULL_ORDERING", "HIGH"},
            {"WRITE_DELAY", "500"},
            {"LOCK_TIMEOUT", "10000"},
            {"DB_CLOSE_ON_EXIT", "FALSE"},
            {"QUERY_CACHE_SIZE", "128"},
            {"CACHE_SIZE", "4096"},
            {"AUTO_COMPACT_FILL_RATE", "0"},
    }),

    POSTGRESQL(new String[0][]);

    private final String[][] requiredSettings;

    Vendor(String[][] requiredSettings) {
        this.requiredSettings = requiredSettings;
    }

    static Vendor of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("tihuo runs on H2 or PostgreSQL, not on " + jdbcUrl);
    }

    /** True when tihuo makes commits durable with a {@link GroupCommit}: H2, and the URL leaves the write delay to tihuo. */
    boolean groupCommits(String jdbcUrl) {
        return this == H2 && !jdbcUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=");
    }

    /**
     * True when tihuo compacts the file ({@link H2Compaction}): an H2 file whose URL leaves the compaction to tihuo.
     * An in-memory database has no file to compact.
     */
    boolean tihuoCompacts(String jdbcUrl) {
        String url = jdbcUrl.toUpperCase(Locale.ROOT);
        return this == H2 && !url.startsWith("JDBC:H2:MEM:") && !url.contains(";AUTO_COMPACT_FILL_RATE=");
    }

    /** Adds each required setting the URL does not name itself (a setting the operator wrote wins). */
    String effectiveUrl(String jdbcUrl) {
        StringBuilder url = new StringBuilder(jdbcUrl);
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        for (String[] setting : requiredSettings) {
            if (!upper.contains(";" + setting[0] + "=")) {
                url.append(';').append(setting[0]).append('=').append(setting[1]);
            }
        }
        return url.toString();
    }
}
