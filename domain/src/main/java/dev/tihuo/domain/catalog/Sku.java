package dev.tihuo.domain.catalog;

import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Text;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.ddd.annotation.Entity;
import org.jmolecules.ddd.annotation.Identity;

/** One sellable variant of a product (e.g. 500 ml), with its price in fen. */
@Entity
public record Sku(@Identity SkuOutId outId, DouyinSkuId douyinId, String name, Money price) {
    public Sku {
        Objects.requireNonNull(outId, "sku out id");
        name = Text.requireText(name, "sku name", 200);
        Objects.requireNonNull(price, "price");
    }

    public Optional<DouyinSkuId> douyinSkuId() {
        return Optional.ofNullable(douyinId);
    }

    Sku linkedTo(DouyinSkuId id) {
        return new Sku(outId, id, name, price);
    }
}
