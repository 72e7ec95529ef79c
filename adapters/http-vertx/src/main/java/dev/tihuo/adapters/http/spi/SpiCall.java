package dev.tihuo.adapters.http.spi;

import java.time.Instant;

/**
 * What a handler knows about the call besides its body: which SPI, which app (the {@code client_key} that
 * signed it), Douyin's log id, when it arrived, and the app's decryptor for encrypted personal fields.
 */
public record SpiCall(SpiEndpoint endpoint, String clientKey, String logid, Instant receivedAt,
                      FieldDecryptor fields) {
}
