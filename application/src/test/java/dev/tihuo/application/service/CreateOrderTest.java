package dev.tihuo.application.service;

import static dev.tihuo.application.service.Shop.DOUYIN_SKU_A;
import static dev.tihuo.application.service.Shop.DOUYIN_SKU_B;
import static dev.tihuo.application.service.Shop.POI_A;
import static dev.tihuo.application.service.Shop.SKU_A;
import static dev.tihuo.application.service.Shop.SKU_B;
import static dev.tihuo.application.service.Shop.STORE_A;
import static dev.tihuo.application.service.Shop.UNKNOWN_DOUYIN_SKU;
import static dev.tihuo.application.service.Shop.UNKNOWN_POI;
import static dev.tihuo.application.service.Shop.createOrder;
import static dev.tihuo.application.service.Shop.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.contract.PortContract;
import dev.tihuo.application.port.in.IdempotencyConflict;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.voucher.VoucherState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** S1 通知外部商家创单: the order is created and its units reserved at the chosen store (D1, D12, D16). */
class CreateOrderTest {
    private final Shop shop = new Shop();
    private final CreateOrder createOrder = shop.app.orderService();

    @Test
    void an_order_is_created_with_one_voucher_per_unit_and_its_stock_reserved_at_the_chosen_store() {
        CreateOrder.Created created = createOrder.create(createOrder("1090000000000000001", POI_A,
                item(DOUYIN_SKU_A, 2), item(DOUYIN_SKU_B, 1)));

        assertThat(created.orderOutId()).isEqualTo("M000001");
        Order order = shop.order("1090000000000000001");
        assertThat(order.state()).isEqualTo(OrderState.CREATED);
        assertThat(order.outId().value()).isEqualTo("M000001");
        assertThat(order.store().value()).isEqualTo(STORE_A);
        assertThat(order.vouchers()).hasSize(3).allSatisfy(v -> assertThat(v.state()).isEqualTo(VoucherState.PENDING_ISSUE));
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(8);
        assertThat(shop.available(STORE_A, SKU_B)).isEqualTo(9);
    }

    @Test
    void an_order_for_a_sku_that_is_not_mapped_is_refused_as_unknown_sku() {
        assertThatThrownBy(() -> createOrder.create(createOrder("1090000000000000002", POI_A, item(UNKNOWN_DOUYIN_SKU, 1))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SKU));
        assertNothingStored();
    }

    @Test
    void an_order_whose_sku_out_id_contradicts_the_mapping_is_refused_as_unknown_sku() {
        CreateOrder.Item wrong = new CreateOrder.Item(item(DOUYIN_SKU_A, 1).product(), item(DOUYIN_SKU_A, 1).sku(), SKU_B, 1,
                item(DOUYIN_SKU_A, 1).unitAmount());

        assertThatThrownBy(() -> createOrder.create(createOrder("1090000000000000003", POI_A, wrong)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SKU));
        assertNothingStored();
    }

    @Test
    void an_order_for_a_poi_that_is_no_store_of_the_merchant_is_refused_as_unknown_store() {
        assertThatThrownBy(() -> createOrder.create(createOrder("1090000000000000004", UNKNOWN_POI, item(DOUYIN_SKU_A, 1))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_STORE));
        assertNothingStored();
    }

    @Test
    void an_order_the_store_cannot_serve_is_refused_and_reserves_nothing_not_even_its_other_lines() {
        assertThatThrownBy(() -> createOrder.create(createOrder("1090000000000000005", POI_A,
                item(DOUYIN_SKU_A, 2), item(DOUYIN_SKU_B, 11))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INSUFFICIENT_STOCK));

        assertNothingStored();
        assertThat(shop.reserved(STORE_A, SKU_A)).isZero();
        assertThat(shop.reserved(STORE_A, SKU_B)).isZero();
    }

    @Test
    void a_refused_order_is_accepted_when_douyin_retries_after_stock_arrived() {
        assertThatThrownBy(() -> shop.create("1090000000000000006", DOUYIN_SKU_A, 12)).isInstanceOf(DomainException.class);
        shop.app.putOnShelf(Shop.MERCHANT, STORE_A, SKU_A, 20);

        String outId = shop.create("1090000000000000006", DOUYIN_SKU_A, 12);

        assertThat(shop.order("1090000000000000006").outId().value()).isEqualTo(outId);
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(8);
    }

    @Test
    void six_identical_requests_create_one_order_and_get_identical_answers() {
        CreateOrder.Command command = createOrder("1090000000000000007", POI_A, item(DOUYIN_SKU_A, 2));

        List<CreateOrder.Created> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(createOrder.create(command));
        }

