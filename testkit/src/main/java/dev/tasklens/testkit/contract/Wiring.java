package dev.tasklens.testkit.contract;

import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
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
     * A sleeper that records the wait and returns at once.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeps::add;
    }

    /**
     * The resilience the source must run its requests through: this wiring's policy and clock,
     * the recording sleeper, no rate limit, and a fixed jitter so runs replay exactly.
     *
     * @return the resilience
     */
    public Resilience resilience() {
        return Resilience.of(retryPolicy, RateLimiter.unlimited(), new ClockSkew(clock), sleeper(), () -> 0.5);
    }
}
