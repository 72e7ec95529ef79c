package dev.tihuo.features;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** tihuo's merchant API over HTTP, as the merchant's back office and the clerks' counter page use it. */
final class MerchantApi {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: HTTP status and JSON body (the error code is {@code error.code}). */
    record Reply(int status, JsonObject body) {
        boolean ok() {
            return status / 100 == 2;
        }

        String errorCode() {
            JsonObject error = body == null ? null : body.getJsonObject("error");
            return error == null ? null : error.getString("code");
        }

        Reply orFail(String what) {
            if (!ok()) {
                throw new AssertionError(what + " failed: HTTP " + status + " " + body);
            }
            return this;
        }
    }

    private final String baseUrl;

    MerchantApi(String baseUrl) {
        this.baseUrl = baseUrl + "/api/v1";
    }

    Reply get(String key, String path) {
        return send(key, "GET", path, null);
    }

    Reply post(String key, String path, JsonObject body) {
        return send(key, "POST", path, body == null ? new JsonObject() : body);
    }

    Reply put(String key, String path, JsonObject body) {
        return send(key, "PUT", path, body);
    }

    private Reply send(String key, String method, String path, JsonObject body) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + key);
        if (body == null) {
            req.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            req.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        }
        try {
            HttpResponse<String> resp = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
            String text = resp.body();
            JsonObject json = text == null || text.isBlank() || !text.trim().startsWith("{") ? new JsonObject()
                    : new JsonObject(text);
            return new Reply(resp.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Prometheus text of {@code /metrics} (outside {@code /api/v1}). */
    String metrics(String internalBaseUrl) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(internalBaseUrl + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
