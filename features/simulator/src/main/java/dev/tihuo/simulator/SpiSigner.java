package dev.tihuo.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Douyin's SPI request signatures, written from spi.md §3 alone (independent of tihuo's verifier on purpose:
 * if both were one class, a shared misreading of the spec would go unnoticed).
 *
 * <pre>
 * str1 = client_secret + "&" + (query pairs except sign, "k=v", sorted by key, joined by "&")
 *        [+ "&http_body=" + raw body]          -- POST only; the body is never sorted, always last
 * x-life-sign = hex(SHA-256(str1))             -- §3.1, the header tihuo verifies (D10)
 * sign        = hex(MD5(str1))                 -- §3.2, legacy query parameter
 * </pre>
 *
 * Webhooks use another scheme (§6.1): {@code X-Douyin-Signature = hex(SHA-1(client_secret + raw body))}.
 */
public final class SpiSigner {

  private final String clientSecret;

  public SpiSigner(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  /**
   * Builds str1. Pairs are sorted by key, then by value for repeated keys (one working implementation does so;
   * Douyin itself never repeats a key). An empty body adds no {@code &http_body=} segment.
   */
  public String stringToSign(Map<String, String> query, String rawBody) {
    List<String> pairs = query.entrySet().stream()
        .filter(e -> !e.getKey().equals("sign"))
        .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
        .map(e -> e.getKey() + "=" + e.getValue())
        .toList();
    StringBuilder s = new StringBuilder(clientSecret);
    for (String p : pairs) {
      s.append('&').append(p);
    }
    if (rawBody != null && !rawBody.isEmpty()) {
      s.append("&http_body=").append(rawBody);
    }
    return s.toString();
  }

  /** Value of the {@code x-life-sign} header (§3.1). */
  public String lifeSign(Map<String, String> query, String rawBody) {
    return hex("SHA-256", stringToSign(query, rawBody));
  }

  /** Value of the legacy {@code sign} query parameter (§3.2). */
  public String legacySign(Map<String, String> query, String rawBody) {
    return hex("MD5", stringToSign(query, rawBody));
  }

  /** Value of the {@code X-Douyin-Signature} webhook header (§6.1). */
  public String webhookSignature(String rawBody) {
    return hex("SHA-1", clientSecret + rawBody);
  }

  /** What a receiver does: recompute and compare, hex case-insensitive (D10). */
  public boolean verifiesLifeSign(Map<String, String> query, String rawBody, String headerValue) {
    return headerValue != null
        && MessageDigest.isEqual(
            lifeSign(query, rawBody).getBytes(StandardCharsets.US_ASCII),
            headerValue.toLowerCase().getBytes(StandardCharsets.US_ASCII));
  }

  static String hex(String algorithm, String text) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }
}
