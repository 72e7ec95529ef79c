package dev.tihuo.domain.stock;

import java.time.Instant;
import org.jmolecules.event.annotation.DomainEvent;

/** Available stock of a (store, SKU) changed; Douyin must see the new absolute value (D12, O7 poistock/save). */
@DomainEvent
public record StockChanged(StockKey key, int onHand, int reserved, int available, String cause, Instant at) {}
