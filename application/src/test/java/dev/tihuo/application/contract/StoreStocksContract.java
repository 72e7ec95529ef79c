package dev.tihuo.application.contract;

import static dev.tihuo.application.contract.Samples.MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_POI;
import static dev.tihuo.application.contract.Samples.OTHER_STORE;
import static dev.tihuo.application.contract.Samples.POI;
import static dev.tihuo.application.contract.Samples.SKU;
import static dev.tihuo.application.contract.Samples.SKU_B;
import static dev.tihuo.application.contract.Samples.STORE;
import static dev.tihuo.application.contract.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.out.StoreStocks;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.stock.StoreStock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link StoreStocks}: on hand and reserved per (merchant, store, SKU), optimistic saves, listing. */
public abstract class StoreStocksContract extends PortContract {
    private static final StockKey KEY = new StockKey(MERCHANT, STORE, SKU);

    protected StoreStocks stocks() {
        return ports.stocks();
    }

    @BeforeEach
    void storesAndProductsTheStockBelongsTo() {
        ports.stores().save(Samples.store(MERCHANT, STORE, POI));
        ports.stores().save(Samples.store(MERCHANT, OTHER_STORE, OTHER_POI));
        ports.stores().save(Samples.store(OTHER_MERCHANT, STORE, POI));
        ports.products().save(Samples.publishedProduct(MERCHANT));
        ports.products().save(Samples.publishedProduct(OTHER_MERCHANT));
    }

    @Test
    void stock_comes_back_with_on_hand_and_reserved() {
        StoreStock stock = StoreStock.empty(KEY);
        stock.setOnHand(50, T0);
        stock.reserve(7, T0);
        stocks().save(stock);

        StoreStock found = stocks().find(KEY).orElseThrow();

        assertThat(found.onHand()).isEqualTo(50);
        assertThat(found.reserved()).isEqualTo(7);
        assertThat(found.available()).isEqualTo(43);
        assertThat(found.version()).isEqualTo(1);
        assertThat(stocks().find(new StockKey(OTHER_MERCHANT, STORE, SKU))).isEmpty();
    }

    @Test
    void two_reservations_from_the_same_version_cannot_both_be_kept() {
        StoreStock stock = StoreStock.empty(KEY);
        stock.setOnHand(1, T0);
        stocks().save(stock);
        StoreStock first = stocks().find(KEY).orElseThrow();
        StoreStock second = stocks().find(KEY).orElseThrow();
        first.reserve(1, T0);
        second.reserve(1, T0);
        stocks().save(first);

        assertThatThrownBy(() -> stocks().save(second))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE_STATE));
        StoreStock stored = stocks().find(KEY).orElseThrow();
        assertThat(stored.reserved()).isEqualTo(1);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void a_second_new_stock_for_the_same_key_is_a_duplicate() {
        stocks().save(StoreStock.empty(KEY));

        assertThatThrownBy(() -> stocks().save(StoreStock.empty(KEY)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));
    }

    @Test
    void a_merchants_stock_is_listed_per_store_or_all_together() {
        for (StockKey key : List.of(KEY, new StockKey(MERCHANT, STORE, SKU_B), new StockKey(MERCHANT, OTHER_STORE, SKU),
                new StockKey(OTHER_MERCHANT, STORE, SKU))) {
            StoreStock stock = StoreStock.empty(key);
            stock.setOnHand(3, T0);
            stocks().save(stock);
        }

        assertThat(stocks().list(MERCHANT, STORE)).extracting(StoreStock::key)
                .containsExactlyInAnyOrder(KEY, new StockKey(MERCHANT, STORE, SKU_B));
        assertThat(stocks().list(MERCHANT, null)).hasSize(3);
        assertThat(stocks().list(OTHER_MERCHANT, null)).extracting(StoreStock::key)
                .containsExactly(new StockKey(OTHER_MERCHANT, STORE, SKU));
    }
}
