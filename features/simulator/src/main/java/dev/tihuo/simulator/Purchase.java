package dev.tihuo.simulator;

import dev.tihuo.simulator.PlatformState.Mode;

/**
 * What a buyer chooses on Douyin before paying: a SKU, a quantity and the pickup store (spi.md §5.1).
 * Amounts in fen.
 */
public record Purchase(Mode mode, String accountId, String poiId, String productId, String skuId,
    String productOutId, String skuOutId, int count, long unitAmount, long discountAmount, String openId) {

  public Purchase {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive");
    }
  }

  public static Purchase afterPay(String accountId, String poiId, String productId, String skuId, int count,
      long unitAmount) {
    return new Purchase(Mode.AFTER_PAY, accountId, poiId, productId, skuId, null, null, count, unitAmount, 0,
        "_000sim_openid");
  }

  public Purchase withMode(Mode m) {
    return new Purchase(m, accountId, poiId, productId, skuId, productOutId, skuOutId, count, unitAmount,
        discountAmount, openId);
  }

  public Purchase withOutIds(String productOut, String skuOut) {
    return new Purchase(mode, accountId, poiId, productId, skuId, productOut, skuOut, count, unitAmount,
        discountAmount, openId);
  }

  public Purchase withDiscount(long discount) {
    return new Purchase(mode, accountId, poiId, productId, skuId, productOutId, skuOutId, count, unitAmount,
        discount, openId);
  }
}
