package dev.tihuo.domain.stock;

import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Text;
import java.time.Instant;
import java.util.Objects;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/**
 * Stock of one SKU at one store (D12). Invariant: 0 <= reserved <= onHand, so available = onHand - reserved is
 * never negative. Every change answers a {@link StockChanged} with the new absolute figures.
 */
@AggregateRoot
public final class StoreStock {
    private static final int MAX_ON_HAND = 100_000_000;

    @Identity
    private final StockKey key;
    private int onHand;
    private int reserved;
    private final long version;

    private StoreStock(StockKey key, int onHand, int reserved, long version) {
        this.key = Objects.requireNonNull(key, "key");
        if (onHand < 0 || reserved < 0 || reserved > onHand || onHand > MAX_ON_HAND) {
            throw new DomainException(Reason.INVALID_VALUE,
                    "stock " + key + " must satisfy 0 <= reserved <= on hand <= " + MAX_ON_HAND + ": " + reserved + "/" + onHand);
        }
        this.onHand = onHand;
        this.reserved = reserved;
        this.version = version;
    }

    /** A store that has never stocked this SKU: nothing on hand. */
    public static StoreStock empty(StockKey key) {
        return new StoreStock(key, 0, 0, 0);
    }

    /** Rebuilds stored stock; used by persistence adapters only. */
    public static StoreStock reconstitute(StockKey key, int onHand, int reserved, long version) {
        return new StoreStock(key, onHand, reserved, version);
    }

    public StockChanged reserve(int quantity, Instant at) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw new DomainException(Reason.INSUFFICIENT_STOCK,
                    "store " + key.store() + " has " + available() + " of " + key.sku() + " available, " + quantity + " asked");
        }
        reserved += quantity;
        return changed("reserved " + quantity, at);
    }

    public StockChanged release(int quantity, Instant at) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new DomainException(Reason.ILLEGAL_TRANSITION,
                    "cannot release " + quantity + " of " + key + ": only " + reserved + " reserved");
        }
        reserved -= quantity;
        return changed("released " + quantity, at);
    }

    /** Goods picked up against a reservation leave the store (redemption). Available stock does not change. */
    public StockChanged consumeReserved(int quantity, Instant at) {
        requirePositive(quantity);
        if (quantity > reserved) {
            throw new DomainException(Reason.ILLEGAL_TRANSITION,
                    "cannot hand out " + quantity + " of " + key + ": only " + reserved + " reserved");
        }
        reserved -= quantity;
        onHand -= quantity;
        return changed("picked up " + quantity, at);
    }

    /** Goods picked up without a prior reservation: a Douyin-code order, which has no S1 (D18). */
    public StockChanged consumeOnHand(int quantity, Instant at) {
        requirePositive(quantity);
        if (quantity > available()) {
            throw new DomainException(Reason.INSUFFICIENT_STOCK,
                    "store " + key.store() + " has " + available() + " of " + key.sku() + " available, " + quantity + " asked");
        }
        onHand -= quantity;
        return changed("picked up " + quantity + " without reservation", at);
    }

    /** A cancelled redemption: the goods come back and are reserved for the voucher again. */
    public StockChanged restoreReserved(int quantity, Instant at) {
        requirePositive(quantity);
        requireRoom(quantity);
        onHand += quantity;
        reserved += quantity;
        return changed("redemption cancelled, " + quantity + " back in reserve", at);
    }

    /** Returned goods received at the store (D9). */
    public StockChanged restock(int quantity, Instant at) {
        requirePositive(quantity);
        requireRoom(quantity);
        onHand += quantity;
        return changed("returned " + quantity, at);
    }

    /** The merchant counted the shelf. On hand may not drop below what buyers already hold. */
    public StockChanged setOnHand(int newOnHand, Instant at) {
        if (newOnHand < 0 || newOnHand > MAX_ON_HAND) {
            throw new DomainException(Reason.INVALID_VALUE, "on hand must be 0 to " + MAX_ON_HAND + ", was " + newOnHand);
        }
        if (newOnHand < reserved) {
            throw new DomainException(Reason.STOCK_BELOW_RESERVED,
                    "on hand " + newOnHand + " would be below the " + reserved + " units buyers have reserved");
        }
        onHand = newOnHand;
        return changed("on hand set to " + newOnHand, at);
    }

    /** A correction by a signed delta (delivery, breakage), with the merchant's reason. */
    public StockChanged adjust(int delta, String reason, Instant at) {
        String why = Text.requireText(reason, "adjustment reason", 200);
        long target = (long) onHand + delta;
        if (target < 0 || target > MAX_ON_HAND) {
            throw new DomainException(Reason.INVALID_VALUE, "adjusting " + onHand + " by " + delta + " leaves it out of range");
        }
        if (target < reserved) {
            throw new DomainException(Reason.STOCK_BELOW_RESERVED,
                    "on hand " + target + " would be below the " + reserved + " units buyers have reserved");
        }
        onHand = (int) target;
        return changed("adjusted by " + delta + ": " + why, at);
    }

    public StockChanged apply(StockMovement movement, Instant at) {
        return switch (movement.kind()) {
            case RESERVE -> reserve(movement.quantity(), at);
            case RELEASE -> release(movement.quantity(), at);
            case CONSUME -> consumeReserved(movement.quantity(), at);
            case RESTORE -> restoreReserved(movement.quantity(), at);
        };
    }

    public int available() {
        return onHand - reserved;
    }

    private StockChanged changed(String cause, Instant at) {
        return new StockChanged(key, onHand, reserved, available(), cause, Objects.requireNonNull(at, "at"));
    }

    private void requireRoom(int quantity) {
        if ((long) onHand + quantity > MAX_ON_HAND) {
            throw new DomainException(Reason.INVALID_VALUE, "on hand would exceed " + MAX_ON_HAND);
        }
    }

    private static void requirePositive(int quantity) {
        if (quantity <= 0) {
            throw new DomainException(Reason.INVALID_VALUE, "quantity must be positive, was " + quantity);
        }
    }

    public StockKey key() { return key; }
    public int onHand() { return onHand; }
    public int reserved() { return reserved; }
    public long version() { return version; }
}
