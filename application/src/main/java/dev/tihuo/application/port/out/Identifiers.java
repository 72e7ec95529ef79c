package dev.tihuo.application.port.out;

import dev.tihuo.domain.order.OrderOutId;

/** Outgoing port for the identifiers tihuo makes up: its own order ids (D1) and verify tokens (D15). */
public interface Identifiers {
    OrderOutId nextOrderOutId();

    /** A fresh UUID for one third-party-code verification, reused for its retries (D15). */
    String nextVerifyToken();
}
