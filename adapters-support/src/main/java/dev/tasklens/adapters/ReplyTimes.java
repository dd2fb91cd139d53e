package dev.tasklens.adapters;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Times in replies as ISO 8601 text with an offset ({@code 2026-11-22T12:00:00Z},
 * {@code 2026-11-22T20:00:00+08:00}), the form Baidu VOD, KooDrive and MPS send.
 */
public final class ReplyTimes {

    private ReplyTimes() {
    }

    /**
     * Reads one time field of a reply.
     *
     * @param source the source whose reply it is
     * @param field the field's name, for the error
     * @param text the field's value; null or blank (a task not yet finished) is no time
     * @param requestId the reply's request id, for the error
     * @return the instant, or empty
     * @throws MalformedResponseException if the text is there but is no ISO 8601 time with an offset
     */
    public static Optional<Instant> iso8601(SourceId source, String field, String text, Optional<String> requestId) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(source, field + " " + JsonReplies.excerpt(text)
                    + " is not an ISO 8601 time with an offset", requestId, e);
        }
    }
}
