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
        String time = text.strip();
        Optional<Instant> common = commonForm(time);
        if (common.isPresent()) {
            return common;
        }
        try {
            return Optional.of(OffsetDateTime.parse(time).toInstant());
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(source, field + " " + JsonReplies.excerpt(text)
                    + " is not an ISO 8601 time with an offset", requestId, e);
        }
    }

    /**
     * The form every reply uses, {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM)}, read by hand:
     * {@link OffsetDateTime#parse} fills a map of fields per call and was a sixth of the time spent
     * reading a page of tasks. Anything else, valid or not, is left to {@link OffsetDateTime#parse},
     * which also words the error.
     */
    static Optional<Instant> commonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Optional.empty();
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return Optional.empty();
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                nano = nano * 10 + (text.charAt(at) - '0');
                at++;
            }
            int count = at - start;
            if (count == 0) {
                return Optional.empty();
            }
            for (int i = count; i < 9; i++) {
                nano *= 10;
            }
        }
        int offsetSeconds;
        if (at == length - 1 && text.charAt(at) == 'Z') {
            offsetSeconds = 0;
        } else if (at == length - 6 && (text.charAt(at) == '+' || text.charAt(at) == '-')
                && text.charAt(at + 3) == ':') {
            int hours = digits(text, at + 1, 2);
            int minutes = digits(text, at + 4, 2);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
                return Optional.empty();
            }
            offsetSeconds = (text.charAt(at) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(java.time.LocalDateTime.of(year, month, day, hour, minute, second, nano)
                    .toInstant(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds)));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
