package dev.tihuo.domain.order;

import static dev.tihuo.domain.order.OrderFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.shared.Money;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The paid amount is attributed to the units in proportion to their prices and adds up exactly (D4). */
class PaidAmountSplitTest {

    private static List<Long> shares(Order order) {
        return order.vouchers().stream().map(v -> v.paid().fen()).toList();
    }

    @Test
    void equal_units_share_the_paid_amount_equally() {
        assertThat(shares(twoTeas())).containsExactly(900L, 900L);
    }

    @Test
    void units_share_the_paid_amount_in_proportion_to_their_prices_and_the_first_units_take_the_rounding() {
        Order order = place("o-p", STORE_A, List.of(line(TEA, 3, 1000), line(COFFEE, 1, 3000)), 5000).order();

        assertThat(shares(order)).containsExactly(834L, 833L, 833L, 2500L);
        assertThat(order.vouchers()).extracting(Voucher::sku).containsExactly(TEA, TEA, TEA, COFFEE);
    }

    @Test
    void free_units_share_the_paid_amount_equally() {
        Order order = place("o-free", STORE_A, List.of(line(TEA, 3, 0)), 100).order();

        assertThat(shares(order)).containsExactly(34L, 33L, 33L);
    }

    @Test
    void a_free_order_pays_nothing_for_any_unit() {
        Order order = place("o-zero", STORE_A, List.of(line(TEA, 2, 500)), 0).order();

        assertThat(shares(order)).containsExactly(0L, 0L);
    }

    record Line(int count, long unitFen) {}

    @Provide
    Arbitrary<List<Line>> lines() {
        return Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.longs().between(0, 1_000_000))
                .as(Line::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void the_units_shares_add_up_to_the_paid_amount_and_each_is_within_one_fen_of_its_proportional_share(
            @ForAll("lines") List<Line> lines, @ForAll @IntRange(min = 0, max = 1000) int payPermille) {
        List<OrderLine> orderLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            orderLines.add(line(new dev.tihuo.domain.catalog.SkuOutId("sku-" + i), lines.get(i).count(), lines.get(i).unitFen()));
        }
        long origin = lines.stream().mapToLong(l -> l.count() * l.unitFen()).sum();
        long pay = origin * payPermille / 1000;
        Order order = place("o-prop", STORE_A, orderLines, pay).order();

        assertThat(order.vouchers().stream().map(Voucher::paid).reduce(Money.ZERO, Money::plus)).isEqualTo(Money.fen(pay));
        if (origin > 0) {
            for (Voucher v : order.vouchers()) {
                long unit = lines.get(Integer.parseInt(v.sku().value().substring(4))).unitFen();
                long exactFloor = BigInteger.valueOf(pay).multiply(BigInteger.valueOf(unit)).divide(BigInteger.valueOf(origin)).longValueExact();
                assertThat(v.paid().fen()).isBetween(exactFloor, exactFloor + 1);
            }
        }
    }
}
