package dev.tihuo.application.port.out;

import dev.tihuo.domain.aftersale.RefundPolicy;
import dev.tihuo.domain.shared.MerchantId;

/** Outgoing port for each merchant's choices (D7): standard refund policy or manual review. */
public interface MerchantPolicies {
    RefundPolicy refundPolicy(MerchantId merchant);
}
