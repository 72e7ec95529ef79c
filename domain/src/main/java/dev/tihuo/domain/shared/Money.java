package dev.tihuo.domain.shared;

import java.util.ArrayList;
import java.util.List;
import org.jmolecules.ddd.annotation.ValueObject;

/** An amount in integer fen (分). Never negative; never a floating point value. */
@ValueObject
public record Money(long fen) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);

    public Money {
        if (fen < 0) {
            throw new DomainException(Reason.INVALID_VALUE, "money must not be negative: " + fen + " fen");
        }
    }

    public static Money fen(long fen) {
        return new Money(fen);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        if (other.fen > fen) {
            throw new DomainException(Reason.INVALID_VALUE, "cannot take " + other + " from " + this);
        }
        return new Money(fen - other.fen);
    }

    public Money times(int factor) {
        if (factor < 0) {
            throw new DomainException(Reason.INVALID_VALUE, "factor must not be negative");
        }
        return new Money(Math.multiplyExact(fen, factor));
    }

    /**
     * Splits this amount into {@code parts} shares that differ by at most one fen and add up exactly,
     * the larger shares first: how a paid amount is attributed to the units (vouchers) of an order.
     */
    public List<Money> split(int parts) {
        if (parts <= 0) {
            throw new DomainException(Reason.INVALID_VALUE, "cannot split into " + parts + " parts");
        }
        long base = fen / parts;
        long remainder = fen % parts;
        List<Money> shares = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            shares.add(new Money(base + (i < remainder ? 1 : 0)));
        }
        return shares;
    }

    public boolean isGreaterThan(Money other) {
        return fen > other.fen;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return fen + " fen";
    }
}
