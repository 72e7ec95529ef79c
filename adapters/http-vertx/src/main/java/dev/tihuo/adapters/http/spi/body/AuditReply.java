package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * S5 / S7 reply (D6): {@code result} 1 approve, 2 reject (with {@code reason}; in the 补码 case also the codes
 * and certificates now issued), 0 pending (settled later through O2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditReply(
        @JsonProperty("order_id") String orderId,
        @JsonProperty("result") int result,
        @JsonProperty("reason") String reason,
        @JsonProperty("codes") List<String> codes,
        @JsonProperty("certificates") List<IssuedCertificate> certificates) implements SpiReply {

    public static final int PENDING = 0;
    public static final int APPROVE = 1;
    public static final int REJECT = 2;

    public AuditReply {
        codes = codes == null ? null : List.copyOf(codes);
        certificates = certificates == null ? null : List.copyOf(certificates);
    }

    public static AuditReply approve(String orderId) {
        return new AuditReply(orderId, APPROVE, null, null, null);
    }

    public static AuditReply reject(String orderId, String reason) {
        return new AuditReply(orderId, REJECT, reason, null, null);
    }

    /** 补码: reject the refund because the code now exists; the reply must carry it. */
    public static AuditReply rejectWithCodes(String orderId, String reason, List<IssuedCertificate> certificates) {
        return new AuditReply(orderId, REJECT, reason,
                certificates.stream().map(IssuedCertificate::code).toList(), certificates);
    }

    public static AuditReply pending(String orderId) {
        return new AuditReply(orderId, PENDING, null, null, null);
    }
}
