package dev.tihuo.application.contract;

import static dev.tihuo.application.contract.Samples.MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_POI;
import static dev.tihuo.application.contract.Samples.OTHER_STORE;
import static dev.tihuo.application.contract.Samples.POI;
import static dev.tihuo.application.contract.Samples.STORE;
import static dev.tihuo.application.contract.Samples.T0;
import static dev.tihuo.application.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.Orders.OrderQuery;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.IssueFailure;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.voucher.PickupCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link Orders}: every field survives a round trip, saves are optimistic (version 0 inserts, a stale
 * version is refused), and the lookups the use cases rely on. A page's cursor is the Douyin order id of the last
 * order of the previous page.
 */
public abstract class OrdersContract extends PortContract {

    protected Orders orders() {
        return ports.orders();
    }

    @BeforeEach
    void storesTheOrdersReferTo() {
        ports.stores().save(Samples.store(MERCHANT, STORE, POI));
        ports.stores().save(Samples.store(MERCHANT, OTHER_STORE, OTHER_POI));
        ports.stores().save(Samples.store(OTHER_MERCHANT, STORE, POI));
        ports.products().save(Samples.publishedProduct(MERCHANT));
        ports.products().save(Samples.publishedProduct(OTHER_MERCHANT));
    }

    @Test
    void an_order_comes_back_with_every_field_vouchers_and_history() {
        Order order = Samples.eventful("1090000000000000001");
        orders().save(order);

        Order found = orders().find(MERCHANT, order.id()).orElseThrow();

        assertThat(found.snapshot()).usingRecursiveComparison().ignoringFields("version").isEqualTo(order.snapshot());
        assertThat(found.state()).isEqualTo(OrderState.PARTIALLY_REFUNDED);
        assertThat(found.voucher(1).verifyId()).contains("verify-1");
        assertThat(found.attention()).isPresent();
        assertThat(found.history()).hasSize(order.history().size()).isEqualTo(order.history());
    }

    @Test
    void an_order_whose_issue_window_lapsed_keeps_its_issue_request_time_and_failure() {
        Order order = Samples.lapsed("1090000000000000002");
        orders().save(order);

        Order found = orders().find(order.id()).orElseThrow();

        assertThat(found.snapshot()).usingRecursiveComparison().ignoringFields("version").isEqualTo(order.snapshot());
        assertThat(found.issueFailure()).contains(IssueFailure.LAPSED);
        assertThat(found.issueRequestedAt()).contains(T0);
    }

