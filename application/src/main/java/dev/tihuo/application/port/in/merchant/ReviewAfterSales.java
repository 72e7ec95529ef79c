package dev.tihuo.application.port.in.merchant;

import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.shared.MerchantId;
import java.util.Objects;

/**
 * Use case: a person decides a pending refund or return (D7 manual review, D6 mixed answers); Douyin learns the
 * decision through O2 (D8). Also records returned goods arriving back at the store (D9), which restocks them.
 */
public interface ReviewAfterSales {
    void approve(Decision decision);

    void reject(Decision decision);

    void receiveReturnedGoods(MerchantId merchant, AfterSaleId afterSale);

    record Decision(MerchantId merchant, AfterSaleId afterSale, String reason) {
        public Decision {
            Objects.requireNonNull(merchant, "merchant");
            Objects.requireNonNull(afterSale, "after-sale id");
        }
    }
}
