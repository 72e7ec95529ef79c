package dev.tihuo.adapters.http.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@link WebhookInbox} of one process, remembering the most recent {@code capacity} message ids. */
public final class InMemoryWebhookInbox implements WebhookInbox {
    private final Map<String, Boolean> seen;

    public InMemoryWebhookInbox(int capacity) {
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public InMemoryWebhookInbox() {
        this(100_000);
    }

    @Override
    public synchronized boolean claim(String msgId) {
        return seen.putIfAbsent(msgId, Boolean.TRUE) == null;
    }

    @Override
    public synchronized void release(String msgId) {
        seen.remove(msgId);
    }
}
