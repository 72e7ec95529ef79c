package dev.tihuo.adapters.http.webhook;

/**
 * The business side of W1 (D13: move the reservation or flag the order). Runs on a worker; returning normally
 * acknowledges the message; throwing makes tihuo forget the Msg-Id and ask Douyin to redeliver.
 */
@FunctionalInterface
public interface PoiChangeHandler {
    void onPoiChange(PoiChange change, WebhookCall call);
}
