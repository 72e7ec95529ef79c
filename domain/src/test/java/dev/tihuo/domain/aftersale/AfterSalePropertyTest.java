package dev.tihuo.domain.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.aftersale.AfterSaleStateMachineTest.Command;
import dev.tihuo.domain.shared.DomainException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random command sequences against refunds and returns: only table transitions, nothing out of a final state. */
class AfterSalePropertyTest {

    @Provide
    Arbitrary<List<Command>> commands() {
        return Arbitraries.of(Command.class).list().ofMaxSize(12);
    }

    @Property(tries = 500)
    void an_after_sale_moves_only_along_its_kinds_table_and_never_out_of_a_final_state(
            @ForAll AfterSaleKind kind, @ForAll("commands") List<Command> commands) {
        AfterSale sale = AfterSaleStateMachineTest.applied(kind);
        for (Command command : commands) {
            AfterSaleState from = sale.state();
            AfterSale.Snapshot before = sale.snapshot();
            AfterSaleState expected = AfterSaleStateMachineTest.ALLOWED.get(kind).get(from).get(command);
            try {
                command.action.accept(sale);
                assertThat(expected).as("%s %s accepted %s", kind, from, command).isNotNull();
                assertThat(sale.state()).isEqualTo(expected);
            } catch (DomainException refused) {
                assertThat(expected).as("%s %s refused %s: %s", kind, from, command, refused.getMessage()).isNull();
                assertThat(sale.snapshot()).isEqualTo(before);
            }
            if (from.isFinal()) {
                assertThat(sale.state()).isEqualTo(from);
            }
            assertThat(AfterSaleStateMachineTest.statesOf(kind)).contains(sale.state());
        }
    }
}
