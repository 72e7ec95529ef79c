package dev.tihuo.domain.aftersale;

import static dev.tihuo.domain.aftersale.AfterSaleState.*;
import static dev.tihuo.domain.order.OrderFixture.*;
import static dev.tihuo.domain.shared.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Refunds (flows.md §4.3) and returns (§4.4, D9): every allowed and every forbidden transition, for both kinds. */
class AfterSaleStateMachineTest {
    static final Instant AT = T0.plusSeconds(3600);

    enum Command {
        APPROVE(s -> s.decide(RefundDecision.approve(), AT)),
        REJECT(s -> s.decide(new RefundDecision.Reject("goods already picked up"), AT)),
        ANSWER_PENDING(s -> s.decide(new RefundDecision.Pending("manual review"), AT)),
        REVIEW_APPROVE(s -> s.review(RefundDecision.approve(), AT)),
        REVIEW_REJECT(s -> s.review(new RefundDecision.Reject("not eligible"), AT)),
        TIMEOUT(s -> s.approveByTimeout(AT)),
        RECEIVE_GOODS(s -> s.receiveGoods(AT)),
        SETTLE(s -> s.settle(AT));

        final Consumer<AfterSale> action;

        Command(Consumer<AfterSale> action) {
            this.action = action;
        }
    }

    static final Set<AfterSaleState> REFUND_STATES = EnumSet.of(APPLIED, PENDING, APPROVED, AUTO_APPROVED, REJECTED, SUCCEEDED);
    static final Set<AfterSaleState> RETURN_STATES = EnumSet.of(APPLIED, PENDING, AWAITING_GOODS, GOODS_RECEIVED, REJECTED, REFUNDED);

    static final Map<AfterSaleKind, Map<AfterSaleState, Map<Command, AfterSaleState>>> ALLOWED = new EnumMap<>(AfterSaleKind.class);

    static {
        for (AfterSaleKind kind : AfterSaleKind.values()) {
            Map<AfterSaleState, Map<Command, AfterSaleState>> table = new EnumMap<>(AfterSaleState.class);
            for (AfterSaleState s : AfterSaleState.values()) {
                table.put(s, new EnumMap<>(Command.class));
            }
            ALLOWED.put(kind, table);
        }
        // §4.3 refund
        allow(AfterSaleKind.REFUND, APPLIED, Command.APPROVE, APPROVED);
        allow(AfterSaleKind.REFUND, APPLIED, Command.REJECT, REJECTED);
        allow(AfterSaleKind.REFUND, APPLIED, Command.ANSWER_PENDING, PENDING);
        allow(AfterSaleKind.REFUND, PENDING, Command.REVIEW_APPROVE, APPROVED);
        allow(AfterSaleKind.REFUND, PENDING, Command.REVIEW_REJECT, REJECTED);
        allow(AfterSaleKind.REFUND, APPLIED, Command.TIMEOUT, AUTO_APPROVED);
        allow(AfterSaleKind.REFUND, PENDING, Command.TIMEOUT, AUTO_APPROVED);
        allow(AfterSaleKind.REFUND, APPROVED, Command.SETTLE, SUCCEEDED);
        allow(AfterSaleKind.REFUND, AUTO_APPROVED, Command.SETTLE, SUCCEEDED);
        // S6 before any answer: Douyin's money-back notice is authoritative (recorded as auto-approved, then succeeded)
        allow(AfterSaleKind.REFUND, APPLIED, Command.SETTLE, SUCCEEDED);
        allow(AfterSaleKind.REFUND, PENDING, Command.SETTLE, SUCCEEDED);
        // §4.4 return
        allow(AfterSaleKind.RETURN, APPLIED, Command.APPROVE, AWAITING_GOODS);
        allow(AfterSaleKind.RETURN, APPLIED, Command.REJECT, REJECTED);
        allow(AfterSaleKind.RETURN, APPLIED, Command.ANSWER_PENDING, PENDING);
        allow(AfterSaleKind.RETURN, PENDING, Command.REVIEW_APPROVE, AWAITING_GOODS);
        allow(AfterSaleKind.RETURN, PENDING, Command.REVIEW_REJECT, REJECTED);
        allow(AfterSaleKind.RETURN, APPLIED, Command.TIMEOUT, AWAITING_GOODS); // S8 超时退货通知
        allow(AfterSaleKind.RETURN, PENDING, Command.TIMEOUT, AWAITING_GOODS);
        allow(AfterSaleKind.RETURN, AWAITING_GOODS, Command.RECEIVE_GOODS, GOODS_RECEIVED);
        allow(AfterSaleKind.RETURN, AWAITING_GOODS, Command.SETTLE, REFUNDED);
        allow(AfterSaleKind.RETURN, GOODS_RECEIVED, Command.SETTLE, REFUNDED);
        allow(AfterSaleKind.RETURN, APPLIED, Command.SETTLE, REFUNDED);
        allow(AfterSaleKind.RETURN, PENDING, Command.SETTLE, REFUNDED);
    }

