package dev.tihuo.application.port.in.spi;

import java.util.List;

/**
 * The merchant's answer to a refund (S5) or return (S7) request: `data.result` 1 approve, 2 reject (with reason;
 * with the codes in the 补码 case), 0 pending, to be settled through O2 (D6).
 */
public record AuditAnswer(int result, String reason, List<String> codes, List<IssueCodes.CertificateCode> certificates) {
    public AuditAnswer {
        codes = List.copyOf(codes);
        certificates = List.copyOf(certificates);
    }
}
