package dev.tasklens.cli;

import dev.tasklens.domain.InvalidQueryException;
import java.time.Duration;
import java.util.Locale;

/** Spans as a person types them on the command line: {@code 50ms}, {@code 30s}, {@code 30m}, {@code 24h}, {@code 2d}. */
final class Durations {

    /** Over 100 years: a span beyond this is a typing mistake, and would overflow an instant. */
    private static final long MAX_DIGITS = 9;

    private Durations() {
    }

    /**
     * Reads a span.
     *
     * @param text the text, such as {@code 2d}
     * @param option the option it came from, named in the error
     * @return the span
     * @throws InvalidQueryException if it is not a positive number followed by ms, s, m, h or d
     */
    static Duration parse(String text, String option) {
        Duration span = orZero(text, option);
        if (span.isZero()) {
            throw new InvalidQueryException(option + " '" + text + "' is an empty span; give one longer than zero,"
                    + " such as 30s or 2d");
        }
        return span;
    }

    /**
     * Reads a span that may be zero, such as an added latency.
     *
     * @param text the text, such as {@code 0ms}
     * @param option the option it came from, named in the error
     * @return the span
     * @throws InvalidQueryException if it is not a number followed by ms, s, m, h or d
     */
    static Duration orZero(String text, String option) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (!value.matches("\\d{1," + MAX_DIGITS + "}(ms|s|m|h|d)")) {
            throw new InvalidQueryException(option + " '" + text + "' is not a span such as 50ms, 30s, 30m, 24h or 2d"
                    + " (at most " + MAX_DIGITS + " digits)");
        }
        String unit = value.replaceAll("\\d", "");
        long amount = Long.parseLong(value.substring(0, value.length() - unit.length()));
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
