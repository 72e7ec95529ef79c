package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.Identifiers;
import dev.tihuo.domain.order.OrderOutId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Deterministic identifiers for tests: M000001, M000002, … and UUIDs 00000000-0000-0000-0000-000000000001, …. */
public final class SequenceIdentifiers implements Identifiers {
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong tokens = new AtomicLong();

    @Override
    public OrderOutId nextOrderOutId() {
        return new OrderOutId("M%06d".formatted(orders.incrementAndGet()));
    }

    @Override
    public String nextVerifyToken() {
        return new UUID(0, tokens.incrementAndGet()).toString();
    }
}
