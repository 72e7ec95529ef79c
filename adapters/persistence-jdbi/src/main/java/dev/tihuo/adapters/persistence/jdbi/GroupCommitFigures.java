package dev.tihuo.adapters.persistence.jdbi;

/**
 * What the H2 group commit did since start, for metrics: transactions that wrote and waited until they were in the
 * file, and the writes of the file ({@code CHECKPOINT}s) that put them there. Their ratio is how many transactions
 * one write carried: 1 under light load, more under heavy load. Read-only transactions are not counted.
 */
public record GroupCommitFigures(long transactions, long fileWrites) {}
