package dev.tihuo.adapters.http.webhook;

/** Context of one webhook delivery: the signing app, Douyin's message id and log id, the event's raw content. */
public record WebhookCall(String clientKey, String msgId, String logid, String rawContent) {
}
