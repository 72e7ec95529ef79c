package dev.tihuo.adapters.http.merchant;

/** An answer of the merchant API that is not a success: HTTP status, stable lower-case code, human message. */
final class ApiError extends RuntimeException {
    private final int status;
    private final String code;

    ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "a valid API key is required (Authorization: Bearer <key>)");
    }

    static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    static ApiError invalid(String message) {
        return new ApiError(400, "validation_failed", message);
    }

    static ApiError alreadyExists(String message) {
        return new ApiError(409, "already_exists", message);
    }
}
