package dev.tihuo.adapters.http.spi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.tihuo.adapters.http.spi.body.Fields;
import dev.tihuo.adapters.http.spi.body.InvalidFieldException;
import dev.tihuo.adapters.http.spi.body.SpiReply;
import dev.tihuo.adapters.http.spi.body.Validated;
import java.io.IOException;
import java.util.List;

/**
 * The one JSON configuration of the SPI adapter: strict types (an id sent as a number, a count sent as a string
 * or a fraction is refused, naming the field), unknown fields ignored, duplicate keys and trailing content
 * refused; and the reply envelope {@code {"data":{"error_code":…,"description":…,…}}}.
 */
public final class SpiJson {
    private static final ObjectMapper MAPPER = createMapper();

    private SpiJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper createMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType numeric : List.of(LogicalType.Integer, LogicalType.Float)) {
            mapper.coercionConfigFor(numeric)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /** Parses and validates a request body; every failure is a 40003 rejection naming the field when known. */
    public static <T extends Validated> T readRequest(byte[] raw, Class<T> type) {
        if (raw.length == 0) {
            throw SpiRejection.malformed("request body is empty");
        }
        T value;
        try {
            value = MAPPER.readValue(raw, type);
        } catch (JsonMappingException e) {
            throw SpiRejection.malformed(describe(pathOf(e), "has the wrong type or shape"));
        } catch (InputCoercionException e) {
            String path = e.getProcessor() != null ? pathOf(e.getProcessor()) : "";
            throw SpiRejection.malformed(describe(path, "is out of range"));
        } catch (StreamReadException e) {
            throw SpiRejection.malformed("request body is not valid JSON");
        } catch (IOException e) {
            throw SpiRejection.malformed("request body is not valid JSON");
        }
        if (value == null) {
            throw SpiRejection.malformed("request body must be a JSON object");
        }
        try {
            Fields.check(value);
        } catch (InvalidFieldException e) {
            throw SpiRejection.malformed(e.getMessage());
        }
        return value;
    }

    private static String describe(String path, String problem) {
        return path.isEmpty() ? "request body must be a JSON object of the expected shape" : "field " + path + " " + problem;
    }

    /** {@code sku_list[0].count} from Jackson's reference chain. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String pathOf(JsonParser parser) {
        StringBuilder path = new StringBuilder();
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    /** The reply envelope; the reply's fields (if any) are merged into {@code data}. */
    public static byte[] envelope(SpiErrorCode code, String description, SpiReply reply) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("error_code", code.code());
        data.put("description", description);
        if (reply != null) {
            JsonNode fields = MAPPER.valueToTree(reply);
            if (fields instanceof ObjectNode object) {
                object.remove("error_code");
                object.remove("description");
                data.setAll(object);
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.set("data", data);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
