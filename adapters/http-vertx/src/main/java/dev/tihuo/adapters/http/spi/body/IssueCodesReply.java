package dev.tihuo.adapters.http.spi.body;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * S4 reply (D3): {@code result} 1 issued (codes and certificates listed), 2 failed (with {@code fail_reason}),
 * 0 still issuing (the result follows through O1 within 10 minutes). Build it with the factories.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssueCodesReply(
        @JsonProperty("result") int result,
        @JsonProperty("codes") List<String> codes,
        @JsonProperty("certificates") List<IssuedCertificate> certificates,
        @JsonProperty("fail_reason") String failReason) implements SpiReply {

    public static final int ISSUING = 0;
    public static final int ISSUED = 1;
    public static final int FAILED = 2;

    public IssueCodesReply {
        codes = codes == null ? null : List.copyOf(codes);
        certificates = certificates == null ? null : List.copyOf(certificates);
    }

    /** Codes issued now: {@code codes} lists each certificate's code in order. */
    public static IssueCodesReply issued(List<IssuedCertificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("an issued reply lists at least one code");
        }
        return new IssueCodesReply(ISSUED, certificates.stream().map(IssuedCertificate::code).toList(),
                certificates, null);
    }

    /** Codes issued when Douyin named no certificates. */
    public static IssueCodesReply issuedCodes(List<String> codes) {
        if (codes.isEmpty()) {
            throw new IllegalArgumentException("an issued reply lists at least one code");
        }
        return new IssueCodesReply(ISSUED, codes, null, null);
    }

    public static IssueCodesReply failed(String failReason) {
        return new IssueCodesReply(FAILED, null, null, failReason);
    }

    public static IssueCodesReply issuing() {
        return new IssueCodesReply(ISSUING, null, null, null);
    }

    @Override
    public String successDescription() {
        return switch (result) {
            case ISSUING -> "issuing";
            case FAILED -> "issue failed";
            default -> "success";
        };
    }
}
