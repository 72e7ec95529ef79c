package dev.tihuo.adapters.douyin.openapi;

import dev.tihuo.application.port.out.TokenStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tihuo.adapters.douyin.openapi.dto.Certificates;
import dev.tihuo.adapters.douyin.openapi.dto.Goods;
import dev.tihuo.adapters.douyin.openapi.dto.Orders;
import dev.tihuo.adapters.douyin.openapi.dto.PoiStock;
import dev.tihuo.adapters.douyin.openapi.dto.ThirdPartyCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shape of every call on the wire (method, path, headers, query, body) and how its answer is read. */
class OpenApiClientCallsTest extends DouyinTestBase {

    @BeforeEach
    void token() { givenStoredToken("clt.live", Duration.ofHours(2)); }

    private void assertCommonHeaders(DouyinDouble.Recorded r) {
        assertThat(r.header("access-token")).isEqualTo("clt.live");
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.params().contains("access_token")).isFalse();
    }

    @Test
    void client_token_is_fetched_with_key_secret_and_grant_type_and_no_access_token() throws Exception {
        store = new InMemoryTokenStore(clock);
        client = newClient(settings());
        String token = await(client.tokens().current());
        DouyinDouble.Recorded r = douyin.last("/oauth/client_token/");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("access-token")).isNull();
        assertThat(r.json().toString()).isEqualTo("{\"client_key\":\"awTEST\",\"client_secret\":\"s3cr3t\",\"grant_type\":\"client_credential\"}");
        assertThat(token).startsWith("clt.double-");
        assertThat(store.current(KEY)).get().extracting(TokenStore.StoredToken::expiresAt).isEqualTo(now().plusSeconds(7200));
    }

    @Test
    void category_get_sends_query_parameters_and_reads_the_tree() throws Exception {
        douyin.answerData("/goodlife/v1/goods/category/get/", in -> "{\"error_code\":0,\"category_tree_infos\":[{\"category_id\":4009000,"
                + "\"name\":\"零售\",\"is_leaf\":false,\"sub_tree_infos\":[{\"category_id\":\"4009001\",\"is_leaf\":true,\"level\":3}]}]}");
        var a = await(client.categories(new Goods.CategoryQuery("7012345678901234567", "0", null)));
        var r = douyin.last("/goodlife/v1/goods/category/get/");
        assertThat(r.method()).isEqualTo("GET");
        assertCommonHeaders(r);
        assertThat(r.params().get("account_id")).isEqualTo("7012345678901234567");
        assertThat(r.params().get("category_id")).isEqualTo("0");
        assertThat(r.params().contains("query_category_type")).isFalse();
        assertThat(a.data().categoryTreeInfos().get(0).categoryId()).isEqualTo("4009000");
        assertThat(a.data().categoryTreeInfos().get(0).subTreeInfos().get(0).isLeaf()).isTrue();
        assertThat(a.logid()).startsWith("LOG-");
    }

    @Test
    void template_get_reads_attributes_with_required_flags() throws Exception {
        douyin.answerData("/goodlife/v1/goods/template/get/", in -> "{\"error_code\":0,\"product_attrs\":[{\"key\":\"image_list\",\"is_required\":true,"
                + "\"is_multi\":true,\"value_type\":100,\"value_demo\":{\"url\":\"x\"}}],\"sku_attrs\":[]}");
        var a = await(client.template(new Goods.TemplateQuery("4009001", 1, null)));
        var r = douyin.last("/goodlife/v1/goods/template/get/");
        assertThat(r.rawQuery()).contains("category_id=4009001").contains("product_type=1");
        var attr = a.data().productAttrs().get(0);
        assertThat(attr.key()).isEqualTo("image_list");
        assertThat(attr.isRequired()).isTrue();
        assertThat(attr.valueType()).isEqualTo(100);
    }

    @Test
    void product_save_posts_product_and_sku_and_returns_the_product_id() throws Exception {
        var product = new Goods.Product(null, "PV-COFFEE-01", "精品咖啡豆 到店自提", 1, "4009001", null, 1, "示例咖啡", 1767225600L, null, null,
                List.of(new Goods.ProductPoi("6601136930455291912", null), new Goods.ProductPoi(null, "STORE-002")),
                Map.of("use_time", "{\"use_time_type\":1}"), null, null, null, null, null);
        var sku = new Goods.Sku(null, "PV-COFFEE-01-250G", "250g 中烘", 6800L, 8800L, 1, Goods.SkuStock.limited(300), null, null);
        var a = await(client.saveProduct(new Goods.ProductSaveRequest("7012345678901234567", product, sku)));
        var r = douyin.last("/goodlife/v1/goods/product/save/");
        assertThat(r.method()).isEqualTo("POST");
        assertCommonHeaders(r);
        var body = r.json();
        assertThat(body.path("account_id").asText()).isEqualTo("7012345678901234567");
        assertThat(body.path("product").path("out_id").asText()).isEqualTo("PV-COFFEE-01");
        assertThat(body.path("product").path("pois").get(0).path("poi_id").isTextual()).isTrue();
        assertThat(body.path("product").path("pois").get(1).has("poi_id")).isFalse();
        assertThat(body.path("product").path("attr_key_value_map").path("use_time").asText()).isEqualTo("{\"use_time_type\":1}");
        assertThat(body.path("sku").path("stock").toString()).isEqualTo("{\"limit_type\":1,\"stock_qty\":300}");
        assertThat(body.path("sku").path("actual_amount").asLong()).isEqualTo(6800);
        assertThat(a.data().productId()).isEqualTo("1780000000000000001");
    }

    @Test
    void sku_batch_save_and_operate_post_their_bodies() throws Exception {
        var sku = new Goods.Sku(null, "S1", "500ml", 100L, null, 1, Goods.SkuStock.unlimited(), null, null);
        await(client.saveSkus(new Goods.SkuBatchSaveRequest("7012345678901234567", "1780000000000000001", null, List.of(sku))));
        assertThat(douyin.last("/goodlife/v1/goods/sku/batch_save/").json().toString())
                .isEqualTo("{\"account_id\":\"7012345678901234567\",\"product_id\":\"1780000000000000001\",\"sku_list\":[{\"out_sku_id\":\"S1\","
                        + "\"sku_name\":\"500ml\",\"actual_amount\":100,\"status\":1,\"stock\":{\"limit_type\":2}}]}");
        await(client.operateProduct(new Goods.ProductOperateRequest("7012345678901234567", "1780000000000000001", null, Goods.ProductOperateRequest.ONLINE)));
        assertThat(douyin.last("/goodlife/v1/goods/product/operate/").json().toString())
                .isEqualTo("{\"account_id\":\"7012345678901234567\",\"product_id\":\"1780000000000000001\",\"op_type\":1}");
    }

    @Test
    void online_get_joins_ids_with_commas_and_online_query_pages_with_a_cursor() throws Exception {
        douyin.answerData("/goodlife/v1/goods/product/online/get/", in -> "{\"error_code\":0,\"product_onlines\":[{\"online_status\":1,"
                + "\"product\":{\"product_id\":1780000000000000001,\"out_id\":\"PV-1\"},\"sku\":{\"sku_id\":\"1780000000000000101\"}}]}");
        var got = await(client.onlineProducts(new Goods.OnlineGetQuery("7012345678901234567", List.of("1780000000000000001", "1780000000000000002"), null)));
        assertThat(douyin.last("/goodlife/v1/goods/product/online/get/").params().get("product_ids")).isEqualTo("1780000000000000001,1780000000000000002");
        assertThat(got.data().productOnlines().get(0).product().productId()).isEqualTo("1780000000000000001");

        douyin.answerData("/goodlife/v1/goods/product/online/query/", in -> "{\"error_code\":0,\"products\":[],\"next_cursor\":\"c2\",\"has_more\":true}");
        var page = await(client.queryOnlineProducts(new Goods.OnlineQuery("7012345678901234567", "c1", 20, null, 0, null, null, null, null, null)));
        var r = douyin.last("/goodlife/v1/goods/product/online/query/");
        assertThat(r.params().get("cursor")).isEqualTo("c1");
        assertThat(r.params().get("count")).isEqualTo("20");
        assertThat(r.params().get("goods_creator_type")).isEqualTo("0");
        assertThat(page.data().nextCursor()).isEqualTo("c2");
        assertThat(page.data().hasMore()).isTrue();
        assertThatThrownBy(() -> new Goods.OnlineGetQuery("a", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poistock_save_writes_int64_ids_as_json_numbers_digit_for_digit() throws Exception {
        var req = new PoiStock.SaveRequest("7012345678901234567", "7012345678901234000", List.of(
                new PoiStock.Entry("1780000000000000001", "1780000000000000101", PoiStock.StockPoi.douyin("6601136930455291912"), 40),
                new PoiStock.Entry("1780000000000000001", "1780000000000000101", PoiStock.StockPoi.ours("STORE-002"), 0)));
        await(client.saveStoreStock(req));
        String body = douyin.last("/goodlife/v1/goods/pickupcoupon/poistock/save/").body();
        assertThat(body).isEqualTo("{\"account_id\":7012345678901234567,\"root_life_account_id\":7012345678901234000,\"poi_stock_list\":["
                + "{\"product_id\":1780000000000000001,\"sku_id\":1780000000000000101,\"poi\":{\"poi_id\":6601136930455291912},\"stock_qty\":40},"
                + "{\"product_id\":1780000000000000001,\"sku_id\":1780000000000000101,\"poi\":{\"ext_id\":\"STORE-002\"},\"stock_qty\":0}]}");
    }

    @Test
    void poistock_save_with_failed_entries_is_transient_and_names_them() throws Exception {
        douyin.failingStockEntries().add("1780000000000000101@STORE-002");
        var req = new PoiStock.SaveRequest("7012345678901234567", "7012345678901234000", List.of(
                new PoiStock.Entry("1780000000000000001", "1780000000000000101", PoiStock.StockPoi.douyin("6601136930455291912"), 40),
                new PoiStock.Entry("1780000000000000001", "1780000000000000101", PoiStock.StockPoi.ours("STORE-002"), 0)));
        Throwable t = failureOf(client.saveStoreStock(req));
        assertThat(t).isInstanceOf(DouyinFailure.Transient.class);
        assertThat(((DouyinFailure) t).itemFailures()).singleElement().satisfies(f -> {
            assertThat(f.key()).isEqualTo("sku:1780000000000000101@ext:STORE-002");
            assertThat(f.message()).isEqualTo("store busy");
        });
    }

    @Test
    void poistock_detail_reads_pascal_case_keys_and_int64_numbers_without_rounding() throws Exception {
        douyin.answerData("/goodlife/v1/goods/pickupcoupon/poistock/detail/", in -> "{\"error_code\":0,\"sku_id_poi_stock_list_map\":{"
                + "\"1780000000000000101\":[{\"Poi\":{\"poi_id\":6601136930455291913,\"ext_id\":\"STORE-001\"},\"PoiName\":\"一号店\",\"StockQty\":40,\"AvailQty\":38},"
                + "{\"poi\":{\"poi_id\":9007199254740993},\"poi_name\":\"二号店\",\"stock_qty\":5,\"avail_qty\":5}]}}");
        var req = new PoiStock.DetailRequest("7012345678901234567", "7012345678901234000", List.of(
                new PoiStock.SkuPois("1780000000000000001", "1780000000000000101", List.of(PoiStock.StockPoi.douyin("6601136930455291913")))));
        var a = await(client.storeStock(req));
        var r = douyin.last("/goodlife/v1/goods/pickupcoupon/poistock/detail/");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.body()).contains("\"sku_poi_list\":[{\"product_id\":1780000000000000001,\"sku_id\":1780000000000000101,\"poi_list\":[{\"poi_id\":6601136930455291913}]}]");
        var stores = a.data().skuIdPoiStockListMap().get("1780000000000000101");
        assertThat(stores.get(0).poi().poiId()).isEqualTo("6601136930455291913");
        assertThat(stores.get(0).poi().extId()).isEqualTo("STORE-001");
        assertThat(stores.get(0).poiName()).isEqualTo("一号店");
        assertThat(stores.get(0).stockQty()).isEqualTo(40);
        assertThat(stores.get(0).availQty()).isEqualTo(38);
        assertThat(stores.get(1).poi().poiId()).isEqualTo("9007199254740993");
        assertThat(stores.get(1).availQty()).isEqualTo(5);
    }

    @Test
    void prepare_url_encodes_the_encrypted_data_and_reads_certificates() throws Exception {
        douyin.answerData("/goodlife/v1/compre_retail/fulfilment/certificate/prepare/", in -> "{\"error_code\":0,\"verify_token\":\"vt-1\","
                + "\"order_id\":1088812345678901234,\"certificates\":[{\"certificate_id\":7200000000000000002,\"encrypted_code\":\"CgY+a/b==\","
                + "\"start_time\":1767225600,\"expire_time\":1798761599,\"amount\":{\"original_amount\":8800,\"pay_amount\":6800},"
                + "\"sku\":{\"sku_id\":\"1780000000000000101\",\"third_sku_id\":\"PV-1-250G\"}}]}");
        var a = await(client.prepare(new Certificates.PrepareQuery("a+b/c=", null, "6601136930455291912")));
        var r = douyin.last("/goodlife/v1/compre_retail/fulfilment/certificate/prepare/");
        assertThat(r.method()).isEqualTo("GET");
        assertCommonHeaders(r);
        assertThat(r.rawQuery()).contains("encrypted_data=a%2Bb%2Fc%3D").contains("poi_id=6601136930455291912");
        assertThat(r.params().get("encrypted_data")).isEqualTo("a+b/c=");
        assertThat(a.data().verifyToken()).isEqualTo("vt-1");
        assertThat(a.data().orderId()).isEqualTo("1088812345678901234");
        var c = a.data().certificates().get(0);
        assertThat(c.certificateId()).isEqualTo("7200000000000000002");
        assertThat(c.amount().payAmount()).isEqualTo(6800);
        assertThat(c.sku().thirdSkuId()).isEqualTo("PV-1-250G");
    }

    @Test
    void verify_posts_token_store_codes_and_order_and_keeps_verify_and_certificate_ids() throws Exception {
        var req = Certificates.VerifyRequest.thirdPartyCodes("9b3c1f0e-7e57-4a5f-8d8e-1a2b3c4d5e6f", "6601136930455291912", "1088812345678901234",
                List.of(new Certificates.CodeWithTime("PV8842217731", 1767240000L)));
        var a = await(client.verify(req));
        var r = douyin.last("/goodlife/v1/compre_retail/fulfilment/certificate/verify/");
        assertThat(r.json().toString()).isEqualTo("{\"verify_token\":\"9b3c1f0e-7e57-4a5f-8d8e-1a2b3c4d5e6f\",\"poi_id\":\"6601136930455291912\","
                + "\"code_with_time_list\":[{\"code\":\"PV8842217731\",\"verify_time\":1767240000}],\"order_id\":\"1088812345678901234\"}");
        var result = a.data().verifyResults().get(0);
        assertThat(result.verifyId()).isEqualTo("7300000000000000010");
        assertThat(result.certificateId()).isEqualTo("7200000000000000010");
    }

    @Test
    void cancel_posts_verify_and_certificate_ids_and_a_failed_result_is_permanent() throws Exception {
        await(client.cancelVerification(new Certificates.CancelRequest("7300000000000000010", "7200000000000000010", "ct-1", null)));
        assertThat(douyin.last("/goodlife/v1/compre_retail/fulfilment/certificate/cancel/").json().toString())
                .isEqualTo("{\"verify_id\":\"7300000000000000010\",\"certificate_id\":\"7200000000000000010\",\"cancel_token\":\"ct-1\"}");
        douyin.answerData("/goodlife/v1/compre_retail/fulfilment/certificate/cancel/", in ->
                "{\"error_code\":0,\"cancel_results\":[{\"verify_id\":\"7300000000000000010\",\"result_code\":1001,\"result_msg\":\"over 1 hour\"}]}");
        Throwable t = failureOf(client.cancelVerification(new Certificates.CancelRequest("7300000000000000010", "7200000000000000010", "ct-1", null)));
        assertThat(t).isInstanceOf(DouyinFailure.Permanent.class).hasMessageContaining("over 1 hour");
    }

    @Test
    void certificate_query_by_order_reads_status_book_info_and_verify_records() throws Exception {
        douyin.answerData("/goodlife/v1/compre_retail/fulfilment/certificate/query/", in -> "{\"error_code\":0,\"certificates\":[{"
                + "\"certificate_id\":\"7200000000000000002\",\"status\":2,\"book_info\":{\"book_poi_id\":6601136930455291912,\"book_product_number\":1},"
                + "\"verify_records\":[{\"verify_id\":7300000000000000001,\"can_cancel\":true,\"verify_time\":1767240000}],\"additional_map\":{\"k\":\"v\"}}]}");
        var a = await(client.queryCertificates(Certificates.Query.byOrder("1088812345678901234")));
        assertThat(douyin.last("/goodlife/v1/compre_retail/fulfilment/certificate/query/").params().get("order_id")).isEqualTo("1088812345678901234");
        var c = a.data().certificates().get(0);
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.bookInfo().bookPoiId()).isEqualTo("6601136930455291912");
        assertThat(c.verifyRecords().get(0).verifyId()).isEqualTo("7300000000000000001");
        assertThat(c.verifyRecords().get(0).canCancel()).isTrue();
        await(client.queryCertificates(Certificates.Query.byEncryptedCode("x+y/z")));
        assertThat(douyin.last("/goodlife/v1/compre_retail/fulfilment/certificate/query/").rawQuery()).isEqualTo("encrypted_code=x%2By%2Fz");
    }

    @Test
    void issue_code_callback_posts_order_result_and_codes_and_reads_certificate_ids() throws Exception {
        var a = await(client.issueCodeCallback(ThirdPartyCode.IssueCodeCallbackRequest.issued("1088812345678901234", "PO-1", List.of("PV8842217731"))));
        assertThat(douyin.last("/goodlife/v1/compre_retail/fulfilment/create/callback/").json().toString())
                .isEqualTo("{\"order_id\":\"1088812345678901234\",\"result\":1,\"codes\":[\"PV8842217731\"],\"third_order_id\":\"PO-1\"}");
        assertThat(a.data().certificateInfoList()).containsExactly(new ThirdPartyCode.CertificateCode("7200000000000000010", "PV8842217731"));
        await(client.issueCodeCallback(ThirdPartyCode.IssueCodeCallbackRequest.failed("1088812345678901235", "PO-2", "out of stock")));
        assertThat(douyin.last("/goodlife/v1/compre_retail/fulfilment/create/callback/").json().toString())
                .isEqualTo("{\"order_id\":\"1088812345678901235\",\"result\":2,\"third_order_id\":\"PO-2\",\"fail_reason\":\"out of stock\"}");
    }

    @Test
    void refund_audit_posts_shape_b() throws Exception {
        await(client.auditRefund(new ThirdPartyCode.RefundAuditRequest("1088812345678901234", "AS-7001", "R-1", ThirdPartyCode.REJECT, 3L, "redeemed", null, null)));
        assertThat(douyin.last("/goodlife/v1/compre_retail/order/refund/audit/").json().toString())
                .isEqualTo("{\"order_id\":\"1088812345678901234\",\"after_sale_id\":\"AS-7001\",\"out_after_sale_id\":\"R-1\",\"audit_result\":2,"
                        + "\"reason_code\":3,\"reason_msg\":\"redeemed\"}");
    }

    @Test
    void order_query_sends_paging_and_filters_and_reads_orders() throws Exception {
        douyin.answerData("/goodlife/v1/trade/order/query/", in -> "{\"error_code\":0,\"orders\":[{\"order_id\":1088812345678901234,"
                + "\"order_status\":1,\"pay_amount\":6800,\"intention_poi_id\":\"6601136930455291912\",\"certificate\":[{\"certificate_id\":7200000000000000002,"
                + "\"item_status\":1}],\"contacts\":[{\"phone\":\"x\"}]}],\"page\":{\"page_num\":1,\"page_size\":10,\"total\":1}}");
        var a = await(client.queryOrders(Orders.Query.byOrder("7012345678901234567", "1088812345678901234")));
        var r = douyin.last("/goodlife/v1/trade/order/query/");
        assertThat(r.rawQuery()).isEqualTo("account_id=7012345678901234567&page_num=1&page_size=10&order_id=1088812345678901234");
        var o = a.data().orders().get(0);
        assertThat(o.orderId()).isEqualTo("1088812345678901234");
        assertThat(o.certificate().get(0).certificateId()).isEqualTo("7200000000000000002");
        assertThat(a.data().page().total()).isEqualTo(1);
    }

    @Test
    void one_log_line_and_one_timer_sample_per_call() throws Exception {
        await(client.auditRefund(new ThirdPartyCode.RefundAuditRequest("1", "AS-1", null, ThirdPartyCode.APPROVE, null, null, null, null)));
        assertThat(registry.find("tihuo.douyin.calls").tags("api", "O2", "outcome", "ok").timer().count()).isEqualTo(1);
    }
}
