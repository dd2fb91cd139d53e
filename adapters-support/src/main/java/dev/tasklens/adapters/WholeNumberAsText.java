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
 * A field documented as a string that a provider's own example sends as a number (KooDrive
 * {@code nextCursor} {@code 1723549107000}, {@code code} {@code 0}, seed 003), or an id that may
 * come either way, read as exact text.
 * A whole number of up to 20 digits is written out digit for digit, never through a double (a
 * 19-digit id would lose its last digits); a fraction, an exponent or anything else is refused.
 */
public final class WholeNumberAsText implements JsonbDeserializer<String> {

    /** For JSON-B, which creates one per annotated field. */
    public WholeNumberAsText() {
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonValue value = parser.getValue();
        if (value instanceof JsonString text) {
            return text.getString();
        }
        if (value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral()
                && (long) number.bigDecimalValue().precision() - number.bigDecimalValue().scale() <= 20) {
            return number.bigDecimalValue().toBigIntegerExact().toString();
        }
        throw new JsonbException("not an id or a cursor: expected text or a whole number of up to 20 digits, found "
                + value);
    }
}
