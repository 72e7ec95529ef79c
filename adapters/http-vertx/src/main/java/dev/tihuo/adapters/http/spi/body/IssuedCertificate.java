package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A voucher and the code issued for it, as listed in S4 and S5 replies. */
public record IssuedCertificate(
        @JsonProperty("certificate_id") String certificateId,
        @JsonProperty("code") String code) {
    public IssuedCertificate {
        if (certificateId == null || certificateId.isBlank() || code == null || code.isBlank()) {
            throw new IllegalArgumentException("certificate_id and code must not be blank");
        }
    }
}
