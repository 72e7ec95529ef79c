package dev.tihuo.adapters.persistence.jdbi;

import java.time.Instant;

/** Outgoing persistence port: webhook {@code Msg-Id}s already handled (D13), stand-in until the application's port exists. */
public interface WebhookInbox {

    /**
     * Records the message id; true the first time, false when it was recorded before (a redelivery).
     * Call it in the unit of work that handles the message, so a failed handling forgets the id again.
     */
    boolean recordFirstDelivery(String msgId, Instant receivedAt);

    /** Forgets ids received before the given instant; returns how many. */
    int forgetReceivedBefore(Instant instant);
}
