package dev.tihuo.adapters.http.webhook;

/**
 * Port-like store of webhook messages already taken on, keyed by {@code Msg-Id} (D13). An in-memory version
 * lives here; a database-backed one shared by all instances comes later.
 */
public interface WebhookInbox {
    /** Takes the message on; false when it was already taken on (a duplicate delivery). Atomic. */
    boolean claim(String msgId);

    /** Forgets a claim whose processing failed, so Douyin's redelivery is processed. */
    void release(String msgId);
}
