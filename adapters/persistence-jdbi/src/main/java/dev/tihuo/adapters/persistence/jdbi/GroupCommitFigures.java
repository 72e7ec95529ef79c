package dev.tihuo.adapters.persistence.jdbi;

/**
 * What the H2 group commit did since start, for metrics: transactions that wrote and waited until they were in the
 * file, and the writes of the file ({@code CHECKPOINT}s) that put them there. Their ratio is how many transactions
 * one write carried: 1 under light load, more under heavy load. Read-only transactions are not counted.
 * {@code fileWriteNanos} is the time those writes took together: a transaction waits for about one and a half of
 * them, so their mean is the latency the group commit adds to an answer.
 */
public record GroupCommitFigures(long transactions, long fileWrites, long fileWriteNanos) {}
