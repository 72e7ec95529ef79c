package dev.tihuo.adapters.http.merchant;

import com.fasterxml.jackson.databind.JsonMappingException;
import dev.tihuo.application.port.in.IdempotencyConflict;
import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.domain.shared.DomainException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become {@code {"error":{"code","message"}}}. Domain reasons map to stable codes; a
 * failure nobody expected answers {@code internal} with no detail (the stack trace goes to the log only).
 */
final class ApiFailures {
    private static final Logger LOG = LoggerFactory.getLogger(ApiFailures.class);

    private ApiFailures() {}

    static void handle(RoutingContext ctx) {
        ApiError error = toApiError(ctx.failure(), ctx.statusCode());
        if (error.status() >= 500 && !"try_again".equals(error.code())) {
            LOG.error("{} {} failed", ctx.request().method(), ctx.normalizedPath(), ctx.failure());
        }
        if (ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        JsonObject body = new JsonObject().put("error", new JsonObject().put("code", error.code()).put("message", error.getMessage()));
        ctx.response().setStatusCode(error.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store");
        if (error.status() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tihuo\"");
        }
        ctx.response().end(body.encode());
    }

    static ApiError toApiError(Throwable failure, int status) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t == null) {
            return switch (status) {
                case 400 -> ApiError.invalid("the request is not valid");
                case 401 -> ApiError.unauthorized();
                case 403 -> ApiError.forbidden("not allowed");
                case 404 -> ApiError.notFound("no such resource");
                case 405 -> new ApiError(405, "method_not_allowed", "this method is not allowed here");
                case 413 -> new ApiError(413, "payload_too_large", "the request body is too large");
                case 415 -> new ApiError(415, "unsupported_media_type", "send application/json");
                default -> new ApiError(500, "internal", "something went wrong; the log names it");
            };
        }
        if (t instanceof ApiError api) {
            return api;
        }
        if (t instanceof DomainException domain) {
            return fromDomain(domain);
        }
        if (t instanceof JsonMappingException mapping) {
            Throwable cause = mapping.getCause();
            if (cause instanceof ApiError || cause instanceof DomainException) {
                return toApiError(cause, 400);
            }
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return ApiError.invalid(field.isEmpty() ? "the body is not the expected JSON object" : "field '" + field + "' has the wrong type");
        }
        if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return ApiError.invalid("the body is not valid JSON");
        }
        if (t instanceof IdempotencyConflict) {
            return new ApiError(409, "conflict", t.getMessage());
        }
        if (t instanceof TryAgainLater || t instanceof RejectedExecutionException) {
            return new ApiError(503, "try_again", "busy: please try again in a moment");
        }
        // Douyin's answers to synchronous counter calls (Douyin codes): recognised by name so this primary adapter
        // does not depend on a secondary port's types.
        String kind = t.getClass().getSimpleName();
        if (kind.equals("DouyinUnavailable")) {
            return new ApiError(503, "try_again", "Douyin did not answer; please try again");
        }
        if (kind.equals("DouyinRefused")) {
            return new ApiError(409, "douyin_refused", "Douyin refused: " + t.getMessage());
        }
        return new ApiError(500, "internal", "something went wrong; the log names it");
    }

    static ApiError fromDomain(DomainException e) {
        String message = e.getMessage();
        return switch (e.reason()) {
            case INVALID_VALUE -> new ApiError(400, "validation_failed", message);
            case CODE_MALFORMED, CODE_CHECK_FAILED -> new ApiError(400, "code_mistyped", message);
            case UNKNOWN_VOUCHER -> new ApiError(404, "code_unknown", message);
            case UNKNOWN_SKU, UNKNOWN_STORE, UNKNOWN_ORDER, UNKNOWN_AFTER_SALE -> new ApiError(404, "not_found", message);
            case WRONG_STORE -> new ApiError(409, "wrong_store", message);
            case ALREADY_REDEEMED -> new ApiError(409, "already_redeemed", message);
            case VOUCHER_EXPIRED -> new ApiError(409, "expired", message);
            case VOUCHER_REFUNDED -> new ApiError(409, "refunded", message);
            case NOT_REDEEMABLE -> new ApiError(409, "not_redeemable", message);
            case REDEMPTION_CANCEL_WINDOW_CLOSED -> new ApiError(409, "redemption_cancel_window_closed", message);
            case INSUFFICIENT_STOCK -> new ApiError(409, "insufficient_stock", message);
            case STOCK_BELOW_RESERVED -> new ApiError(409, "stock_below_reserved", message);
            case DUPLICATE, ALREADY_EXISTS -> new ApiError(409, "already_exists", message);
            case STALE_STATE -> new ApiError(503, "try_again", "busy: please try again in a moment");
            case ILLEGAL_TRANSITION, ISSUE_WINDOW_CLOSED, LATE_CODE_NOT_ALLOWED, REFUND_EXCEEDS_PAID ->
                    new ApiError(409, "conflict", message);
        };
    }
}