    @Test
    void stored_versions_start_at_one_and_grow_with_every_update() {
        orders().save(Samples.placed("1090000000000000003", T0));
        Order first = orders().find(new DouyinOrderId("1090000000000000003")).orElseThrow();
        assertThat(first.version()).isEqualTo(1);

        first.pay(at(1));
        orders().save(first);

        Order second = orders().find(new DouyinOrderId("1090000000000000003")).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.state()).isEqualTo(OrderState.PAID);
    }

    @Test
    void a_change_to_a_loaded_order_is_not_visible_until_it_is_saved() {
        orders().save(Samples.placed("1090000000000000013", T0));
        Order loaded = orders().find(new DouyinOrderId("1090000000000000013")).orElseThrow();

        loaded.pay(at(1));

        assertThat(orders().find(new DouyinOrderId("1090000000000000013")).orElseThrow().state()).isEqualTo(OrderState.CREATED);
        orders().save(loaded);
        assertThat(orders().find(new DouyinOrderId("1090000000000000013")).orElseThrow().state()).isEqualTo(OrderState.PAID);
    }

    @Test
    void a_second_insert_of_the_same_order_is_a_duplicate() {
        orders().save(Samples.placed("1090000000000000004", T0));

        assertThatThrownBy(() -> orders().save(Samples.placed("1090000000000000004", at(1))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));
        assertThat(orders().find(new DouyinOrderId("1090000000000000004")).orElseThrow().createdAt()).isEqualTo(T0);
    }

    @Test
    void an_order_id_another_merchant_holds_is_a_duplicate_because_douyin_ids_are_global() {
        orders().save(Samples.placed("1090000000000000014", T0));

        assertThatThrownBy(() -> orders().save(Samples.placed(OTHER_MERCHANT, "1090000000000000014", STORE, POI, at(1))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));
        assertThat(orders().find(new DouyinOrderId("1090000000000000014")).orElseThrow().merchant())
                .isEqualTo(MERCHANT);
    }

    @Test
    void an_update_from_a_stale_copy_is_refused_and_changes_nothing() {
        orders().save(Samples.placed("1090000000000000005", T0));
        Order mine = orders().find(new DouyinOrderId("1090000000000000005")).orElseThrow();
        Order theirs = orders().find(new DouyinOrderId("1090000000000000005")).orElseThrow();
        theirs.pay(at(1));
        orders().save(theirs);

        mine.cancel("cancel notice", at(2));

        assertThatThrownBy(() -> orders().save(mine))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE_STATE));
        assertThat(orders().find(mine.id()).orElseThrow().state()).isEqualTo(OrderState.PAID);
    }

    @Test
    void an_update_of_an_order_that_was_never_stored_is_stale() {
        Order.Snapshot s = Samples.placed("1090000000000000006", T0).snapshot();
        Order ghost = Order.reconstitute(new Order.Snapshot(s.merchant(), s.id(), s.outId(), s.store(), s.poi(), s.lines(),
                s.amount(), s.vouchers(), s.state(), s.createdAt(), s.issueRequestedAt(), s.issueFailure(), s.attention(),
                s.history(), 3));

        assertThatThrownBy(() -> orders().save(ghost))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE_STATE));
    }

    @Test
    void of_many_concurrent_updates_from_one_version_exactly_one_wins() {
        orders().save(Samples.placed("1090000000000000007", T0));
        List<Object> results = concurrently(8, i -> {
            Order copy = orders().find(new DouyinOrderId("1090000000000000007")).orElseThrow();
            return copy;
        });
        List<Object> saves = concurrently(8, i -> {
            Order copy = (Order) results.get(i);
            copy.pay(at(i));
            orders().save(copy);
            return "saved";
        });

        assertThat(saves).filteredOn("saved"::equals).hasSize(1);
        assertThat(saves).filteredOn(DomainException.class::isInstance)
                .allSatisfy(e -> assertThat(((DomainException) e).reason()).isEqualTo(Reason.STALE_STATE)).hasSize(7);
        assertThat(orders().find(new DouyinOrderId("1090000000000000007")).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void an_order_is_found_by_its_id_only_within_its_merchant() {
        orders().save(Samples.placed("1090000000000000008", T0));

        assertThat(orders().find(MERCHANT, new DouyinOrderId("1090000000000000008"))).isPresent();
        assertThat(orders().find(OTHER_MERCHANT, new DouyinOrderId("1090000000000000008"))).isEmpty();
        assertThat(orders().find(new DouyinOrderId("1090000000000000008"))).isPresent();
        assertThat(orders().find(new DouyinOrderId("1090000000000000999"))).isEmpty();
    }

    @Test
    void an_order_is_found_by_any_of_its_pickup_codes() {
        Order order = Samples.eventful("1090000000000000009");
        orders().save(order);
        orders().save(Samples.eventful("1090000000000000010"));

        for (int n = 1; n <= 3; n++) {
            PickupCode code = order.voucher(n).code().orElseThrow();
            assertThat(orders().findByCode(code)).map(Order::id).contains(order.id());
        }
        assertThat(orders().findByCode(Samples.code())).isEmpty();
    }

    @Test
    void a_pickup_code_already_held_by_another_order_is_refused_as_a_duplicate() {
        Order first = Samples.placed("1090000000000000011", T0);
        PickupCode shared = Samples.code();
        first.issue(List.of(shared, Samples.code(), Samples.code()), at(86_400), at(1));
        orders().save(first);
        Order second = Samples.placed("1090000000000000012", T0);
        second.issue(List.of(Samples.code(), Samples.code(), shared), at(86_400), at(1));

        assertThatThrownBy(() -> orders().save(second))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));
        assertThat(orders().findByCode(shared)).map(Order::id).contains(first.id());
    }

    @Test
    void issuing_orders_past_a_moment_come_oldest_deadline_first() {
        orders().save(Samples.issuing("1090000000000000021", at(120)));
        orders().save(Samples.issuing("1090000000000000022", at(0)));
        orders().save(Samples.issuing("1090000000000000023", at(60)));
        orders().save(Samples.issuing("1090000000000000024", at(600)));
        orders().save(Samples.placed("1090000000000000025", T0));
        Order issued = Samples.issuing("1090000000000000026", at(0));
        issued.issue(List.of(Samples.code(), Samples.code(), Samples.code()), at(86_400), at(5));
        orders().save(issued);

        List<Order> due = orders().issuingWithDeadlineBefore(at(300).plus(Duration.ofMinutes(10)), 10);

        assertThat(due).extracting(o -> o.id().value())
                .containsExactly("1090000000000000022", "1090000000000000023", "1090000000000000021");
        assertThat(orders().issuingWithDeadlineBefore(at(300).plus(Duration.ofMinutes(10)), 2)).hasSize(2);
        assertThat(orders().issuingWithDeadlineBefore(at(0).plus(Duration.ofMinutes(10)), 10))
                .as("a deadline exactly at the moment is not before it").isEmpty();
    }

    @Test
    void a_merchants_orders_are_listed_newest_first_by_state_store_and_time() {
        orders().save(Samples.placed(MERCHANT, "1090000000000000031", STORE, POI, at(10)));
        orders().save(Samples.placed(MERCHANT, "1090000000000000032", OTHER_STORE, OTHER_POI, at(20)));
        Order paid = Samples.placed(MERCHANT, "1090000000000000033", STORE, POI, at(30));
        paid.pay(at(31));
        orders().save(paid);
        orders().save(Samples.placed(OTHER_MERCHANT, "1090000000000000034", STORE, POI, at(40)));

        assertThat(ids(new OrderQuery(MERCHANT, Set.of(), null, null, null, null, 10)))
                .containsExactly("1090000000000000033", "1090000000000000032", "1090000000000000031");
        assertThat(ids(new OrderQuery(MERCHANT, Set.of(OrderState.CREATED), null, null, null, null, 10)))
                .containsExactly("1090000000000000032", "1090000000000000031");
        assertThat(ids(new OrderQuery(MERCHANT, Set.of(), STORE, null, null, null, 10)))
                .containsExactly("1090000000000000033", "1090000000000000031");
        assertThat(ids(new OrderQuery(MERCHANT, Set.of(), null, at(20), at(30), null, 10)))
                .as("from inclusive, to exclusive").containsExactly("1090000000000000032");
        assertThat(ids(new OrderQuery(OTHER_MERCHANT, null, null, null, null, null, 10)))
                .containsExactly("1090000000000000034");
    }

    @Test
    void pages_follow_each_other_through_the_cursor_without_gaps_or_repeats() {
        for (int i = 1; i <= 7; i++) {
            orders().save(Samples.placed("10900000000000001%02d".formatted(i), at(i)));
        }
        orders().save(Samples.placed("1090000000000000108", at(7)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            List<String> ids = ids(new OrderQuery(MERCHANT, Set.of(), null, null, null, cursor, 3));
            if (ids.isEmpty()) {
                break;
            }
            assertThat(ids.size()).isLessThanOrEqualTo(3);
            seen.addAll(ids);
            cursor = ids.get(ids.size() - 1);
        }

        assertThat(seen).hasSize(8).doesNotHaveDuplicates();
        assertThat(seen.subList(2, 8)).containsExactly("1090000000000000106", "1090000000000000105",
                "1090000000000000104", "1090000000000000103", "1090000000000000102", "1090000000000000101");
        assertThat(seen.subList(0, 2)).containsExactlyInAnyOrder("1090000000000000107", "1090000000000000108");
    }

    private List<String> ids(OrderQuery query) {
        return orders().list(query).stream().map(o -> o.id().value()).toList();
    }
}
