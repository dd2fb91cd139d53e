package dev.tasklens.ports.resilience;

import java.time.Duration;

/** Waits; a port so that tests can record waits instead of making them. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits.
     *
     * @param duration how long; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The real thing: {@link Thread#sleep(long)}.
     *
     * @return a sleeper that blocks the thread
     */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
