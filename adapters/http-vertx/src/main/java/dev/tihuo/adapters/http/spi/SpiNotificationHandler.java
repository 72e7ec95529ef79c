package dev.tihuo.adapters.http.spi;

/**
 * The business side of a notification SPI (S2, S3, S6, S8): returns normally to acknowledge. A thrown
 * {@link SpiRejection} never reaches Douyin as a business error: see {@link SpiEndpoint#isNotification()}.
 */
@FunctionalInterface
public interface SpiNotificationHandler<Q> {
    void handle(Q notification, SpiCall call);
}
