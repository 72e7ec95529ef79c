package dev.tihuo.domain.shared;

import static dev.tihuo.domain.shared.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Money in integer fen: never negative, split exactly. */
class MoneyTest {

    @Test
    void money_is_never_negative() {
        assertRefused(Reason.INVALID_VALUE, () -> Money.fen(-1));
        assertRefused(Reason.INVALID_VALUE, () -> Money.fen(5).minus(Money.fen(6)));
        assertRefused(Reason.INVALID_VALUE, () -> Money.fen(5).times(-1));
    }

    @Test
    void money_adds_subtracts_multiplies_and_compares_in_fen() {
        assertThat(Money.fen(150).plus(Money.fen(50))).isEqualTo(Money.fen(200));
        assertThat(Money.fen(150).minus(Money.fen(150))).isEqualTo(Money.ZERO);
        assertThat(Money.fen(150).times(3)).isEqualTo(Money.fen(450));
        assertThat(Money.fen(2).isGreaterThan(Money.fen(1))).isTrue();
        assertThat(Money.fen(1).isGreaterThan(Money.fen(1))).isFalse();
        assertThat(Money.fen(1)).isLessThan(Money.fen(2));
        assertThat(Money.fen(1999)).hasToString("1999 fen");
    }

    @Test
    void ten_yuan_split_three_ways_gives_the_extra_fen_to_the_first_share() {
        assertThat(Money.fen(1000).split(3)).containsExactly(Money.fen(334), Money.fen(333), Money.fen(333));
    }

    @Test
    void fewer_fen_than_parts_leaves_some_shares_at_zero() {
        assertThat(Money.fen(2).split(4)).containsExactly(Money.fen(1), Money.fen(1), Money.ZERO, Money.ZERO);
    }

    @Test
    void an_amount_cannot_be_split_into_no_parts() {
        assertRefused(Reason.INVALID_VALUE, () -> Money.fen(100).split(0));
        assertRefused(Reason.INVALID_VALUE, () -> Money.fen(100).split(-2));
    }

    @Property(tries = 500)
    void a_split_adds_up_exactly_never_negative_and_shares_differ_by_at_most_one_fen(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long fen, @ForAll @IntRange(min = 1, max = 999) int parts) {
        List<Money> shares = Money.fen(fen).split(parts);

        assertThat(shares).hasSize(parts);
        assertThat(shares.stream().mapToLong(Money::fen).sum()).isEqualTo(fen);
        assertThat(shares).allSatisfy(s -> assertThat(s.fen()).isNotNegative());
        assertThat(shares.get(0).fen() - shares.get(parts - 1).fen()).isBetween(0L, 1L);
        assertThat(shares).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }
}
