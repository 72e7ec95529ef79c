package dev.tihuo.domain.catalog;

import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.MerchantId;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.shared.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jmolecules.ddd.annotation.AggregateRoot;
import org.jmolecules.ddd.annotation.Identity;

/**
 * A pickup-voucher product with its SKUs. It is published to Douyin (G3 product save, G4 SKU batch save) and
 * then carries Douyin's ids, which is how a create-order request (S1) finds the SKU it sells.
 */
@AggregateRoot
public final class Product {
    /** Publication to Douyin: saving goes through the outbox, so a product can be waiting for Douyin's ids. */
    public enum Publication { DRAFT, PUBLISH_REQUESTED, PUBLISHED }

    @Identity
    private final ProductOutId outId;
    private final MerchantId merchant;
    private DouyinProductId douyinId;
    private String name;
    private CodeIssuing codeIssuing;
    private int validityDays;
    private final List<Sku> skus;
    private Publication publication;
    private final long version;

    private Product(MerchantId merchant, ProductOutId outId, DouyinProductId douyinId, String name,
                    CodeIssuing codeIssuing, int validityDays, List<Sku> skus, Publication publication, long version) {
        this.merchant = Objects.requireNonNull(merchant, "merchant");
        this.outId = Objects.requireNonNull(outId, "product out id");
        this.douyinId = douyinId;
        this.name = Text.requireText(name, "product name", 200);
        this.codeIssuing = Objects.requireNonNull(codeIssuing, "code issuing");
        this.validityDays = requireValidity(validityDays);
        this.skus = new ArrayList<>(skus);
        this.publication = Objects.requireNonNull(publication, "publication");
        this.version = version;
        requireDistinctSkus(this.skus);
    }

    public static Product draft(MerchantId merchant, ProductOutId outId, String name, CodeIssuing codeIssuing,
                                int validityDays, List<Sku> skus) {
        return new Product(merchant, outId, null, name, codeIssuing, validityDays, skus, Publication.DRAFT, 0);
    }

    /** Rebuilds a stored product; used by persistence adapters only. */
    public static Product reconstitute(MerchantId merchant, ProductOutId outId, DouyinProductId douyinId, String name,
                                       CodeIssuing codeIssuing, int validityDays, List<Sku> skus,
                                       Publication publication, long version) {
        return new Product(merchant, outId, douyinId, name, codeIssuing, validityDays, skus, publication, version);
    }

    public void describe(String newName, CodeIssuing newIssuing, int newValidityDays) {
        this.name = Text.requireText(newName, "product name", 200);
        this.codeIssuing = Objects.requireNonNull(newIssuing, "code issuing");
        this.validityDays = requireValidity(newValidityDays);
    }

    /** Adds a SKU or replaces the one with the same out-id (keeping its Douyin id if the new one has none). */
    public void putSku(Sku sku) {
        Objects.requireNonNull(sku, "sku");
        for (int i = 0; i < skus.size(); i++) {
            Sku existing = skus.get(i);
            if (existing.outId().equals(sku.outId())) {
                skus.set(i, sku.douyinId() == null && existing.douyinId() != null ? sku.linkedTo(existing.douyinId()) : sku);
                return;
            }
        }
        skus.add(sku);
    }

    public void requestPublication() {
        if (skus.isEmpty()) {
            throw new DomainException(Reason.INVALID_VALUE, "product " + outId + " has no SKU to publish");
        }
        publication = Publication.PUBLISH_REQUESTED;
    }

    /** Douyin answered the product save with its ids (G3/G4). */
    public void linkToDouyin(DouyinProductId productId, Map<SkuOutId, DouyinSkuId> skuIds) {
        this.douyinId = Objects.requireNonNull(productId, "douyin product id");
        skuIds.forEach((out, douyin) -> {
            Sku sku = sku(out).orElseThrow(() -> new DomainException(Reason.UNKNOWN_SKU, "no SKU " + out + " in product " + outId));
            skus.set(skus.indexOf(sku), sku.linkedTo(douyin));
        });
        publication = Publication.PUBLISHED;
    }

    public Optional<Sku> sku(SkuOutId id) {
        return skus.stream().filter(s -> s.outId().equals(id)).findFirst();
    }

    public Optional<Sku> sku(DouyinSkuId id) {
        return skus.stream().filter(s -> id.equals(s.douyinId())).findFirst();
    }

    private static int requireValidity(int days) {
        if (days < 1 || days > 3650) {
            throw new DomainException(Reason.INVALID_VALUE, "validity must be 1 to 3650 days, was " + days);
        }
        return days;
    }

    private static void requireDistinctSkus(List<Sku> skus) {
        if (skus.stream().map(Sku::outId).distinct().count() != skus.size()) {
            throw new DomainException(Reason.INVALID_VALUE, "SKU out-ids must be distinct within a product");
        }
    }

    public ProductOutId outId() { return outId; }
    public MerchantId merchant() { return merchant; }
    public Optional<DouyinProductId> douyinId() { return Optional.ofNullable(douyinId); }
    public String name() { return name; }
    public CodeIssuing codeIssuing() { return codeIssuing; }
    public int validityDays() { return validityDays; }
    public List<Sku> skus() { return List.copyOf(skus); }
    public Publication publication() { return publication; }
    public long version() { return version; }
}
