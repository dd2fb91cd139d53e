package dev.tasklens.adapters;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.reply.JsonGuard;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a provider's reply into records that show the wire shape (one record per JSON object the
 * document describes, {@code @JsonbProperty} for its names). The body is checked by
 * {@link JsonGuard} first; anything that does not bind is a {@link MalformedResponseException}
 * naming the source, the reason and the request id, never a parser's exception.
 */
public final class JsonReplies {

    /** Every integer field of every record is read exactly ({@link ExactInteger}), with no annotation. */
    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new ExactInteger.AsLong(), new ExactInteger.AsInt()));

    private JsonReplies() {
    }

    /**
     * Binds a reply body.
     *
     * @param source the source, for errors
     * @param body the body text
     * @param type the record the body is an instance of
     * @param requestId the provider's request id, if known, for errors
     * @param <T> the record type
     * @return the bound record
     * @throws MalformedResponseException if the body is not JSON of that shape
     */
    public static <T> T read(SourceId source, String body, Class<T> type, Optional<String> requestId) {
        Objects.requireNonNull(type, "type");
        JsonGuard.check(source, body, requestId);
        T value;
        try {
            value = JSONB.fromJson(body, type);
        } catch (JsonbException | ClassCastException | IllegalArgumentException e) {
            Throwable root = e;
            boolean syntax = false;
            while (root.getCause() != null && root.getCause() != root) {
                syntax |= root instanceof JsonParsingException;
                root = root.getCause();
            }
            syntax |= root instanceof JsonParsingException;
            String what = syntax ? "the reply is not valid JSON" : "the reply is not the document's "
                    + type.getSimpleName();
            throw new MalformedResponseException(source, what + " (" + firstLine(root.getMessage()) + "): "
                    + excerpt(body), requestId, e);
        }
        if (value == null) {
            throw new MalformedResponseException(source, "the reply is empty or null: " + excerpt(body), requestId);
        }
        return value;
    }

    /**
     * Writes a request body as JSON.
     *
     * @param value maps, lists, strings, numbers, booleans or records
     * @return the JSON text
     */
    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    /**
     * A body as an error message may quote it: one line, at most 120 characters.
     *
     * @param body any text
     * @return the excerpt, quoted
     */
    public static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 120 ? "'" + flat + "'" : "'" + flat.substring(0, 117) + "...'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }
}
