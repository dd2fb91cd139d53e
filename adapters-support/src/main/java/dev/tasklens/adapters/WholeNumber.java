package dev.tasklens.adapters;

import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * A whole number sent as a number or as a string of digits: MPS's {@code TotalCount} and
 * {@code Limit} (seed 001's examples send {@code "5"}), MetaStudio's {@code begin_time} (the table
 * says String, the ShowTask example sends {@code 1744276967708}; PROVIDERS §3.5). Up to 15 digits;
 * an empty string is no value; a negative number, a fraction, an exponent (even {@code 1e0}) or
 * anything else is refused ({@link ExactInteger}).
 */
public final class WholeNumber implements JsonbDeserializer<Long> {

    private static final long MAX = 999_999_999_999_999L;

    /** For JSON-B, which creates one per annotated field. */
    public WholeNumber() {
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
        return ExactInteger.read(parser, 0, MAX, "a whole number of up to 15 digits", true);
    }
}
