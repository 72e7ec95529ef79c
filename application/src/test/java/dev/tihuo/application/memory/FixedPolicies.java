package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.MerchantPolicies;
import dev.tihuo.domain.aftersale.RefundPolicy;
import dev.tihuo.domain.shared.MerchantId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Merchant choices for tests (D7): the standard refund policy unless a merchant was switched to manual review. */
public final class FixedPolicies implements MerchantPolicies {
    private final Set<MerchantId> manual = ConcurrentHashMap.newKeySet();

    public FixedPolicies reviewManually(MerchantId merchant) {
        manual.add(merchant);
        return this;
    }

    public FixedPolicies useStandardPolicy(MerchantId merchant) {
        manual.remove(merchant);
        return this;
    }

    @Override
    public RefundPolicy refundPolicy(MerchantId merchant) {
        return manual.contains(merchant) ? RefundPolicy.manualReview() : RefundPolicy.standard();
    }
}