    private static void allow(AfterSaleKind kind, AfterSaleState from, Command command, AfterSaleState to) {
        ALLOWED.get(kind).get(from).put(command, to);
    }

    static Set<AfterSaleState> statesOf(AfterSaleKind kind) {
        return kind == AfterSaleKind.REFUND ? REFUND_STATES : RETURN_STATES;
    }

    static List<RefundItem> items() {
        return List.of(new RefundItem(1, null, null, Money.fen(900)));
    }

    static AfterSale applied(AfterSaleKind kind) {
        return AfterSale.apply(MERCHANT, new AfterSaleId("as-1"), kind, new DouyinOrderId("o-1"), items(), Money.fen(900), "changed mind", T0);
    }

    static AfterSale in(AfterSaleKind kind, AfterSaleState state) {
        return AfterSale.reconstitute(new AfterSale.Snapshot(MERCHANT, new AfterSaleId("as-1"), kind, new DouyinOrderId("o-1"),
                items(), Money.fen(900), "changed mind", state, null, T0, List.of(), 2));
    }

    static Stream<Arguments> allowed() {
        List<Arguments> args = new ArrayList<>();
        ALLOWED.forEach((kind, table) -> table.forEach((from, commands) ->
                commands.forEach((command, to) -> args.add(Arguments.of(kind, from, command, to)))));
        return args.stream();
    }

