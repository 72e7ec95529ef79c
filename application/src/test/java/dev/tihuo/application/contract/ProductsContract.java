package dev.tihuo.application.contract;

import static dev.tihuo.application.contract.Samples.DOUYIN_PRODUCT;
import static dev.tihuo.application.contract.Samples.DOUYIN_SKU;
import static dev.tihuo.application.contract.Samples.DOUYIN_SKU_B;
import static dev.tihuo.application.contract.Samples.MERCHANT;
import static dev.tihuo.application.contract.Samples.OTHER_MERCHANT;
import static dev.tihuo.application.contract.Samples.PRODUCT;
import static dev.tihuo.application.contract.Samples.SKU;
import static dev.tihuo.application.contract.Samples.SKU_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.application.port.out.Products;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.catalog.ProductOutId;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Money;
import dev.tihuo.domain.shared.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link Products}: round trip with SKUs and Douyin ids, optimistic saves, lookups by Douyin SKU id
 * (how S1 finds what it sells) and by SKU out-id, which belongs to one product of a merchant.
 */
public abstract class ProductsContract extends PortContract {

    protected Products products() {
        return ports.products();
    }

    @Test
    void a_published_product_comes_back_with_its_skus_and_douyin_ids() {
        Product product = Samples.publishedProduct(MERCHANT);
        products().save(product);

        Product found = products().find(MERCHANT, PRODUCT).orElseThrow();

        assertThat(found.douyinId()).contains(DOUYIN_PRODUCT);
        assertThat(found.name()).isEqualTo(product.name());
        assertThat(found.codeIssuing()).isEqualTo(CodeIssuing.AT_ONCE);
        assertThat(found.validityDays()).isEqualTo(30);
        assertThat(found.publication()).isEqualTo(Product.Publication.PUBLISHED);
        assertThat(found.skus()).containsExactlyInAnyOrderElementsOf(product.skus());
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void a_draft_product_comes_back_without_douyin_ids() {
        Product draft = Product.draft(MERCHANT, new ProductOutId("P-D"), "Draft", CodeIssuing.BY_CALLBACK, 7,
                List.of(new Sku(new SkuOutId("SKU-D"), null, "draft sku", Money.fen(1))));
        products().save(draft);

        Product found = products().find(MERCHANT, new ProductOutId("P-D")).orElseThrow();

        assertThat(found.douyinId()).isEmpty();
        assertThat(found.skus()).singleElement().satisfies(s -> assertThat(s.douyinSkuId()).isEmpty());
        assertThat(found.codeIssuing()).isEqualTo(CodeIssuing.BY_CALLBACK);
        assertThat(found.publication()).isEqualTo(Product.Publication.DRAFT);
    }

    @Test
    void a_product_is_found_by_the_douyin_id_or_the_out_id_of_any_of_its_skus_within_its_merchant() {
        products().save(Samples.publishedProduct(MERCHANT));

        assertThat(products().findByDouyinSku(MERCHANT, DOUYIN_SKU_B)).map(Product::outId).contains(PRODUCT);
        assertThat(products().findByDouyinSku(MERCHANT, DOUYIN_SKU)).map(Product::outId).contains(PRODUCT);
        assertThat(products().findByDouyinSku(OTHER_MERCHANT, DOUYIN_SKU)).isEmpty();
        assertThat(products().findByDouyinSku(MERCHANT, new DouyinSkuId("1800000000000999"))).isEmpty();
        assertThat(products().findBySku(MERCHANT, SKU_B)).map(Product::outId).contains(PRODUCT);
        assertThat(products().findBySku(OTHER_MERCHANT, SKU)).isEmpty();
    }

    @Test
    void changes_to_skus_and_links_are_kept_and_versioned() {
        Product draft = Product.draft(MERCHANT, PRODUCT, "Water", CodeIssuing.AT_ONCE, 30,
                List.of(new Sku(SKU, null, "500 ml", Money.fen(3990))));
        products().save(draft);
        Product loaded = products().find(MERCHANT, PRODUCT).orElseThrow();
        loaded.putSku(new Sku(SKU_B, null, "1 l", Money.fen(5990)));
        loaded.linkToDouyin(DOUYIN_PRODUCT, java.util.Map.of(SKU, DOUYIN_SKU, SKU_B, DOUYIN_SKU_B));
        products().save(loaded);

        Product found = products().find(MERCHANT, PRODUCT).orElseThrow();
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.sku(SKU_B).orElseThrow().douyinId()).isEqualTo(DOUYIN_SKU_B);
        assertThat(products().findByDouyinSku(MERCHANT, DOUYIN_SKU_B)).isPresent();
    }

    @Test
    void a_second_insert_a_stale_update_and_a_sku_of_another_product_are_refused() {
        products().save(Samples.publishedProduct(MERCHANT));
        assertThatThrownBy(() -> products().save(Samples.publishedProduct(MERCHANT)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));

        Product mine = products().find(MERCHANT, PRODUCT).orElseThrow();
        Product theirs = products().find(MERCHANT, PRODUCT).orElseThrow();
        theirs.describe("theirs", CodeIssuing.AT_ONCE, 10);
        products().save(theirs);
        mine.describe("mine", CodeIssuing.AT_ONCE, 20);
        assertThatThrownBy(() -> products().save(mine))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE_STATE));

        Product thief = Product.draft(MERCHANT, new ProductOutId("P-X"), "Other", CodeIssuing.AT_ONCE, 30,
                List.of(new Sku(SKU, null, "same out-id", Money.fen(1))));
        assertThatThrownBy(() -> products().save(thief))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DUPLICATE));
        assertThat(products().find(MERCHANT, PRODUCT).orElseThrow().name()).isEqualTo("theirs");
    }

    @Test
    void a_merchant_lists_only_its_own_products() {
        products().save(Samples.publishedProduct(MERCHANT));
        products().save(Samples.publishedProduct(OTHER_MERCHANT));
        products().save(Product.draft(MERCHANT, new ProductOutId("P-B"), "B", CodeIssuing.AT_ONCE, 30,
                List.of(new Sku(new SkuOutId("SKU-Z"), null, "z", Money.fen(1)))));

        assertThat(products().list(MERCHANT)).extracting(Product::outId)
                .containsExactlyInAnyOrder(PRODUCT, new ProductOutId("P-B"));
        assertThat(products().list(OTHER_MERCHANT)).hasSize(1);
    }
}
