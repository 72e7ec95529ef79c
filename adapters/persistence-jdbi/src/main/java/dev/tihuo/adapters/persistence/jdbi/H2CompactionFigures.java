package dev.tihuo.adapters.persistence.jdbi;

/**
 * What tihuo's compaction of the H2 file did since start, for metrics: the steps that copied live pages out of
 * sparse chunks, and the time they took together, about as long as they held H2's store lock (commits wait that
 * long). Steps that found nothing to copy are not counted.
 */
public record H2CompactionFigures(long steps, long stepNanos) {}
