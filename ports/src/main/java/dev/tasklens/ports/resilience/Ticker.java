package dev.tasklens.ports.resilience;

/**
 * Elapsed time, read from a monotonic source: what rate limits and deadlines are measured with, so
 * that a wall clock stepped back or forward (NTP, a fixed test clock) cannot stall or hurry them.
 */
@FunctionalInterface
public interface Ticker {

    /**
     * Nanoseconds from an arbitrary origin; only differences mean anything.
     *
     * @return the reading
     */
    long nanos();

    /**
     * The real thing: {@link System#nanoTime()}.
     *
     * @return the system ticker
     */
    static Ticker system() {
        return System::nanoTime;
    }
}
