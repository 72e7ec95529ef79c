package dev.tihuo.adapters.douyin.openapi.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Writes an id held as a string as a JSON int64 number, digit for digit (the pickup stock APIs type their ids as int64,
 * openapi.md §4.8/§4.9). The id never passes through a {@code long} or {@code double}, so nothing is rounded.
 */
public final class Int64Number extends StdSerializer<String> {
    private static final Pattern INT64 = Pattern.compile("-?[0-9]{1,19}");

    public Int64Number() { super(String.class); }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (!INT64.matcher(value).matches()) {
            throw new IllegalArgumentException("not an int64 id: " + value);
        }
        gen.writeNumber(value);
    }
}
