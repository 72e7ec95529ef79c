package dev.tihuo.adapters.douyin.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration for Douyin's wire: snake_case names, nulls left out of requests, unknown answer fields
 * ignored (Douyin adds fields; SDK models lag, openapi.md §9.2), case-insensitive names (PascalCase stock answers),
 * floats as BigDecimal and integers read into {@code String} ids digit for digit.
 */
public final class WireJson {
    private WireJson() {}

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .build();

    public static ObjectMapper mapper() { return MAPPER; }
}
