package dev.tihuo.domain.aftersale;

import dev.tihuo.domain.shared.Text;
import dev.tihuo.domain.voucher.PickupCode;
import java.util.List;
import java.util.Objects;

/** The merchant's answer to a refund or return request (D6): approve, reject with a reason, or decide later. */
public sealed interface RefundDecision {
    /** Douyin's `result` value of the S5 reply (D6): 1 approve, 2 reject, 0 pending. */
    int result();

    record Approve() implements RefundDecision {
        public int result() { return 1; }
    }

    /** Rejected; {@code lateCodes} are the codes supplied in the 补码 case (D7), empty otherwise. */
    record Reject(String reason, List<PickupCode> lateCodes) implements RefundDecision {
        public Reject {
            reason = Text.requireText(reason, "rejection reason", 500);
            lateCodes = List.copyOf(Objects.requireNonNull(lateCodes, "late codes"));
        }

        public Reject(String reason) {
            this(reason, List.of());
        }

        public int result() { return 2; }
    }

    record Pending(String reason) implements RefundDecision {
        public int result() { return 0; }
    }

    static RefundDecision approve() {
        return new Approve();
    }
}
