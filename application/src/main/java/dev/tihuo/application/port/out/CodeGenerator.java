package dev.tihuo.application.port.out;

import dev.tihuo.domain.voucher.PickupCode;

/** Outgoing port producing fresh pickup codes (D5); a port so tests can make codes deterministic. */
public interface CodeGenerator {
    PickupCode next();
}
