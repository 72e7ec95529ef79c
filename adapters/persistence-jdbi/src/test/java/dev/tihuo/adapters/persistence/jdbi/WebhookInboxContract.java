package dev.tihuo.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiWebhookInbox}: each Msg-Id is handled once. */
abstract class WebhookInboxContract extends DatabaseContract {

    @Test
    void a_message_id_is_new_once_then_a_redelivery() {
        JdbiWebhookInbox inbox = new JdbiWebhookInbox(database.unitOfWork());

        assertThat(inbox.recordFirstDelivery("msg-1", at(0))).isTrue();
        assertThat(inbox.recordFirstDelivery("msg-1", at(5))).isFalse();
        assertThat(inbox.recordFirstDelivery("msg-2", at(5))).isTrue();
    }

    @Test
    void concurrent_deliveries_of_one_message_are_handled_once() {
        JdbiWebhookInbox inbox = new JdbiWebhookInbox(database.unitOfWork());

        List<Boolean> firsts = Concurrently.run(8, i -> inbox.recordFirstDelivery("msg-race", at(0)));

        assertThat(firsts).containsOnlyOnce(true);
    }

    @Test
    void a_message_whose_handling_failed_is_new_again() {
        JdbiWebhookInbox inbox = new JdbiWebhookInbox(database.unitOfWork());
        assertThatThrownBy(() -> database.unitOfWork().run(() -> {
            inbox.recordFirstDelivery("msg-3", at(0));
            throw new IllegalStateException("handler failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(inbox.recordFirstDelivery("msg-3", at(1))).isTrue();
    }

    @Test
    void old_message_ids_are_forgotten() {
        JdbiWebhookInbox inbox = new JdbiWebhookInbox(database.unitOfWork());
        inbox.recordFirstDelivery("old", at(0));
        inbox.recordFirstDelivery("new", at(100));

        assertThat(inbox.forgetReceivedBefore(at(50))).isEqualTo(1);
        assertThat(inbox.recordFirstDelivery("old", at(101))).isTrue();
        assertThat(inbox.recordFirstDelivery("new", at(101))).isFalse();
    }

    @Test
    void a_forgotten_message_id_is_new_again() {
        JdbiWebhookInbox inbox = new JdbiWebhookInbox(database.unitOfWork());
        inbox.recordFirstDelivery("msg-4", at(0));

        inbox.forget("msg-4");

        assertThat(inbox.recordFirstDelivery("msg-4", at(1))).isTrue();
    }
}
