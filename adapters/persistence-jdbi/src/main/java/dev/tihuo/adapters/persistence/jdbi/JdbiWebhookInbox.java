package dev.tihuo.adapters.persistence.jdbi;

import java.time.Instant;

/** Secondary adapter: webhook message ids in table {@code webhook_inbox}. */
public final class JdbiWebhookInbox implements WebhookInbox {

    private final JdbiUnitOfWork unitOfWork;

    public JdbiWebhookInbox(JdbiUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public boolean recordFirstDelivery(String msgId, Instant receivedAt) {
        return unitOfWork.inTransaction(handle -> handle.createUpdate("""
                        INSERT INTO webhook_inbox (msg_id, received_at) VALUES (:msgId, :receivedAt)
                        ON CONFLICT DO NOTHING""")
                .bind("msgId", msgId)
                .bind("receivedAt", receivedAt)
                .execute() == 1);
    }

    @Override
    public int forgetReceivedBefore(Instant instant) {
        return unitOfWork.inTransaction(handle -> handle.createUpdate(
                        "DELETE FROM webhook_inbox WHERE received_at < :instant")
                .bind("instant", instant)
                .execute());
    }
}
