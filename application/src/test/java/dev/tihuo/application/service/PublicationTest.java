package dev.tihuo.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.application.memory.InMemoryTihuo;
import dev.tihuo.application.port.in.merchant.Catalog;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.shared.MerchantId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Publishing a product (G3/G4 through the outbox) and what Douyin learns once it answered the ids (D12). */
class PublicationTest {
    private static final MerchantId MERCHANT = new MerchantId("7000000000000000001");

    private final InMemoryTihuo app = new InMemoryTihuo();
    private final CatalogService catalog = new CatalogService(app.ports());
    private final OutboxService outbox = new OutboxService(app.ports());

    @Test
    void once_douyin_answered_the_ids_of_a_published_product_it_sees_every_stores_stock() {
        catalog.saveStore(MERCHANT, new Catalog.StoreDraft("jingan", "poi-1", "Jing'an"));
        catalog.saveStore(MERCHANT, new Catalog.StoreDraft("xuhui", "poi-2", "Xuhui"));
        catalog.saveProduct(MERCHANT, new Catalog.ProductDraft("P-TEA", "Oolong", CodeIssuing.AT_ONCE, 30,
                List.of(new Catalog.SkuDraft("tea-500", null, "500 ml", 3990))));
        catalog.setOnHand(MERCHANT, "jingan", "tea-500", 7);
        catalog.setOnHand(MERCHANT, "xuhui", "tea-500", 3);
        app.douyin().answering(call -> call instanceof DouyinCall.ProductSave
                ? new DouyinPlatform.Delivery("logid-g3", List.of(), List.of(), "1800000000000000",
                        List.of(new DouyinPlatform.SkuLink("tea-500", "1800000000000001")))
                : DouyinPlatform.Delivery.of("logid"));

        catalog.publish(MERCHANT, "P-TEA");
        outbox.deliverDue("worker", 10); // the product save: Douyin answers its ids
        outbox.deliverDue("worker", 10); // the stock pushes it led to

        assertThat(catalog.product(MERCHANT, "P-TEA").publication()).isEqualTo("PUBLISHED");
        assertThat(app.douyin().delivered(DouyinCall.StockPush.class))
                .extracting(DouyinCall.StockPush::poiId, DouyinCall.StockPush::skuId, DouyinCall.StockPush::available)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("poi-1", "1800000000000001", 7),
                        org.assertj.core.groups.Tuple.tuple("poi-2", "1800000000000001", 3));
    }
}
