package dev.tihuo.application.contract;

import static dev.tihuo.application.contract.Samples.MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_POI;
import static dev.tihuo.application.contract.Samples.OTHER_STORE;
import static dev.tihuo.application.contract.Samples.POI;
import static dev.tihuo.application.contract.Samples.SKU;
import static dev.tihuo.application.contract.Samples.STORE;
import static dev.tihuo.application.contract.Samples.T0;
import static dev.tihuo.application.contract.Samples.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderState;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link UnitOfWork}: a use case's writes to every port commit together or not at all; the failure
 * reaches the caller unchanged; a nested unit of work joins the outer one.
 */
public abstract class UnitOfWorkContract extends PortContract {
    private static final DouyinOrderId EXISTING = new DouyinOrderId("1090000000000000001");
    private static final DouyinOrderId NEW = new DouyinOrderId("1090000000000000002");
    private static final StockKey STOCK = new StockKey(MERCHANT, STORE, SKU);

    @BeforeEach
    void aShopWithOneOrder() {
        ports.stores().save(Samples.store(MERCHANT, STORE, POI));
        ports.products().save(Samples.publishedProduct(MERCHANT));
        ports.orders().save(Samples.placed(EXISTING.value(), T0));
        StoreStock stock = StoreStock.empty(STOCK);
        stock.setOnHand(10, T0);
        ports.stocks().save(stock);
    }

    /** Writes something through every persistence port, including an update of the existing order and stock. */
    private void writeThroughEveryPort() {
        ports.stores().save(Samples.store(MERCHANT, OTHER_STORE, OTHER_POI));
        ports.products().save(dev.tihuo.domain.catalog.Product.draft(MERCHANT, new ProductOutId("P-N"), "new",
                CodeIssuing.AT_ONCE, 30, List.of(new Sku(new SkuOutId("SKU-N"), null, "n", Money.fen(1)))));
        ports.orders().save(Samples.placed(NEW.value(), at(1)));
        Order existing = ports.orders().find(EXISTING).orElseThrow();
        existing.pay(at(2));
        ports.orders().save(existing);
        StoreStock stock = ports.stocks().find(STOCK).orElseThrow();
        stock.reserve(3, at(2));
        ports.stocks().save(stock);
        ports.afterSales().save(Samples.refundApplied(MERCHANT, "7310000000000000001", EXISTING, at(3)));
        ports.idempotencyRecords().save(MERCHANT.value(), "create-order", NEW.value(), "f",
                new CreateOrder.Created("M2"), at(1));
        ports.outbox().append(OutboxContract.audit("7310000000000000001", at(3)));
    }

    @Test
    void the_writes_of_a_unit_of_work_to_every_port_commit_together() {
        String answer = inTransaction(() -> {
            writeThroughEveryPort();
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(ports.stores().find(MERCHANT, OTHER_STORE)).isPresent();
        assertThat(ports.products().find(MERCHANT, new ProductOutId("P-N"))).isPresent();
        assertThat(ports.orders().find(NEW)).isPresent();
        assertThat(ports.orders().find(EXISTING).orElseThrow().state()).isEqualTo(OrderState.PAID);
        assertThat(ports.stocks().find(STOCK).orElseThrow().reserved()).isEqualTo(3);
        assertThat(ports.afterSales().find(new AfterSaleId("7310000000000000001"))).isPresent();
        assertThat(ports.idempotencyRecords().find(MERCHANT.value(), "create-order", NEW.value(), CreateOrder.Created.class))
                .isPresent();
        assertThat(ports.outbox().backlog().pending()).isEqualTo(1);
    }

    @Test
    void a_unit_of_work_that_fails_leaves_no_write_behind_in_any_port() {
        IllegalStateException failure = new IllegalStateException("the use case failed at the end");

        assertThatThrownBy(() -> inTransaction(() -> {
            writeThroughEveryPort();
            throw failure;
        })).isSameAs(failure);

        assertThat(ports.stores().find(MERCHANT, OTHER_STORE)).isEmpty();
        assertThat(ports.products().find(MERCHANT, new ProductOutId("P-N"))).isEmpty();
        assertThat(ports.orders().find(NEW)).isEmpty();
        Order existing = ports.orders().find(EXISTING).orElseThrow();
        assertThat(existing.state()).isEqualTo(OrderState.CREATED);
        assertThat(existing.version()).isEqualTo(1);
        StoreStock stock = ports.stocks().find(STOCK).orElseThrow();
        assertThat(stock.reserved()).isZero();
        assertThat(stock.version()).isEqualTo(1);
        assertThat(ports.afterSales().find(new AfterSaleId("7310000000000000001"))).isEmpty();
        assertThat(ports.idempotencyRecords().find(MERCHANT.value(), "create-order", NEW.value(), CreateOrder.Created.class))
                .isEmpty();
        assertThat(ports.outbox().backlog().pending()).isZero();
    }

    @Test
    void a_conflict_half_way_undoes_the_writes_before_it() {
        Order stale = ports.orders().find(EXISTING).orElseThrow();
        Order fresh = ports.orders().find(EXISTING).orElseThrow();
        fresh.pay(at(1));
        ports.orders().save(fresh);

        assertThatThrownBy(() -> inTransaction(() -> {
            ports.orders().save(Samples.placed(NEW.value(), at(1)));
            stale.cancel("cancel notice", at(2));
            ports.orders().save(stale);
        })).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE_STATE));

        assertThat(ports.orders().find(NEW)).isEmpty();
        assertThat(ports.orders().find(EXISTING).orElseThrow().state()).isEqualTo(OrderState.PAID);
    }

    @Test
    void a_nested_unit_of_work_joins_the_outer_one_and_fails_with_it() {
        assertThatThrownBy(() -> inTransaction(() -> {
            inTransaction(() -> ports.orders().save(Samples.placed(NEW.value(), at(1))));
            assertThat(ports.orders().find(NEW)).as("the outer work sees the inner write").isPresent();
            throw new IllegalStateException("outer fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(ports.orders().find(NEW)).isEmpty();
    }

    @Test
    void concurrent_units_of_work_reserving_one_stock_lose_no_reservation() {
        List<Object> results = concurrently(8, n -> {
            for (int attempt = 0; attempt < 50; attempt++) {
                try {
                    return inTransaction(() -> {
                        StoreStock stock = ports.stocks().find(STOCK).orElseThrow();
                        stock.reserve(1, at(n));
                        ports.stocks().save(stock);
                        return "reserved";
                    });
                } catch (DomainException e) {
                    if (e.reason() != Reason.STALE_STATE) {
                        throw e;
                    }
                }
            }
            return "gave up";
        });

        assertThat(results).containsOnly("reserved");
        StoreStock stock = ports.stocks().find(STOCK).orElseThrow();
        assertThat(stock.reserved()).isEqualTo(8);
        assertThat(stock.version()).isEqualTo(9);
    }
}
