package dev.tasklens.signing.internal;

import java.time.Instant;
import java.util.function.LongFunction;

/**
 * Formats an instant's whole second with a slow formatter, remembering the last result: signing
 * many requests within one second (a listing does) formats the time once. Thread-safe.
 */
public final class SecondFormatter {

    private record Entry(long second, String text) {
    }

    private final LongFunction<String> format;
    private volatile Entry last = new Entry(Long.MIN_VALUE, "");

    /**
     * A formatter.
     *
     * @param format turns epoch seconds into text
     */
    public SecondFormatter(LongFunction<String> format) {
        this.format = format;
    }

    /**
     * The text for an instant's second.
     *
     * @param at the instant; sub-second parts are ignored
     * @return the formatted text
     */
    public String format(Instant at) {
        long second = at.getEpochSecond();
        Entry entry = last;
        if (entry.second != second) {
            entry = new Entry(second, format.apply(second));
            last = entry;
        }
        return entry.text;
    }
}
