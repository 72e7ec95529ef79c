package dev.tihuo.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Douyin-looking identifiers. Douyin's ids are 19-digit int64 values beyond 2^53 (openapi.md §2.1), so the
 * simulator's are too: a client that parses them as doubles breaks here, as it would in production.
 */
final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final AtomicLong counter = new AtomicLong();

  private String next(long base) {
    return Long.toString(base + counter.incrementAndGet());
  }

  String order() { return next(1_090_000_000_000_000_000L); }
  String orderItem() { return next(8_000_000_000_000_000_000L); }
  String certificate() { return next(7_300_000_000_000_000_000L); }
  String verify() { return next(7_400_000_000_000_000_000L); }
  String afterSale() { return next(7_310_000_000_000_000_000L); }
  String product() { return next(1_780_000_000_000_000_000L); }
  String sku() { return next(1_780_000_000_000_100_000L); }

  /** 12-digit plaintext Douyin code, the one a clerk can type (openapi.md §5.1). */
  String douyinCode() {
    return String.format("%012d", Math.floorMod(RANDOM.nextLong(), 1_000_000_000_000L));
  }

  /**
   * An encrypted code. Deliberately contains '+' and '/' so a client that forgets to URL-encode it in a GET
   * query string (openapi.md §9.2 item 2) fails against the simulator too.
   */
  String encryptedCode() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return "CgYI+" + java.util.Base64.getEncoder().encodeToString(b) + "/sim";
  }

  String token() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return "clt." + HexFormat.of().formatHex(b);
  }

  String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().withUpperCase().formatHex(b);
  }
}