        assertThat(answers).containsOnly(answers.get(0));
        assertThat(shop.app.orders().count()).isEqualTo(1);
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(2);
        assertThat(shop.order("1090000000000000007").version()).isEqualTo(1);
    }

    @Test
    void a_first_request_looks_for_no_stored_answer_and_its_replay_gets_the_stored_one_changing_nothing() {
        CreateOrder.Command command = createOrder("1090000000000000017", POI_A, item(DOUYIN_SKU_A, 2));

        CreateOrder.Created first = createOrder.create(command);
        assertThat(shop.app.idempotencyRecords().reads()).as("the record's insert told the key was new").isZero();
        Order placed = shop.order("1090000000000000017");

        CreateOrder.Created replay = createOrder.create(command);

        assertThat(replay).isEqualTo(first);
        assertThat(shop.app.idempotencyRecords().reads()).as("the replay's insert failed; the careful path read it")
                .isEqualTo(1);
        assertThat(shop.order("1090000000000000017").snapshot()).isEqualTo(placed.snapshot());
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(2);
    }

    @Test
    void the_same_order_id_with_another_body_is_a_conflict_and_changes_nothing() {
        shop.create("1090000000000000008", DOUYIN_SKU_A, 2);
        Order before = shop.order("1090000000000000008");

        assertThatThrownBy(() -> createOrder.create(createOrder("1090000000000000008", POI_A, item(DOUYIN_SKU_A, 3))))
                .isInstanceOf(IdempotencyConflict.class);

        assertThat(shop.order("1090000000000000008").snapshot()).isEqualTo(before.snapshot());
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(2);
        assertThat(shop.app.orders().count()).isEqualTo(1);
    }

    @Test
    void an_order_id_another_merchant_holds_is_a_conflict_and_changes_nothing() {
        shop.create("1090000000000000009", DOUYIN_SKU_A, 2);
        Order before = shop.order("1090000000000000009");
        CreateOrder.Command mine = createOrder("1090000000000000009", POI_A, item(DOUYIN_SKU_A, 2));
        CreateOrder.Command theirs = new CreateOrder.Command(new MerchantId("7000000000000000002"), mine.order(),
                mine.poi(), mine.items(), mine.amount());

        assertThatThrownBy(() -> createOrder.create(theirs)).isInstanceOf(IdempotencyConflict.class);

        assertThat(shop.order("1090000000000000009").snapshot()).isEqualTo(before.snapshot());
        assertThat(shop.app.orders().count()).isEqualTo(1);
    }

    @Test
    void a_replay_after_its_idempotency_record_was_purged_gets_the_placed_orders_answer_and_reserves_nothing_more() {
        CreateOrder.Command command = createOrder("1090000000000000010", POI_A, item(DOUYIN_SKU_A, 2));
        CreateOrder.Created first = createOrder.create(command);
        shop.app.idempotencyRecords().restore(new java.util.HashMap<>()); // as the retention purge does

        assertThat(createOrder.create(command)).isEqualTo(first);

        assertThat(shop.app.orders().count()).isEqualTo(1);
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(2);
    }

    @Test
    void sixteen_simultaneous_identical_requests_create_one_order_and_all_get_the_same_answer() {
        CreateOrder.Command command = createOrder("1090000000000000009", POI_A, item(DOUYIN_SKU_A, 2));

        List<Object> answers = PortContract.concurrently(16, i -> createOrder.create(command));

        assertThat(answers).hasSize(16).containsOnly(new CreateOrder.Created("M000001"));
        assertThat(shop.app.orders().count()).isEqualTo(1);
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(2);
    }

    @Test
    void of_five_hundred_orders_for_a_stock_of_fifty_exactly_fifty_are_accepted_and_nothing_is_left() throws Exception {
        shop.app.putOnShelf(Shop.MERCHANT, STORE_A, SKU_A, 50);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                String orderId = "10900000000%08d".formatted(i);
                results.add(pool.submit(() -> {
                    try {
                        return createOrder.create(createOrder(orderId, POI_A, item(DOUYIN_SKU_A, 1)));
                    } catch (DomainException e) {
                        return e.reason();
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : results) {
                outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(CreateOrder.Created.class::isInstance).hasSize(50);
            assertThat(outcomes).filteredOn(Reason.INSUFFICIENT_STOCK::equals).hasSize(450);
        } finally {
            pool.shutdownNow();
        }
        assertThat(shop.available(STORE_A, SKU_A)).isZero();
        assertThat(shop.reserved(STORE_A, SKU_A)).isEqualTo(50);
        assertThat(shop.app.orders().count()).isEqualTo(50);
    }

    private void assertNothingStored() {
        assertThat(shop.app.orders().count()).isZero();
        assertThat(shop.app.idempotencyRecords().count()).isZero();
        assertThat(shop.app.outbox().all()).isEmpty();
        assertThat(shop.available(STORE_A, SKU_A)).isEqualTo(10);
        assertThat(shop.available(STORE_A, SKU_B)).isEqualTo(10);
    }
}
