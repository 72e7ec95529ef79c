package dev.tihuo.application.port.in.spi;

import dev.tihuo.domain.order.DouyinOrderId;
import dev.tihuo.domain.store.PoiId;
import java.util.Objects;

/**
 * Use case W1 提货券门店变更通知 (D13): move the reservation to the new store if it has stock, else keep the old
 * store and flag the order for the merchant.
 */
public interface ChangePickupStore {
    Outcome change(Command command);

    record Command(DouyinOrderId order, PoiId newPoi) {
        public Command {
            Objects.requireNonNull(order, "order_id");
            Objects.requireNonNull(newPoi, "new poi_id");
        }
    }

    enum Outcome { MOVED, FLAGGED, UNCHANGED }
}
