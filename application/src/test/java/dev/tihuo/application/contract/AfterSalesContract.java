package dev.tihuo.application.contract;

import static dev.tihuo.application.contract.Samples.MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_MERCHANT;
import static dev.tihuo.application.contract.Samples.POI;
import static dev.tihuo.application.contract.Samples.STORE;
import static dev.tihuo.application.contract.Samples.T0;
import static dev.tihuo.application.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.out.AfterSales;
import dev.tihuo.domain.aftersale.AfterSale;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleKind;
import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.aftersale.RefundDecision;
import dev.tihuo.domain.aftersale.RefundItem;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link AfterSales}: round trip of items, decision (with late codes) and history; optimistic saves;
 * lookups by order and pages of one merchant's after-sales, newest first, the cursor being the last one's id.
 */
public abstract class AfterSalesContract extends PortContract {
    private static final DouyinOrderId ORDER = new DouyinOrderId("1090000000000000001");
    private static final DouyinOrderId OTHER_ORDER = new DouyinOrderId("1090000000000000002");
    private static final DouyinOrderId FOREIGN_ORDER = new DouyinOrderId("1090000000000000003");

    protected AfterSales afterSales() {
        return ports.afterSales();
    }

    @BeforeEach
    void ordersTheAfterSalesReferTo() {
        ports.stores().save(Samples.store(MERCHANT, STORE, POI));
        ports.stores().save(Samples.store(OTHER_MERCHANT, STORE, POI));
        ports.products().save(Samples.publishedProduct(MERCHANT));
        ports.products().save(Samples.publishedProduct(OTHER_MERCHANT));
        ports.orders().save(Samples.placed(ORDER.value(), T0));
        ports.orders().save(Samples.placed(OTHER_ORDER.value(), T0));
        ports.orders().save(Samples.placed(OTHER_MERCHANT, FOREIGN_ORDER.value(), STORE, POI, T0));
    }

    @Test
    void a_rejected_refund_comes_back_with_its_items_late_codes_and_history() {
        AfterSale sale = Samples.refundApplied(MERCHANT, "7310000000000000001", ORDER, at(1));
        sale.decide(new RefundDecision.Reject("code supplied late (补码)", List.of(Samples.code(), Samples.code())), at(2));
        afterSales().save(sale);

        AfterSale found = afterSales().find(sale.id()).orElseThrow();

        assertThat(found.snapshot()).usingRecursiveComparison().ignoringFields("version").isEqualTo(sale.snapshot());
        assertThat(found.decision()).contains(sale.decision().orElseThrow());
        assertThat(found.items()).isEqualTo(sale.items());
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void approved_pending_and_undecided_after_sales_come_back_as_they_were() {
        AfterSale approved = Samples.refundApplied(MERCHANT, "7310000000000000002", ORDER, at(1));
        approved.decide(new RefundDecision.Approve(), at(2));
        AfterSale pending = Samples.refundApplied(MERCHANT, "7310000000000000003", ORDER, at(1));
        pending.decide(new RefundDecision.Pending("waiting for the merchant's review"), at(2));
        AfterSale applied = AfterSale.apply(MERCHANT, new AfterSaleId("7310000000000000004"), AfterSaleKind.RETURN, ORDER,
                List.of(new RefundItem(3, null, null, Money.ZERO)), Money.ZERO, "", at(3));
        AfterSale withoutAudit = AfterSale.refundedWithoutAudit(MERCHANT, new AfterSaleId("7310000000000000005"),
                AfterSaleKind.REFUND, ORDER, List.of(new RefundItem(1, null, null, Money.fen(100))), Money.fen(100),
                "客服强退", at(4));

        for (AfterSale sale : List.of(approved, pending, applied, withoutAudit)) {
            afterSales().save(sale);
            assertThat(afterSales().find(sale.id()).orElseThrow().snapshot())
                    .usingRecursiveComparison().ignoringFields("version").isEqualTo(sale.snapshot());
        }
    }

    @Test
    void a_second_insert_is_a_duplicate_and_a_stale_update_is_refused() {
        afterSales().save(Samples.refundApplied(MERCHANT, "7310000000000000006", ORDER, at(1)));
        assertThatThrownBy(() -> afterSales().save(Samples.refundApplied(MERCHANT, "7310000000000000006", ORDER, at(2))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));

        AfterSale mine = afterSales().find(new AfterSaleId("7310000000000000006")).orElseThrow();
        AfterSale theirs = afterSales().find(new AfterSaleId("7310000000000000006")).orElseThrow();
        theirs.decide(new RefundDecision.Approve(), at(3));
        afterSales().save(theirs);
        mine.decide(new RefundDecision.Reject("no"), at(4));

        assertThatThrownBy(() -> afterSales().save(mine))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE_STATE));
        AfterSale stored = afterSales().find(mine.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(AfterSaleState.APPROVED);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void the_after_sales_of_an_order_are_found_together() {
        afterSales().save(Samples.refundApplied(MERCHANT, "7310000000000000011", ORDER, at(1)));
        afterSales().save(Samples.refundApplied(MERCHANT, "7310000000000000012", OTHER_ORDER, at(2)));
        afterSales().save(Samples.refundApplied(MERCHANT, "7310000000000000013", ORDER, at(3)));

        assertThat(afterSales().forOrder(ORDER)).extracting(s -> s.id().value())
                .containsExactlyInAnyOrder("7310000000000000011", "7310000000000000013");
        assertThat(afterSales().forOrder(new DouyinOrderId("1090000000000000999"))).isEmpty();
    }

    @Test
    void a_merchants_after_sales_are_listed_newest_first_by_state_and_paged_by_cursor() {
        for (int i = 1; i <= 5; i++) {
            AfterSale sale = Samples.refundApplied(MERCHANT, "73100000000000001%02d".formatted(i), ORDER, at(i));
            if (i % 2 == 0) {
                sale.decide(new RefundDecision.Pending("review"), at(i));
            }
            afterSales().save(sale);
        }
        afterSales().save(Samples.refundApplied(OTHER_MERCHANT, "7310000000000000200", FOREIGN_ORDER, at(9)));

        assertThat(ids(Set.of(AfterSaleState.PENDING), null, 10)).containsExactly("7310000000000000104", "7310000000000000102");
        assertThat(ids(Set.of(), null, 10)).containsExactly("7310000000000000105", "7310000000000000104",
                "7310000000000000103", "7310000000000000102", "7310000000000000101");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        List<String> page;
        while (!(page = ids(Set.of(), cursor, 2)).isEmpty()) {
            seen.addAll(page);
            cursor = page.get(page.size() - 1);
        }
        assertThat(seen).containsExactly("7310000000000000105", "7310000000000000104", "7310000000000000103",
                "7310000000000000102", "7310000000000000101");
    }

    private List<String> ids(Set<AfterSaleState> states, String after, int limit) {
        return afterSales().list(MERCHANT, states, after, limit).stream().map(s -> s.id().value()).toList();
    }
}
