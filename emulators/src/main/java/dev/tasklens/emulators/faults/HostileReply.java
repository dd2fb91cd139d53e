package dev.tasklens.emulators.faults;

/**
 * The catalogue of hostile replies: what a broken or malicious server (or a man in the middle on
 * plain HTTP) can answer a task listing with. Most are made from the provider's real reply, so
 * they apply to every provider's emulator alike; a client must survive each with a typed error or
 * a complete listing, never a hang, a crash or a silent loss.
 */
public enum HostileReply {
    /** The real reply's headers, then half its body, then nothing until the client gives up. */
    STALLED_BODY,
    /** {@code [} nested a hundred thousand deep: a recursive parser's stack overflows. */
    DEEP_NESTING,
    /** Every string of the real reply replaced by a number of five thousand digits. */
    HUGE_NUMBERS,
    /** Every string of the real reply replaced by {@code 1e2000000000}: tiny text, a gigantic value. */
    HUGE_EXPONENTS,
    /** {@code {}}: the reply's list and everything else missing, with HTTP 200. */
    EMPTY_OBJECT,
    /** Every list of the real reply replaced by {@code null}. */
    NULL_LISTS,
    /**
     * An escape sequence (set the terminal's title, clear the screen) and a bidi override added to
     * every string of the real reply that is not a page token.
     */
    CONTROL_CHARACTERS,
    /**
     * An empty page with a fresh page token, for every request: a listing that follows it never
     * ends unless it stops on no progress. Only for APIs that page by token; the provider's emulator
     * writes it ({@code ApiHandler.pageWithFreshToken}).
     */
    ENDLESS_EMPTY_PAGES,
    /**
     * The same few tasks of the provider's own list under a fresh page token, for every request: the
     * tasks are real, the pages never end, and nothing on them is new after the first.
     */
    ENDLESS_OLD_PAGES,
    /**
     * Tasks created long before any query's window under a fresh page token, for every request: a
     * provider that ignores the window, and pages whose every task the listing drops.
     */
    ENDLESS_PAGES_OUTSIDE_THE_QUERY,
    /**
     * Every whole number of the real reply {@code n} replaced by {@code n + 2^64}: read as a 64-bit
     * number it wraps back to {@code n}, a plausible value from a reply that cannot be trusted.
     */
    OUT_OF_RANGE_NUMBERS,
    /** Every whole number of the real reply {@code n} replaced by {@code n.9}: truncated, it reads as {@code n}. */
    FRACTIONAL_NUMBERS,
    /** Every whole number of the real reply written with an exponent ({@code 5E+1}). */
    EXPONENT_NUMBERS,
    /**
     * An offset-paged API that reads {@code offset} as an item count where the document says it is a
     * page number (Huawei MetaStudio, seed 002): each page overlaps the one before and the tail is
     * never reached. The provider's emulator writes it ({@code ApiHandler.offsetReadAsItemCount});
     * other APIs answer as usual.
     */
    OFFSET_READ_AS_ITEM_COUNT
}
