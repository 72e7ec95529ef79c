package dev.tihuo.bootstrap.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads {@link TihuoConfig}: the built-in defaults, then the JSON file given with {@code --config}, then environment
 * variables. Every setting has one variable named after its path: {@code TIHUO_} + the path in upper case with
 * {@code _} between the parts, e.g. {@code TIHUO_DATABASE_URL}, {@code TIHUO_LISTENERS_PUBLICPORT}. List settings
 * take JSON: {@code TIHUO_APPS='[{"clientKey":"...","clientSecret":"..."}]'}. Bad configuration stops start-up with
 * one {@link ConfigException} naming the setting.
 */
public final class ConfigLoader {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ConfigLoader() {}

    public static TihuoConfig load(Path file, Map<String, String> environment) {
        ObjectNode tree = defaults();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("--config", "file " + file + " does not exist");
            }
            try {
                merge(tree, JSON.readTree(file.toFile()), "");
            } catch (IOException e) {
                throw new ConfigException("--config", "file " + file + " is not valid JSON: " + firstLine(e.getMessage()));
            }
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("TIHUO_") && !name.equals("TIHUO_CONFIG")) {
                override(tree, name, value);
            }
        });
        TihuoConfig config;
        try {
            config = JSON.treeToValue(tree, TihuoConfig.class);
        } catch (IOException e) {
            throw new ConfigException(pathOf(e), "has the wrong shape: " + firstLine(e.getMessage()));
        }
        ConfigValidation.check(config);
        return config;
    }

    private static ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream("/tihuo-defaults.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the built-in defaults are missing from the jar", e);
        }
    }

    private static void merge(ObjectNode into, JsonNode from, String path) {
        if (!from.isObject()) {
            throw new ConfigException(path.isEmpty() ? "--config" : path, "must be a JSON object");
        }
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing != null && existing.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) existing, e.getValue(), path + e.getKey() + ".");
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    /** TIHUO_A_B_C sets a.b.c, matching each part case-insensitively to an existing key. */
    private static void override(ObjectNode tree, String variable, String value) {
        String[] parts = variable.substring("TIHUO_".length()).split("_");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length; i++) {
            String key = keyOf(node, parts[i]);
            if (key == null) {
                throw new ConfigException(variable, "names no setting");
            }
            if (i == parts.length - 1) {
                JsonNode current = node.get(key);
                node.set(key, current != null && (current.isContainerNode() || current.isNumber() || current.isBoolean())
                        ? parse(variable, value) : JSON.getNodeFactory().textNode(value));
            } else {
                JsonNode next = node.get(key);
                if (!(next instanceof ObjectNode)) {
                    throw new ConfigException(variable, "names no setting");
                }
                node = (ObjectNode) next;
            }
        }
    }

    private static JsonNode parse(String variable, String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new ConfigException(variable, "is not a valid value");
        }
    }

    private static String keyOf(ObjectNode node, String part) {
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equalsIgnoreCase(part)) {
                return name;
            }
        }
        return null;
    }

    private static String pathOf(IOException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
        return "configuration";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
