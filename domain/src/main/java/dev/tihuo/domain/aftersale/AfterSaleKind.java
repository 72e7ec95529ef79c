package dev.tihuo.domain.aftersale;

/** Douyin's `after_sale_type`: 3 refund only (仅退款), 1 return and refund (退货退款, D9). */
public enum AfterSaleKind {
    REFUND,
    RETURN
}
