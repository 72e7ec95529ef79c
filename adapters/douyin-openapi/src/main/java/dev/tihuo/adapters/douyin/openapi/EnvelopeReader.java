package dev.tihuo.adapters.douyin.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Codes;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.ItemFailure;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Permanent;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.TokenExpired;
import dev.tihuo.adapters.douyin.openapi.DouyinFailure.Transient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Reads one answer of Douyin and decides: success (returns the typed {@code data}) or a typed {@link DouyinFailure}.
 * Success needs HTTP 200, {@code extra.error_code}, {@code extra.sub_error_code}, {@code data.error_code} and a
 * {@code BaseResp.StatusCode} (where present) all 0, and every per-item result successful (openapi.md §2.2). Anything
 * unreadable, truncated or lacking {@code data} fails as {@link Transient}: never a crash, never a silent success.
 */
final class EnvelopeReader {

    /** 2190002 access_token invalid, 2190008 expired, 10008 OAuth token invalid/expired. */
    static final Set<Long> TOKEN_CODES = Set.of(2190002L, 2190008L, 10008L);
    /** 2100004 system busy, 10020 client_token called too often, 2190001 quota used up: retry later. */
    static final Set<Long> TRANSIENT_CODES = Set.of(2100004L, 10020L, 2190001L);

    private static final int EXCERPT = 160;

    private final ObjectMapper mapper;

    EnvelopeReader(ObjectMapper mapper) { this.mapper = mapper; }

    <R> Answer<R> read(Endpoint<?, R> endpoint, int status, byte[] body) {
        String path = endpoint.path();
        JsonNode root = null;
        String parseError = null;
        try {
            root = body == null || body.length == 0 ? null : mapper.readTree(body);
        } catch (Exception e) {
            parseError = e.getClass().getSimpleName();
        }
        String logid = root == null ? "-" : text(root.path("extra").path("logid"), "-");

        if (status != 200) {
            Codes codes = root != null && root.isObject() ? codesOrNull(root, status) : null;
            if (codes != null && codes.first() != 0) throw classify(path, logid, codes, "HTTP " + status);
            Codes http = Codes.http(status);
            if (status >= 500 || status == 408 || status == 429) throw new Transient(path, logid, http, "HTTP " + status + " " + excerpt(body), List.of(), null);
            throw new Permanent(path, logid, http, "HTTP " + status + " " + excerpt(body), List.of());
        }
        if (root == null || !root.isObject()) {
            String why = body == null || body.length == 0 ? "empty answer" : parseError != null ? "malformed JSON (" + parseError + ")" : "answer is not a JSON object";
            throw new Transient(path, logid, Codes.http(status), why + ": " + excerpt(body), List.of(), null);
        }
        Codes codes = codesOrNull(root, status);
        if (codes == null) throw unexpected(path, logid, "non-numeric error code", body);
        if (codes.first() != 0) throw classify(path, logid, codes, text(root.path("data").path("description"), ""));

        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) throw unexpected(path, logid, "no data object", body);
        if (!data.path("error_code").isIntegralNumber()) throw unexpected(path, logid, "no data.error_code", body);
        R typed;
        List<ItemFailure> items;
        try {
            typed = mapper.treeToValue(data, endpoint.dataType());
            items = endpoint.itemFailures().apply(typed);
        } catch (Endpoint.UnexpectedAnswer e) {
            throw unexpected(path, logid, e.getMessage(), body);
        } catch (Exception e) {
            throw unexpected(path, logid, "data does not fit " + endpoint.dataType().getSimpleName() + " (" + e.getClass().getSimpleName() + ")", body);
        }
        if (!items.isEmpty()) {
            String message = items.size() + " item(s) failed, first " + items.get(0);
            if (endpoint.itemFailuresAreTransient()) throw new Transient(path, logid, codes, message, items, null);
            throw new Permanent(path, logid, codes, message, items);
        }
        return new Answer<>(typed, logid);
    }

    static DouyinFailure classify(String path, String logid, Codes codes, String description) {
        String message = "Douyin error " + codes.first() + (description.isBlank() ? "" : ": " + description);
        if (codes.any(TOKEN_CODES::contains)) return new TokenExpired(path, logid, codes, message);
        if (codes.any(TRANSIENT_CODES::contains)) return new Transient(path, logid, codes, message, List.of(), null);
        return new Permanent(path, logid, codes, message, List.of());
    }

    /** The codes of every layer, or null when one of them is present but not an integer. */
    private static Codes codesOrNull(JsonNode root, int status) {
        JsonNode extra = root.path("extra");
        JsonNode data = root.path("data");
        JsonNode baseResp = first(root, data, "BaseResp", "base_resp");
        JsonNode[] nodes = {extra.path("error_code"), extra.path("sub_error_code"), data.path("error_code"), baseResp.path("StatusCode")};
        long[] values = new long[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            JsonNode n = nodes[i];
            if (n.isMissingNode() || n.isNull()) continue;
            if (!n.isIntegralNumber()) {
                if (n.isTextual() && n.asText().matches("-?\\d{1,18}")) { values[i] = Long.parseLong(n.asText()); continue; }
                return null;
            }
            values[i] = n.asLong();
        }
        String description = text(extra.path("sub_description"), text(extra.path("description"), text(data.path("description"), text(baseResp.path("StatusMessage"), ""))));
        return new Codes(status, values[0], values[1], values[2], values[3], description);
    }

    private static JsonNode first(JsonNode root, JsonNode data, String... names) {
        for (String n : names) {
            if (root.has(n)) return root.get(n);
            if (data.has(n)) return data.get(n);
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Transient unexpected(String path, String logid, String why, byte[] body) {
        return new Transient(path, logid, Codes.http(200), "unexpected answer, " + why + ": " + excerpt(body), List.of(), null);
    }

    private static String text(JsonNode n, String fallback) {
        return n == null || n.isMissingNode() || n.isNull() || n.asText().isBlank() ? fallback : n.asText();
    }

    static String excerpt(byte[] body) {
        if (body == null || body.length == 0) return "<empty>";
        String s = new String(body, 0, Math.min(body.length, EXCERPT * 4), StandardCharsets.UTF_8).replaceAll("\\s+", " ")
                .replaceAll("(\"access_token\"\\s*:\\s*\")[^\"]*", "$1***");
        return s.length() > EXCERPT ? s.substring(0, EXCERPT) + "…" : s;
    }
}
