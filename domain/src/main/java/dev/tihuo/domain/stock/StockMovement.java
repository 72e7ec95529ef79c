package dev.tihuo.domain.stock;

import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.store.StoreId;
import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * What an order's transition asks of a store's stock (flows.md §4.5). Orders say what happened; the stock
 * aggregate of (store, SKU) applies it and guards its own invariants.
 */
@ValueObject
public record StockMovement(Kind kind, StoreId store, SkuOutId sku, int quantity) {
    public enum Kind {
        /** S1 accepted, or a late code (补码) re-reserves the units. */
        RESERVE,
        /** Cancel, refund, issue failure, or a store change away from this store. */
        RELEASE,
        /** A voucher was redeemed: the reserved goods leave the store. */
        CONSUME,
        /** A redemption was cancelled within the hour: the goods are back and reserved again. */
        RESTORE
    }

    public StockMovement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(sku, "sku");
        if (quantity <= 0) {
            throw new DomainException(Reason.INVALID_VALUE, "stock movement quantity must be positive, was " + quantity);
        }
    }
}
