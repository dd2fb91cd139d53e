package dev.tasklens.adapters;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * A JSON-B deserializer for a field that must be text: a number, boolean, object or array where
 * the document says string is refused instead of turned into text. Without it, an id sent as
 * {@code 1e2000000000} would become the id "1E+2000000000". Put it on a record component with
 * {@code @JsonbTypeDeserializer(StrictText.class)}.
 */
public final class StrictText implements JsonbDeserializer<String> {

    /** For JSON-B, which creates one per annotated field. */
    public StrictText() {
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
        throw new JsonbException("expected text, found " + value.getValueType());
    }
}
