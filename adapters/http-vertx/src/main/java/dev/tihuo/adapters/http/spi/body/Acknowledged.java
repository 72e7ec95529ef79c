package dev.tihuo.adapters.http.spi.body;

/** The reply of a notification SPI (S2, S3, S6, S8): nothing but {@code error_code: 0}. */
public enum Acknowledged implements SpiReply {
    INSTANCE
}
