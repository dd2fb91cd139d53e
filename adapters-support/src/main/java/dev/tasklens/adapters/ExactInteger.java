package dev.tasklens.adapters;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigInteger;

/**
 * How every integer field of every wire record is read: exactly, or not at all. {@link JsonReplies}
 * registers it for {@code Long}/{@code long} and {@code Integer}/{@code int}, so a record needs no
 * annotation and none can forget one. Without it the binding wraps or truncates: a KooDrive
 * {@code status} of {@code 4294967298} read as 2 (SUCCEEDED), {@code 1e999999999} as 0, a MetaStudio
 * {@code failure_count} of 2^64 as 0 (a failed task shown as succeeded), a {@code count} of
 * {@code 1.9} as 1. A value is accepted only as the digits of a whole number (a JSON number, or a
 * string of digits, as some providers send numbers) within the field's type; a fraction, an
 * exponent (even {@code 1e0}) or a value out of range is a {@link JsonbException}, which the reply
 * reader turns into a {@code MalformedResponseException}.
 */
public final class ExactInteger {

    private ExactInteger() {
    }

    /** {@code Long} and {@code long} fields. */
    public static final class AsLong implements JsonbDeserializer<Long> {
        /** For JSON-B. */
        public AsLong() {
        }

        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return read(parser, Long.MIN_VALUE, Long.MAX_VALUE, "a 64-bit whole number");
        }
    }

    /** {@code Integer} and {@code int} fields. */
    public static final class AsInt implements JsonbDeserializer<Integer> {
        /** For JSON-B. */
        public AsInt() {
        }

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            Long value = read(parser, Integer.MIN_VALUE, Integer.MAX_VALUE, "a 32-bit whole number");
            return value == null ? null : value.intValue();
        }
    }

    /**
     * The whole number at the parser's value, checked against a range.
     *
     * @param parser at a value
     * @param min the least value accepted
     * @param max the greatest value accepted
     * @param what the type's name for people, for the error
     * @return the value, or null for JSON null
     * @throws JsonbException if the value is not a whole number written as digits, or is out of range
     */
    static Long read(JsonParser parser, long min, long max, String what) {
        return read(parser, min, max, what, false);
    }

    /** As {@link #read(JsonParser, long, long, String)}; {@code blankIsNone}: an empty string is no value. */
    static Long read(JsonParser parser, long min, long max, String what, boolean blankIsNone) {
        String text = text(parser, what);
        if (text == null || (blankIsNone && text.isEmpty())) {
            return null;
        }
        if (!isDigits(text)) {
            throw new JsonbException("expected " + what + " written as digits, found '" + shorten(text) + "'"
                    + " (a fraction or an exponent is refused, not rounded)");
        }
        BigInteger value = new BigInteger(text);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new JsonbException("expected " + what + ", found " + shorten(text) + ", which is out of its range "
                    + min + ".." + max);
        }
        return value.longValue();
    }

    /**
     * The value's text as sent: a number's own digits (never through a double) or a string's
     * content, stripped; null for JSON null.
     *
     * @param parser at a value
     * @param what the expected value for people, for the error
     * @return the text, or null
     * @throws JsonbException if the value is an object, an array or a boolean
     */
    static String text(JsonParser parser, String what) {
        JsonValue value = parser.getValue();
        return switch (value.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) value).getString().strip();
            case NUMBER -> parser.getString(); // the digits as they stood in the reply, exponent included
            default -> throw new JsonbException("expected " + what + ", found " + value.getValueType());
        };
    }

    private static boolean isDigits(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
