package dev.tihuo.adapters.http.spi;

import dev.tihuo.adapters.http.spi.body.SpiReply;

/**
 * The business side of one SPI. Runs on a worker thread (blocking is fine), gets the validated body and the
 * call context, returns the reply or throws {@link SpiRejection} with a D16 code. Any other exception answers
 * 50000 (100 on notification SPIs). Must be idempotent: Douyin retries, including after our deadline answer.
 */
@FunctionalInterface
public interface SpiHandler<Q, R extends SpiReply> {
    R handle(Q request, SpiCall call);
}
