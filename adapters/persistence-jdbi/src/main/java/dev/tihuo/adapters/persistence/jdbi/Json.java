package dev.tihuo.adapters.persistence.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.MessageKind;

/**
 * JSON of what the application hands over as plain records: idempotency answers and outbox payloads. The
 * application's types carry no Jackson annotation; a {@link DouyinCall}'s concrete record is told by its
 * {@link MessageKind}, kept in a column beside the payload.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored JSON as " + type.getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The record class stored under a kind. */
    static Class<? extends DouyinCall> callType(MessageKind kind) {
        return switch (kind) {
            case ISSUE_CALLBACK -> DouyinCall.IssueCallback.class;
            case REFUND_AUDIT -> DouyinCall.RefundAudit.class;
            case VERIFY -> DouyinCall.Verify.class;
            case CANCEL_VERIFY -> DouyinCall.CancelVerify.class;
            case STOCK_PUSH -> DouyinCall.StockPush.class;
            case PRODUCT_SAVE -> DouyinCall.ProductSave.class;
        };
    }

    static DouyinCall readCall(String kind, String json) {
        return read(json, callType(MessageKind.valueOf(kind)));
    }
}
