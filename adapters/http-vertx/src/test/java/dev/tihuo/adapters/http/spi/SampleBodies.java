package dev.tihuo.adapters.http.spi;

/** One valid body per SPI, shaped like the examples of spi.md §5, plus one missing and one mistyped field each. */
final class SampleBodies {
    private SampleBodies() {}

    record Mutation(String path, String jsonValue) {}

    static String valid(SpiEndpoint endpoint) {
        return switch (endpoint) {
            case CREATE_ORDER -> """
                    {"order_id":"1090000000000000001","open_id":"_000enc_openid","account_id":"7000000000000000001",
                     "poi_id":"6600000000000000001",
                     "sku_list":[{"sku_id":"1800000000000001","product_id":"1800000000000000","sku_out_id":"SKU-A-500ML",
                                  "product_out_id":"P-A","count":2,"unit_amount":3990}],
                     "amount":{"origin_amount":7980,"discount_amount":500,"pay_amount":7480}}""";
            case PAY_NOTIFY -> """
                    {"order_id":"1090000000000000001","order_out_id":"M20250101000123","timestamp":1735700000}""";
            case CANCEL_NOTIFY -> """
                    {"order_id":"1090000000000000001","order_out_id":"M20250101000123","cancel_type":2,"timestamp":1735700000}""";
            case ISSUE_CODES -> """
                    {"order_id":"1090000000000000001","order_out_id":"M20250101000123","count":1,
                     "certificates":[{"certificate_id":"7300000000000000001","order_item_id":"800000000000000000001"}],
                     "amount":{"original_amount":3990,"pay_amount":3740}}""";
            case REFUND_APPLY -> """
                    {"order_id":"1090000000000000001","order_out_id":"M20250101000123","biz_uniq_key":"7310000000000000009",
                     "refund_amount":3740,
                     "refund_info_list":[{"order_item_id":"800000000000000000001","item_refund_amount":3740,
                                          "certificate":{"certificate_id":"7300000000000000001","code":"PK8839201744"}}],
                     "refund_reason":"用户申请退款","handle_time":1735701234567}""";
            case REFUND_NOTIFY -> """
                    {"order_id":"1090000000000000001","order_out_id":"M20250101000123","biz_uniq_key":"7310000000000000009",
                     "refund_amount":3740,"refund_info_list":[{"order_item_id":"800000000000000000001","item_refund_amount":3740}],
                     "notice_type":0,"refund_reason":"用户申请退款","handle_time":1735702000000,"desc":"","after_sale_type":3}""";
            case RETURN_APPLY -> """
                    {"order_id":"1090000000000000001","order_out_id":"M20250101000123","biz_uniq_key":"7310000000000000010",
                     "refund_amount":3740,
                     "refund_info_list":[{"order_item_id":"800000000000000000001","item_refund_amount":3740,
                                          "certificate":{"certificate_id":"7300000000000000001","code":"PK8839201744"}}],
                     "refund_reason":"退货","handle_time":1735701234567,"after_sale_type":1}""";
            case RETURN_TIMEOUT_NOTIFY -> """
                    {"order_id":"1090000000000000001","order_out_id":"M20250101000123","biz_uniq_key":"7310000000000000010",
                     "refund_amount":3740,"refund_info_list":[{"order_item_id":"800000000000000000001","item_refund_amount":3740}],
                     "handle_time":1735702000000,"desc":"timeout","after_sale_type":1}""";
        };
    }

    /** A required field to remove; the 40003 description must name {@link Mutation#path()}. */
    static String missingField(SpiEndpoint endpoint) {
        return switch (endpoint) {
            case CREATE_ORDER -> "sku_list[0].count";
            case PAY_NOTIFY, CANCEL_NOTIFY, ISSUE_CODES -> "order_id";
            case REFUND_APPLY -> "refund_info_list[0].certificate.certificate_id";
            case REFUND_NOTIFY, RETURN_TIMEOUT_NOTIFY -> "biz_uniq_key";
            case RETURN_APPLY -> "order_out_id";
        };
    }

    /** A field set to a value of the wrong JSON type. */
    static Mutation wrongType(SpiEndpoint endpoint) {
        return switch (endpoint) {
            case CREATE_ORDER -> new Mutation("sku_list[0].count", "\"2\"");
            case PAY_NOTIFY -> new Mutation("order_id", "1090000000000000001");
            case CANCEL_NOTIFY -> new Mutation("cancel_type", "\"x\"");
            case ISSUE_CODES -> new Mutation("certificates[0].certificate_id", "{}");
            case REFUND_APPLY -> new Mutation("refund_amount", "37.5");
            case REFUND_NOTIFY -> new Mutation("refund_info_list[0].item_refund_amount", "\"3740\"");
            case RETURN_APPLY -> new Mutation("after_sale_type", "\"1\"");
            case RETURN_TIMEOUT_NOTIFY -> new Mutation("handle_time", "true");
        };
    }
}
