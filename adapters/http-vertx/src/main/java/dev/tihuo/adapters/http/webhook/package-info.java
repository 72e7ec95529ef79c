/**
 * Primary adapter: Douyin webhooks (spi.md §6, D13): {@code X-Douyin-Signature} verification, {@code Msg-Id}
 * de-duplication, the store-change event W1 handed to a {@link dev.tihuo.adapters.http.webhook.PoiChangeHandler}.
 */
@PrimaryAdapter
package dev.tihuo.adapters.http.webhook;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
