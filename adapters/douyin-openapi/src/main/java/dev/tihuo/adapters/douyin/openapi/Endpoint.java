package dev.tihuo.adapters.douyin.openapi;

import dev.tihuo.adapters.douyin.openapi.DouyinFailure.ItemFailure;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.function.Function;

/**
 * One Douyin OpenAPI call: interface id (openapi.md's O/G numbers), method, path (trailing slash kept), the type of
 * its {@code data}, whether it carries the {@code access-token}, and how to find failed items inside a successful
 * envelope. The item check may throw {@link UnexpectedAnswer} when the answer lacks what a success must contain.
 */
public record Endpoint<Q, R>(String id, HttpMethod method, String path, Class<R> dataType, boolean needsToken,
                             Function<R, List<ItemFailure>> itemFailures, boolean itemFailuresAreTransient) {

    static <Q, R> Endpoint<Q, R> get(String id, String path, Class<R> type) {
        return new Endpoint<>(id, HttpMethod.GET, path, type, true, r -> List.of(), false);
    }

    static <Q, R> Endpoint<Q, R> post(String id, String path, Class<R> type) {
        return new Endpoint<>(id, HttpMethod.POST, path, type, true, r -> List.of(), false);
    }

    Endpoint<Q, R> withoutToken() {
        return new Endpoint<>(id, method, path, dataType, false, itemFailures, itemFailuresAreTransient);
    }

    /** Failed items make the call {@code Permanent} (verify / cancel) or {@code Transient} (stock entries: resend). */
    Endpoint<Q, R> items(Function<R, List<ItemFailure>> check, boolean transientItems) {
        return new Endpoint<>(id, method, path, dataType, needsToken, check, transientItems);
    }

    @Override
    public String toString() { return id + " " + method + " " + path; }

    /** The answer was well-formed JSON with success codes but lacks what a success must carry. */
    static final class UnexpectedAnswer extends RuntimeException {
        UnexpectedAnswer(String message) { super(message, null, false, false); }
    }
}
