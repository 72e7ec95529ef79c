package dev.tihuo.domain.order;

import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.OrderItemId;
import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/** A certificate Douyin names for one unit of an order; the SKU and item id when Douyin gives them. */
@ValueObject
public record CertificateRef(CertificateId certificate, OrderItemId item, SkuOutId sku) {
    public CertificateRef {
        Objects.requireNonNull(certificate, "certificate id");
    }
}
