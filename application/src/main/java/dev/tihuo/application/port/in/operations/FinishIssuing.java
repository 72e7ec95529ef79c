package dev.tihuo.application.port.in.operations;

/**
 * Use case run by a scheduler every second or so: orders answered "issuing" get their codes and an O1 callback
 * queued with the 10-minute deadline; orders whose window closed without codes are failed (Douyin has failed them).
 */
public interface FinishIssuing {
    /** Issues codes for waiting orders; answers how many were issued. */
    int issuePending(int limit);

    /** Fails orders whose issue window has closed; answers how many. */
    int lapseExpired(int limit);
}
