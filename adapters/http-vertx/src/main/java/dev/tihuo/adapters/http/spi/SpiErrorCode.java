package dev.tihuo.adapters.http.spi;

/** The only values tihuo ever puts in {@code data.error_code} of an SPI reply (D16). */
public enum SpiErrorCode {
    OK(0),
    /** Transient failure: Douyin should retry. */
    RETRY(100),
    BAD_SIGNATURE(40001),
    TIMESTAMP_OUT_OF_WINDOW(40002),
    /** Malformed request: bad body, missing or mistyped field, wrong content type, method or path. */
    MALFORMED_REQUEST(40003),
    UNKNOWN_ORDER(40004),
    OUT_OF_STOCK(40005),
    UNKNOWN_SKU_OR_STORE(40006),
    IDEMPOTENCY_CONFLICT(40009),
    INTERNAL_ERROR(50000);

    private final int code;

    SpiErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Business outcomes a use case may decide; notification SPIs must never answer them (D16). */
    public boolean isBusinessError() {
        return this == UNKNOWN_ORDER || this == OUT_OF_STOCK || this == UNKNOWN_SKU_OR_STORE
                || this == IDEMPOTENCY_CONFLICT;
    }
}