    static Stream<Arguments> forbidden() {
        List<Arguments> args = new ArrayList<>();
        for (AfterSaleKind kind : AfterSaleKind.values()) {
            for (AfterSaleState from : statesOf(kind)) {
                for (Command command : Command.values()) {
                    if (!ALLOWED.get(kind).get(from).containsKey(command)) {
                        args.add(Arguments.of(kind, from, command));
                    }
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}: {1} --{2}--> {3}")
    @MethodSource("allowed")
    void an_allowed_command_moves_the_after_sale_to_its_next_state(AfterSaleKind kind, AfterSaleState from, Command command,
                                                                  AfterSaleState to) {
        AfterSale sale = in(kind, from);

        command.action.accept(sale);

        assertThat(sale.state()).isEqualTo(to);
        assertThat(sale.history()).last().extracting(Transition::to).isEqualTo(to.name());
    }

    @ParameterizedTest(name = "{0}: {1} --{2}--> refused")
    @MethodSource("forbidden")
    void a_forbidden_command_is_refused_as_an_illegal_transition_and_changes_nothing(AfterSaleKind kind, AfterSaleState from,
                                                                                      Command command) {
        AfterSale sale = in(kind, from);
        AfterSale.Snapshot before = sale.snapshot();

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> command.action.accept(sale));

        assertThat(sale.snapshot()).isEqualTo(before);
    }

    @Test
    void the_allowed_tables_never_leave_a_final_state_nor_reach_a_state_of_the_other_kind() {
        for (AfterSaleKind kind : AfterSaleKind.values()) {
            ALLOWED.get(kind).forEach((from, commands) -> {
                if (from.isFinal()) {
                    assertThat(commands).as(kind + " " + from).isEmpty();
                }
                assertThat(statesOf(kind)).containsAll(commands.values());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(AfterSaleKind.class)
    void an_after_sale_starts_applied_and_is_not_yet_approved(AfterSaleKind kind) {
        AfterSale sale = applied(kind);

        assertThat(sale.state()).isEqualTo(APPLIED);
        assertThat(sale.isApproved()).isFalse();
        assertThat(sale.decision()).isEmpty();
        assertThat(sale.vouchers()).containsExactly(1);
    }

    @Test
    void a_review_must_approve_or_reject() {
        AfterSale sale = in(AfterSaleKind.REFUND, PENDING);

        assertRefused(Reason.INVALID_VALUE, () -> sale.review(new RefundDecision.Pending("still thinking"), AT));
        assertThat(sale.state()).isEqualTo(PENDING);
    }

    @Test
    void an_after_sale_names_at_least_one_unit_and_each_unit_once() {
        assertRefused(Reason.INVALID_VALUE, () -> AfterSale.apply(MERCHANT, new AfterSaleId("as-2"), AfterSaleKind.REFUND,
                new DouyinOrderId("o-1"), List.of(), Money.ZERO, "", T0));
        RefundItem unit = new RefundItem(1, null, null, Money.fen(1));
        assertRefused(Reason.INVALID_VALUE, () -> AfterSale.apply(MERCHANT, new AfterSaleId("as-2"), AfterSaleKind.REFUND,
                new DouyinOrderId("o-1"), List.of(unit, unit), Money.fen(2), "", T0));
    }

    @Test
    void the_merchants_decision_is_kept_with_its_douyin_result_value() {
        AfterSale sale = applied(AfterSaleKind.REFUND);

        sale.decide(new RefundDecision.Reject("goods already picked up"), AT);

        assertThat(sale.decision()).hasValueSatisfying(d -> assertThat(d.result()).isEqualTo(2));
        assertThat(RefundDecision.approve().result()).isEqualTo(1);
        assertThat(new RefundDecision.Pending("later").result()).isZero();
    }

    @Test
    void a_return_after_its_goods_came_back_counts_as_approved() {
        AfterSale sale = applied(AfterSaleKind.RETURN);
        sale.decide(RefundDecision.approve(), AT);
        sale.receiveGoods(AT);

        assertThat(sale.isApproved()).isTrue();
        assertThat(sale.history()).extracting(Transition::to).containsExactly("APPLIED", "AWAITING_GOODS", "GOODS_RECEIVED");
    }

    @Test
    void goods_of_a_return_refunded_before_they_came_back_are_received_once() {
        AfterSale sale = applied(AfterSaleKind.RETURN);
        sale.decide(RefundDecision.approve(), AT);
        sale.settle(AT);

        sale.receiveGoodsAfterRefund(AT);

        assertThat(sale.state()).isEqualTo(REFUNDED);
        assertRefused(Reason.ILLEGAL_TRANSITION, () -> sale.receiveGoodsAfterRefund(AT));
        assertRefused(Reason.ILLEGAL_TRANSITION, () -> sale.receiveGoods(AT));
    }

    @Test
    void goods_received_before_the_refund_are_not_received_again_after_it() {
        AfterSale sale = applied(AfterSaleKind.RETURN);
        sale.decide(RefundDecision.approve(), AT);
        sale.receiveGoods(AT);
        sale.settle(AT);

        assertRefused(Reason.ILLEGAL_TRANSITION, () -> sale.receiveGoodsAfterRefund(AT));
    }

    @Test
    void a_rejected_after_sale_is_not_approved() {
        AfterSale sale = applied(AfterSaleKind.REFUND);
        sale.decide(new RefundDecision.Reject("no"), AT);

        assertThat(sale.isApproved()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(AfterSaleKind.class)
    void a_refund_douyin_made_without_asking_exists_only_as_done(AfterSaleKind kind) {
        AfterSale sale = AfterSale.refundedWithoutAudit(MERCHANT, new AfterSaleId("as-cs"), kind, new DouyinOrderId("o-1"),
                items(), Money.fen(900), "customer service", AT);

        assertThat(sale.state()).isEqualTo(kind == AfterSaleKind.REFUND ? SUCCEEDED : REFUNDED);
        assertThat(sale.state().isFinal()).isTrue();
        assertThat(sale.isApproved()).isTrue();
    }
}
