package dev.tihuo.application.port.in.operations;

import dev.tihuo.application.port.out.Outbox;
import java.time.Instant;
import java.util.List;

/** Use cases for operators watching the outbox: what is stuck, retry one now, the backlog. */
public interface OperateOutbox {
    List<StuckMessage> stuck(String merchant, int limit);

    boolean retry(String merchant, long id);

    Outbox.Backlog backlog();

    record StuckMessage(long id, String kind, String key, int attempts, String lastError, String lastLogid,
                        String status, Instant createdAt, Instant nextAttemptAt, Instant deadline) {}
}
