package dev.tihuo.adapters.douyin.openapi;

import java.util.List;
import java.util.Objects;

/**
 * Why one call to Douyin did not succeed. Three kinds, and only three, because each asks the caller for a different
 * reaction: {@link Transient} retry later with back-off, {@link TokenExpired} refresh the client token and retry once,
 * {@link Permanent} stop and tell an operator. Every failure names the path, Douyin's {@code logid} (or "-" when there
 * was none) and the codes of each error layer (openapi.md §2.2).
 */
public abstract sealed class DouyinFailure extends RuntimeException
        permits DouyinFailure.Transient, DouyinFailure.TokenExpired, DouyinFailure.Permanent {

    private final String path;
    private final String logid;
    private final Codes codes;
    private final List<ItemFailure> itemFailures;

    DouyinFailure(String path, String logid, Codes codes, String message, List<ItemFailure> itemFailures, Throwable cause) {
        super(message, cause, false, false);
        this.path = Objects.requireNonNull(path);
        this.logid = logid == null || logid.isBlank() ? "-" : logid;
        this.codes = codes == null ? Codes.NONE : codes;
        this.itemFailures = List.copyOf(itemFailures == null ? List.of() : itemFailures);
    }

    public String path() { return path; }
    public String logid() { return logid; }
    public Codes codes() { return codes; }
    /** Per-item results that failed inside an otherwise successful envelope (verify results, fail_poi_list...). */
    public List<ItemFailure> itemFailures() { return itemFailures; }

    /** Short, log- and operator-friendly text: kind, path, codes, logid, message. */
    public String summary() {
        return getClass().getSimpleName() + " " + path + " " + codes + " logid=" + logid + ": " + getMessage();
    }

    @Override
    public String toString() { return summary(); }

    /** Timeouts, connection errors, HTTP 5xx/408/429, 2100004 system busy, 10020/2190001 rate limits, unreadable answers, circuit open. */
    public static final class Transient extends DouyinFailure {
        public Transient(String path, String logid, Codes codes, String message, List<ItemFailure> items, Throwable cause) {
            super(path, logid, codes, message, items, cause);
        }
        public static Transient of(String path, String logid, String message, Throwable cause) {
            return new Transient(path, logid, Codes.NONE, message, List.of(), cause);
        }
    }

    /** The access-token was refused: 2190002 invalid, 2190008 expired, 10008 invalid/expired. */
    public static final class TokenExpired extends DouyinFailure {
        public TokenExpired(String path, String logid, Codes codes, String message) {
            super(path, logid, codes, message, List.of(), null);
        }
    }

    /** Any other business or request error; retrying the same request will not help. */
    public static final class Permanent extends DouyinFailure {
        public Permanent(String path, String logid, Codes codes, String message, List<ItemFailure> items) {
            super(path, logid, codes, message, items, null);
        }
    }

    /** The codes of each layer of one answer; 0 where the layer said nothing. */
    public record Codes(int httpStatus, long extraErrorCode, long extraSubErrorCode, long dataErrorCode, long baseRespStatus,
                        String description) {
        public static final Codes NONE = new Codes(0, 0, 0, 0, 0, "");

        public static Codes http(int status) { return new Codes(status, 0, 0, 0, 0, ""); }

        /** The first non-zero business code, in layer order (extra, extra.sub, data, BaseResp), or 0. */
        public long first() {
            if (extraErrorCode != 0) return extraErrorCode;
            if (extraSubErrorCode != 0) return extraSubErrorCode;
            if (dataErrorCode != 0) return dataErrorCode;
            return baseRespStatus;
        }

        public boolean any(java.util.function.LongPredicate p) {
            return p.test(extraErrorCode) || p.test(extraSubErrorCode) || p.test(dataErrorCode) || p.test(baseRespStatus);
        }

        @Override
        public String toString() {
            return "[http=" + httpStatus + " extra=" + extraErrorCode + " sub=" + extraSubErrorCode + " data=" + dataErrorCode
                    + (baseRespStatus != 0 ? " baseResp=" + baseRespStatus : "")
                    + (description == null || description.isBlank() ? "" : " \"" + description + "\"") + "]";
        }
    }

    /** One failed item of a batch answer: what it was about (code, poi/sku...), its own code and message. */
    public record ItemFailure(String key, String code, String message) {}
}
