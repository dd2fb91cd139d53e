package dev.tasklens.huawei.internal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * MetaStudio's {@code begin_time}/{@code end_time}: the table says String, the ShowTask example
 * sends {@code 1744276967708}, a ms-epoch number (seed 002, PROVIDERS §3.5). Both are read as ms
 * since the epoch; an empty string is no time.
 */
public final class EpochMillis implements JsonbDeserializer<Long> {

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
        throw new JsonbException("expected a ms-epoch time, found " + value);
    }
}
