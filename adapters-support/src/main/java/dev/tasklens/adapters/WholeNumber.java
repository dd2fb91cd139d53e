package dev.tasklens.adapters;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * A whole number sent as a number or as a string of digits: MPS's {@code TotalCount} and
 * {@code Limit} (seed 001's examples send {@code "5"}), MetaStudio's {@code begin_time} (the table
 * says String, the ShowTask example sends {@code 1744276967708}; PROVIDERS §3.5). Up to 15 digits;
 * an empty string is no value; a fraction, an exponent or anything else is refused.
 */
public final class WholeNumber implements JsonbDeserializer<Long> {

    /** For JSON-B, which creates one per annotated field. */
    public WholeNumber() {
    }

    @Override
    public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()
                && number.bigDecimalValue().precision() - number.bigDecimalValue().scale() <= 15) {
            return number.longValueExact();
        }
        if (value instanceof JsonString text && text.getString().isBlank()) {
            return null;
        }
        if (value instanceof JsonString text && text.getString().strip().matches("\\d{1,15}")) {
            return Long.parseLong(text.getString().strip());
        }
        throw new JsonbException("expected a whole number, found " + value.getValueType());
    }
}
