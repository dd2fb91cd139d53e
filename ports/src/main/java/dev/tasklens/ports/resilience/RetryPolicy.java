package dev.tasklens.ports.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How often and how long apart to retry a request whose failure is retryable
 * ({@link dev.tasklens.domain.TaskLensException#isRetryable()}): throttling, HTTP 429/502/503/504
 * and connection failures; never authentication errors, invalid queries or other 4xx.
 *
 * <p>Waits use exponential backoff with full jitter: before retry {@code n} (from 0), a uniformly
 * random time in {@code [0, min(maxDelay, baseDelay * 2^n))}. A provider's {@code Retry-After}
 * replaces that wait when it is given, and is capped by {@code maxDelay}: a provider that asks for
 * a longer wait fails the call with its {@link dev.tasklens.domain.ThrottledException} at once.
 * No retry starts once {@code deadline} has passed since the call's first attempt.
 *
 * @param maxAttempts how many attempts in all, at least 1 (1 means no retry)
 * @param baseDelay the first backoff's upper bound
 * @param maxDelay the cap on any backoff and on a provider's {@code Retry-After}
 * @param deadline how long one call may take, all its attempts and waits together
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {

    /** How long one call may take unless a policy says otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);

    /**
     * Checks the parts.
     *
     * @param maxAttempts see the record component
     * @param baseDelay see the record component
     * @param maxDelay see the record component
     * @param deadline see the record component
     * @throws IllegalArgumentException if attempts are below 1, a delay is negative or the deadline
     *     is not positive
     */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(deadline, "deadline");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs at least 1 attempt, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays cannot be negative");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a retry deadline must be positive, got " + deadline);
        }
    }

    /**
     * A policy with the default deadline of two minutes per call.
     *
     * @param maxAttempts how many attempts in all, at least 1
     * @param baseDelay the first backoff's upper bound
     * @param maxDelay the cap on any backoff and on a provider's {@code Retry-After}
     */
    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this(maxAttempts, baseDelay, maxDelay, DEFAULT_DEADLINE);
    }

    /**
     * The default: 4 attempts, backoff from 200 ms, capped at 10 s.
     *
     * @return the policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    /**
     * No retries: every failure reaches the caller at once.
     *
     * @return the policy
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait before a retry.
     *
     * @param retry which retry, from 0
     * @param random a uniform random number in {@code [0, 1)}
     * @return the wait
     */
    public Duration backoff(int retry, DoubleSupplier random) {
        long base = baseDelay.toNanos();
        long cap = maxDelay.toNanos();
        long bound = retry >= 62 || base > (cap >> Math.min(retry, 62)) ? cap : Math.min(cap, base << retry);
        return Duration.ofNanos((long) (random.getAsDouble() * bound));
    }
}
