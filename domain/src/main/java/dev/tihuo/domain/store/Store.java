package dev.tihuo.domain.store;

import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Text;
import java.util.Objects;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/** A store of the merchant where buyers pick up goods, linked to exactly one Douyin POI. */
@AggregateRoot
public final class Store {
    @Identity
    private final StoreId id;
    private final MerchantId merchant;
    private PoiId poiId;
    private String name;
    private final long version;

    private Store(MerchantId merchant, StoreId id, PoiId poiId, String name, long version) {
        this.merchant = Objects.requireNonNull(merchant, "merchant");
        this.id = Objects.requireNonNull(id, "store id");
        this.poiId = Objects.requireNonNull(poiId, "poi id");
        this.name = Text.requireText(name, "store name", 200);
        this.version = version;
    }

    public static Store open(MerchantId merchant, StoreId id, PoiId poiId, String name) {
        return new Store(merchant, id, poiId, name, 0);
    }

    /** Rebuilds a stored store; used by persistence adapters only. */
    public static Store reconstitute(MerchantId merchant, StoreId id, PoiId poiId, String name, long version) {
        return new Store(merchant, id, poiId, name, version);
    }

    public void update(PoiId newPoiId, String newName) {
        this.poiId = Objects.requireNonNull(newPoiId, "poi id");
        this.name = Text.requireText(newName, "store name", 200);
    }

    public StoreId id() { return id; }
    public MerchantId merchant() { return merchant; }
    public PoiId poiId() { return poiId; }
    public String name() { return name; }
    public long version() { return version; }
}
