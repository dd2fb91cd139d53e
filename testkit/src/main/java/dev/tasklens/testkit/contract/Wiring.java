package dev.tasklens.testkit.contract;

import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.ports.resilience.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the contract suite decides about the source under test: the clock, the retry policy,
 * whether the credentials are valid, and a sleeper that records waits instead of making them.
 *
 * @param clock the time the source must use
 * @param retryPolicy the retry policy the source must use
 * @param validCredentials false to wire credentials the emulator refuses
 * @param sleeps every wait the source asked for
 */
public record Wiring(Clock clock, RetryPolicy retryPolicy, boolean validCredentials, List<Duration> sleeps) {

    /**
     * Default wiring: valid credentials, a retry policy of four attempts.
     *
     * @param clock the time
     * @return the wiring
     */
    static Wiring of(Clock clock) {
        return new Wiring(clock, RetryPolicy.defaults(), true, new CopyOnWriteArrayList<>());
    }

    Wiring withPolicy(RetryPolicy policy) {
        return new Wiring(clock, policy, validCredentials, sleeps);
    }

    Wiring withInvalidCredentials() {
        return new Wiring(clock, retryPolicy, false, sleeps);
    }

    /**
     * Time as the waits made it: each thread's own sum of the waits it asked for. A call runs on one
     * thread, so its deadline is measured on the waits it made, whatever other calls did meanwhile
     * and however slow the machine is.
     */
    private static final ThreadLocal<long[]> WAITED = ThreadLocal.withInitial(() -> new long[1]);

    /**
     * A sleeper that records the wait and returns at once; the wait counts as time passed for
     * {@link #ticker()}.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            WAITED.get()[0] += duration.toNanos();
        };
    }

    /**
     * Elapsed time made of the recorded waits alone, so that a call's deadline is reached after the
     * same waits on every run.
     *
     * @return the ticker
     */
    public Ticker ticker() {
        return () -> WAITED.get()[0];
    }

    /**
     * The resilience the source must run its requests through: this wiring's policy and clock,
     * the recording sleeper and its ticker, no rate limit, and a fixed jitter so runs replay exactly.
     *
     * @return the resilience
     */
    public Resilience resilience() {
        return Resilience.of(retryPolicy, RateLimiter.unlimited(), new ClockSkew(clock), sleeper(), () -> 0.5,
                ticker());
    }
}
