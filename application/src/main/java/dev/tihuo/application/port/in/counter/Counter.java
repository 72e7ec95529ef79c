package dev.tihuo.application.port.in.counter;

import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Use cases of the store counter (D15, D18): look up what a code buys, redeem it, cancel a redemption within the
 * hour. Works for tihuo's own codes (三方码) and for Douyin's codes or QR payloads (抖音码, prepare → verify).
 */
public interface Counter {
    CodeView lookUp(At at, String typed);

    Redemption redeem(At at, String typed);

    Redemption cancelRedemption(At at, String typed);

    /**
     * 撤销核销 of a Douyin code within the hour (O4): Douyin knows a used code only by the verification record its
     * verify answered, which the redemption handed back; the goods go back on the shelf of this store (D18).
     */
    Redemption cancelDouyinRedemption(At at, String verifyId, String certificateId, String skuOutId);

    /** Who is asking, and at which store: a clerk is bound to one; an admin names one. */
    record At(MerchantId merchant, StoreId store) {
        public At {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(store, "store");
        }
    }

    enum CodeKind { OURS, DOUYIN }

    /** What the clerk sees before redeeming. */
    record CodeView(CodeKind kind, String code, String orderId, String store, String poi, List<Unit> units) {}

    record Unit(String certificateId, String sku, String skuName, String state, Instant validUntil, String redeemedAtStore,
                Instant redeemedAt) {}

    /** The outcome of a redemption or its cancellation. */
    record Redemption(CodeKind kind, String code, String orderId, String sku, String store, String state, Instant at,
                      String verifyId, String certificateId) {}
}
