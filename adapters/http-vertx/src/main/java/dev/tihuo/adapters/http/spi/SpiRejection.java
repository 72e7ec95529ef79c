package dev.tihuo.adapters.http.spi;

import java.util.Objects;

/**
 * Thrown by an {@link SpiHandler} (or the pipeline) to answer with a non-zero D16 code.
 * The description is sent to Douyin as is: keep it free of internal detail.
 */
public final class SpiRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final SpiErrorCode code;
    private final String description;

    public SpiRejection(SpiErrorCode code, String description) {
        super(description, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        if (code == SpiErrorCode.OK) {
            throw new IllegalArgumentException("a rejection cannot carry error_code 0");
        }
        this.description = Objects.requireNonNull(description, "description");
    }

    public static SpiRejection retryLater(String description) {
        return new SpiRejection(SpiErrorCode.RETRY, description);
    }

    public static SpiRejection unknownOrder(String description) {
        return new SpiRejection(SpiErrorCode.UNKNOWN_ORDER, description);
    }

    public static SpiRejection outOfStock(String description) {
        return new SpiRejection(SpiErrorCode.OUT_OF_STOCK, description);
    }

    public static SpiRejection unknownSkuOrStore(String description) {
        return new SpiRejection(SpiErrorCode.UNKNOWN_SKU_OR_STORE, description);
    }

    public static SpiRejection idempotencyConflict(String description) {
        return new SpiRejection(SpiErrorCode.IDEMPOTENCY_CONFLICT, description);
    }

    public static SpiRejection malformed(String description) {
        return new SpiRejection(SpiErrorCode.MALFORMED_REQUEST, description);
    }

    public SpiErrorCode code() {
        return code;
    }

    public String description() {
        return description;
    }
}
