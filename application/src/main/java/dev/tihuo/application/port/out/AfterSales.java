package dev.tihuo.application.port.out;

import dev.tihuo.domain.aftersale.AfterSale;
import dev.tihuo.domain.aftersale.AfterSaleId;
import dev.tihuo.domain.aftersale.AfterSaleState;
import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.shared.MerchantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Outgoing persistence port for after-sales; same versioning contract as {@link Orders}. */
public interface AfterSales {
    Optional<AfterSale> find(AfterSaleId id);

    void save(AfterSale afterSale);

    List<AfterSale> forOrder(DouyinOrderId order);

    /** A page of one merchant's after-sales in the given states, newest first. */
    List<AfterSale> list(MerchantId merchant, Set<AfterSaleState> states, String after, int limit);
}
