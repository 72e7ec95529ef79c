package dev.tihuo.simulator;

import dev.tihuo.simulator.PlatformState.AfterSale;
import dev.tihuo.simulator.PlatformState.Order;

/**
 * What Douyin does on its own after something happened on the OpenAPI side: these are the moments the platform
 * turns around and calls the merchant's SPI again. Implemented by {@link BuyerJourney}.
 */
interface PlatformReactions {

  /** S4/O1 result 2: Douyin refunds the buyer directly, without merchant audit, then sends S6 (spi.md §5.4). */
  void issueFailed(Order order, String reason);

  /** No O1 within 10 minutes: Douyin marks the issue failed and refunds through S5, 补码 possible (spi.md §5.4). */
  void issueWindowLapsed(Order order);

  /** O2 settled a pending after-sale: an approval refunds the buyer and sends S6 (openapi.md §6.4). */
  void auditDecided(AfterSale afterSale);
}
