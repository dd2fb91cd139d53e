package dev.tasklens.adapters;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * A field documented as a string that a provider's own example sends as a number (KooDrive
 * {@code nextCursor} {@code 1723549107000}, {@code code} {@code 0}, seed 003), or an id that may
 * come either way, read as exact text.
 * A whole number of up to 20 digits is written out digit for digit, never through a double (a
 * 19-digit id would lose its last digits); a fraction, an exponent (even {@code 1e0}) or anything else is refused.
 */
public final class WholeNumberAsText implements JsonbDeserializer<String> {

    /** For JSON-B, which creates one per annotated field. */
    public WholeNumberAsText() {
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NULL -> null;
            case NUMBER -> {
                // The number's own digits, never through a double: a 19-digit id keeps its last digits.
                String digits = parser.getString();
                if (!digits.matches("\\d{1,20}")) {
                    throw new JsonbException("not an id or a cursor: expected text or a whole number of up to 20"
                            + " digits, found " + (digits.length() <= 40 ? digits : digits.substring(0, 37) + "..."));
                }
                yield digits;
            }
            default -> throw new JsonbException("not an id or a cursor: expected text or a whole number of up to 20"
                    + " digits, found " + value.getValueType());
        };
    }
}
