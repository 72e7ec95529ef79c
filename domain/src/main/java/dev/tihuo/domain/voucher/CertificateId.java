package dev.tihuo.domain.voucher;

import dev.tihuo.domain.shared.Text;
import org.jmolecules.ddd.annotation.ValueObject;

/** Douyin's voucher id (`certificate_id`), one per purchased unit. */
@ValueObject
public record CertificateId(String value) {
    public CertificateId {
        value = Text.requireId(value, "certificate id");
    }

    @Override
    public String toString() {
        return value;
    }
}
