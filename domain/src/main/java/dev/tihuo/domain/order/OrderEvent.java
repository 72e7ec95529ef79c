package dev.tihuo.domain.order;

import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.stock.StockMovement;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.StoreId;
import dev.tihuo.domain.voucher.PickupCode;
import java.time.Instant;
import java.util.List;
import org.jmolecules.event.annotation.DomainEvent;

/**
 * What happened to an order. Each event says which stock movements it implies, so the application applies
 * them to the stores' stock in the same transaction (D12), and which callbacks to Douyin it calls for.
 */
public sealed interface OrderEvent {
    MerchantId merchant();

    DouyinOrderId order();

    Instant at();

    /** Stock effects at the stores (flows.md §4.5); empty when stock does not move. */
    default List<StockMovement> movements() {
        return List.of();
    }

    @DomainEvent
    record OrderPlaced(MerchantId merchant, DouyinOrderId order, StoreId store, List<StockMovement> movements, Instant at)
            implements OrderEvent {}

    @DomainEvent
    record OrderPaid(MerchantId merchant, DouyinOrderId order, Instant at) implements OrderEvent {}

    @DomainEvent
    record OrderCancelled(MerchantId merchant, DouyinOrderId order, List<StockMovement> movements, Instant at)
            implements OrderEvent {}

    /** "Issuing" (发码中) was answered; the callback must reach Douyin before {@code deadline}. */
    @DomainEvent
    record IssuingStarted(MerchantId merchant, DouyinOrderId order, Instant deadline, Instant at) implements OrderEvent {}

    /** Codes were issued; {@code byCallback} when they still have to reach Douyin through O1. */
    @DomainEvent
    record CodesIssued(MerchantId merchant, DouyinOrderId order, List<IssuedVoucher> vouchers, boolean byCallback,
                       boolean late, List<StockMovement> movements, Instant at) implements OrderEvent {}

    @DomainEvent
    record IssueFailed(MerchantId merchant, DouyinOrderId order, IssueFailure failure, boolean byCallback,
                       List<StockMovement> movements, Instant at) implements OrderEvent {}

    @DomainEvent
    record VoucherRedeemed(MerchantId merchant, DouyinOrderId order, int voucher, PickupCode code, StoreId store,
                           PoiId poi, String verifyToken, List<StockMovement> movements, Instant at) implements OrderEvent {}

    @DomainEvent
    record RedemptionCancelled(MerchantId merchant, DouyinOrderId order, int voucher, PickupCode code,
                               String verifyToken, String verifyId, List<StockMovement> movements, Instant at)
            implements OrderEvent {}

    @DomainEvent
    record VouchersRefunded(MerchantId merchant, DouyinOrderId order, List<Integer> vouchers, Money amount,
                            List<StockMovement> movements, Instant at) implements OrderEvent {}

    @DomainEvent
    record PickupStoreChanged(MerchantId merchant, DouyinOrderId order, StoreId from, StoreId to,
                              List<StockMovement> movements, Instant at) implements OrderEvent {}

    /** D13: the buyer moved the pickup to a store without stock; the order keeps its store and waits for the merchant. */
    @DomainEvent
    record StoreChangeFlagged(MerchantId merchant, DouyinOrderId order, PoiId requested, String reason, Instant at)
            implements OrderEvent {}

    /** One voucher with its newly issued code, as reported to Douyin. */
    record IssuedVoucher(int number, PickupCode code, String certificateId) {}
}
