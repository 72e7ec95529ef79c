package dev.tihuo.adapters.persistence.jdbi;

import java.time.Instant;
import java.util.Objects;

/**
 * Secondary adapter: webhook message ids in table {@code webhook_inbox} (D13). Not an application port: the HTTP
 * adapter owns the webhook inbox interface, and the composition root bridges it to these methods.
 */
public final class JdbiWebhookInbox {

    private final JdbiUnitOfWork unitOfWork;

    public JdbiWebhookInbox(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    /** True the first time a Msg-Id is seen, false for every redelivery. */
    public boolean recordFirstDelivery(String msgId, Instant at) {
        return unitOfWork.inTransaction(handle -> handle.createUpdate("""
                        INSERT INTO webhook_inbox (msg_id, received_at) VALUES (:msgId, :receivedAt)
                        ON CONFLICT DO NOTHING""")
                .bind("msgId", msgId)
                .bind("receivedAt", at)
                .execute() == 1);
    }

    /** Forgets a Msg-Id, so a redelivery is handled again (the handling of the first one failed). */
    public void forget(String msgId) {
        unitOfWork.inTransaction(handle -> handle.createUpdate("DELETE FROM webhook_inbox WHERE msg_id = :msgId")
                .bind("msgId", msgId)
                .execute());
    }

    /** Housekeeping: forgets ids received before {@code instant}; how many went. */
    public int forgetReceivedBefore(Instant instant) {
        return unitOfWork.inTransaction(handle -> handle.createUpdate(
                        "DELETE FROM webhook_inbox WHERE received_at < :instant")
                .bind("instant", instant)
                .execute());
    }
}
