package dev.tihuo.application.port.in.operations;

/**
 * Use case run by the outbox workers: claim due messages, deliver them to Douyin, and remember what Douyin
 * answered (O1 certificates, O3 verify ids, product ids). Transient failures back off; permanent ones park.
 */
public interface DeliverOutbox {
    /** Delivers up to {@code limit} due messages as worker {@code owner}; answers how many were attempted. */
    int deliverDue(String owner, int limit);
}
