package dev.tihuo.application.contract;

import static dev.tihuo.application.contract.Samples.MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_POI;
import static dev.tihuo.application.contract.Samples.OTHER_STORE;
import static dev.tihuo.application.contract.Samples.POI;
import static dev.tihuo.application.contract.Samples.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.out.Stores;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.store.PoiId;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.store.StoreId;
import org.junit.jupiter.api.Test;

/** Contract of {@link Stores}: round trip, optimistic saves, lookup by POI; within a merchant a POI is one store's. */
public abstract class StoresContract extends PortContract {

    protected Stores stores() {
        return ports.stores();
    }

    @Test
    void a_store_comes_back_with_its_poi_and_name_at_version_one() {
        stores().save(Store.open(MERCHANT, STORE, POI, "三里屯店"));

        Store found = stores().find(MERCHANT, STORE).orElseThrow();

        assertThat(found.poiId()).isEqualTo(POI);
        assertThat(found.name()).isEqualTo("三里屯店");
        assertThat(found.merchant()).isEqualTo(MERCHANT);
        assertThat(found.version()).isEqualTo(1);
        assertThat(stores().find(OTHER_MERCHANT, STORE)).isEmpty();
    }

    @Test
    void a_store_is_found_by_its_poi_within_its_merchant() {
        stores().save(Samples.store(MERCHANT, STORE, POI));
        stores().save(Samples.store(MERCHANT, OTHER_STORE, OTHER_POI));

        assertThat(stores().findByPoi(MERCHANT, OTHER_POI)).map(Store::id).contains(OTHER_STORE);
        assertThat(stores().findByPoi(OTHER_MERCHANT, POI)).isEmpty();
        assertThat(stores().findByPoi(MERCHANT, new PoiId("6600000000000000999"))).isEmpty();
    }

    @Test
    void a_moved_poi_is_found_at_its_new_store_only() {
        stores().save(Samples.store(MERCHANT, STORE, POI));
        Store store = stores().find(MERCHANT, STORE).orElseThrow();
        store.update(OTHER_POI, "renamed");
        stores().save(store);

        assertThat(stores().findByPoi(MERCHANT, POI)).isEmpty();
        Store found = stores().findByPoi(MERCHANT, OTHER_POI).orElseThrow();
        assertThat(found.name()).isEqualTo("renamed");
        assertThat(found.version()).isEqualTo(2);
    }

    @Test
    void a_second_store_with_the_same_id_or_poi_is_a_duplicate() {
        stores().save(Samples.store(MERCHANT, STORE, POI));

        assertThatThrownBy(() -> stores().save(Samples.store(MERCHANT, STORE, OTHER_POI)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));
        assertThatThrownBy(() -> stores().save(Samples.store(MERCHANT, OTHER_STORE, POI)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));
        assertThat(stores().list(MERCHANT)).hasSize(1);
    }

    @Test
    void a_stale_update_is_refused() {
        stores().save(Samples.store(MERCHANT, STORE, POI));
        Store mine = stores().find(MERCHANT, STORE).orElseThrow();
        Store theirs = stores().find(MERCHANT, STORE).orElseThrow();
        theirs.update(POI, "theirs");
        stores().save(theirs);
        mine.update(POI, "mine");

        assertThatThrownBy(() -> stores().save(mine))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE_STATE));
        assertThat(stores().find(MERCHANT, STORE).orElseThrow().name()).isEqualTo("theirs");
    }

    @Test
    void a_merchant_lists_only_its_own_stores() {
        stores().save(Samples.store(MERCHANT, STORE, POI));
        stores().save(Samples.store(MERCHANT, OTHER_STORE, OTHER_POI));
        stores().save(Samples.store(OTHER_MERCHANT, new StoreId("S-9"), new PoiId("6600000000000000009")));

        assertThat(stores().list(MERCHANT)).extracting(Store::id).containsExactlyInAnyOrder(STORE, OTHER_STORE);
        assertThat(stores().list(OTHER_MERCHANT)).hasSize(1);
    }
}
