package dev.tihuo.adapters.persistence.jdbi;

/**
 * What one of the catalog caches did since start, for metrics: reads served from memory ({@code hits}), reads that
 * went to the database ({@code misses}), and the entries held now. All zero when the cache is off.
 */
public record CacheFigures(long hits, long misses, long size) {}
