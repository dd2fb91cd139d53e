package dev.tasklens.tencent.internal;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.reply.JsonGuard;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A provider reply read with JSON-B into plain maps and lists, and read leniently: the Tencent
 * documents send numbers as strings in their own examples ({@code "Limit": "5"}), so a number
 * may be either.
 */
public final class JsonTree {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final SourceId source;
    private final Map<String, Object> root;
    private final Optional<String> requestId;

    private JsonTree(SourceId source, Map<String, Object> root, Optional<String> requestId) {
        this.source = source;
        this.root = root;
        this.requestId = requestId;
    }

    /**
     * Reads a reply body.
     *
     * @param source the source, for errors
     * @param body the body text
     * @param requestId the request id from the headers, if any
     * @return the tree
     * @throws MalformedResponseException if the body is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static JsonTree parse(SourceId source, String body, Optional<String> requestId) {
        JsonGuard.check(source, body, requestId);
        try {
            Object value = JSONB.fromJson(body, Object.class);
            if (!(value instanceof Map)) {
                throw new MalformedResponseException(source, "the reply is not a JSON object: " + excerpt(body),
                        requestId);
            }
            return new JsonTree(source, (Map<String, Object>) value, requestId);
        } catch (JsonbException e) {
            throw new MalformedResponseException(source, "the reply is not valid JSON (" + e.getMessage() + "): "
                    + excerpt(body), requestId, e);
        }
    }

    /**
     * Writes a value as JSON.
     *
     * @param value maps, lists, strings, numbers and booleans
     * @return the JSON text
     */
    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 120 ? "'" + flat + "'" : "'" + flat.substring(0, 117) + "...'";
    }

    /**
     * A nested object.
     *
     * @param name the field
     * @return the object, if the field is one
     */
    @SuppressWarnings("unchecked")
    public Optional<JsonTree> object(String name) {
        Object value = root.get(name);
        return value instanceof Map ? Optional.of(new JsonTree(source, (Map<String, Object>) value, requestId))
                : Optional.empty();
    }

    /**
     * A list of objects.
     *
     * @param name the field
     * @return the objects; empty if absent or null
     * @throws MalformedResponseException if the field is not a list of objects
     */
    @SuppressWarnings("unchecked")
    public List<JsonTree> objects(String name) {
        Object value = root.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(item -> item instanceof Map)) {
            throw new MalformedResponseException(source, "field " + name + " is not a list of objects", requestId);
        }
        return list.stream().map(item -> new JsonTree(source, (Map<String, Object>) item, requestId)).toList();
    }

    /**
     * A list of strings.
     *
     * @param name the field
     * @return the strings; empty if absent or null
     */
    public List<String> strings(String name) {
        Object value = root.get(name);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /**
     * A text field; numbers and booleans are given as text too.
     *
     * @param name the field
     * @return the text, if present and not null
     */
    public Optional<String> text(String name) {
        Object value = root.get(name);
        if (value instanceof BigDecimal number) {
            // Bounded by JsonGuard; a plain form of an exponent like 1e999999999 would be huge.
            return Optional.of(number.scale() < -40 || number.scale() > 40 ? number.toString()
                    : number.toPlainString());
        }
        return value == null || value instanceof Map || value instanceof List ? Optional.empty()
                : Optional.of(String.valueOf(value));
    }

    /**
     * A number field, sent as a number or as a string of digits.
     *
     * @param name the field
     * @return the number, if present
     * @throws MalformedResponseException if the field holds something else
     */
    public Optional<Long> number(String name) {
        Object value = root.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof BigDecimal number) {
            try {
                return Optional.of(number.longValueExact());
            } catch (ArithmeticException e) {
                throw new MalformedResponseException(source, "field " + name + " is not a whole number within 64"
                        + " bits: " + excerpt(number.toString()), requestId);
            }
        }
        if (value instanceof String text && text.strip().matches("-?\\d{1,18}")) {
            return Optional.of(Long.parseLong(text.strip()));
        }
        throw new MalformedResponseException(source, "field " + name + " is not a number: " + value, requestId);
    }

    /**
     * A required list of objects: a reply without its list is not an empty list (a {@code {}} or an
     * error text sent with HTTP 200 would otherwise read as "no tasks").
     *
     * @param name the field
     * @return the objects, possibly none
     * @throws MalformedResponseException if the field is absent, null or not a list of objects
     */
    public List<JsonTree> requiredObjects(String name) {
        if (root.get(name) == null) {
            throw new MalformedResponseException(source, "the reply has no " + name + " list"
                    + (root.isEmpty() ? "" : "; it has " + String.join(", ", root.keySet())), requestId);
        }
        return objects(name);
    }

    /**
     * A required id: a non-blank string, or a plain integer (kept exact, never through a double).
     * Anything else (blank, a fraction, an exponent, an object) is not an id.
     *
     * @param name the field
     * @return the id
     * @throws MalformedResponseException if it is missing or not an id
     */
    public String requiredId(String name) {
        Object value = root.get(name);
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        // Digits of a whole number: precision minus scale (1e999999999 is one digit, scale -999999999).
        if (value instanceof BigDecimal number && number.scale() <= 0
                && (long) number.precision() - number.scale() <= 20 && number.signum() >= 0) {
            return number.toBigInteger().toString();
        }
        throw new MalformedResponseException(source, "field " + name + " is not an id (a non-blank string or a"
                + " whole number): " + (value == null ? "missing" : excerpt(String.valueOf(value))), requestId);
    }

    /**
     * A required text field.
     *
     * @param name the field
     * @return the text
     * @throws MalformedResponseException if it is missing
     */
    public String requiredText(String name) {
        return text(name).orElseThrow(() -> new MalformedResponseException(source, "the reply has no " + name,
                requestId));
    }
}
