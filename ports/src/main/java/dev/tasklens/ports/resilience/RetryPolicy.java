package dev.tasklens.ports.resilience;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How often, how long apart and for how long to retry a request whose failure is retryable
 * ({@link dev.tasklens.domain.TaskLensException#isRetryable()}): throttling, HTTP 429/502/503/504
 * and connection failures; never authentication errors, invalid queries or other 4xx.
 *
 * <p>Two kinds of retryable failure are told apart. A <em>fault</em> (a 5xx reply, a cut
 * connection, an attempt that timed out) counts against {@code maxAttempts}: a server that keeps
 * failing is given up on. A <em>throttling</em> reply does not count: it is the provider's normal
 * way of pacing a busy client, so it is retried for as long as the call's {@code deadline} allows.
 *
 * <p>Waits use exponential backoff with full jitter: before retry {@code n} (from 0), a uniformly
 * random time in {@code [0, min(maxDelay, baseDelay * 2^n))}. A provider's {@code Retry-After}
 * replaces that wait when it is given, and is capped by {@code maxDelay}: a provider that asks for
 * a longer wait fails the call with its {@link dev.tasklens.domain.ThrottledException} at once.
 *
 * <p>Time is bounded twice: each attempt may take at most {@code attemptTimeout} (connection,
 * headers and body together), and the call, all its attempts and waits together, at most {@code
 * deadline}; an attempt is given only the time the deadline leaves it. With the defaults (15 s per
 * attempt, 50 s per call) a server that stalls fails a call within 50 s.
 *
 * @param maxAttempts how many attempts in all when each one ends in a fault, at least 1 (1 means
 *     no retry at all, throttling included)
 * @param baseDelay the first backoff's upper bound
 * @param maxDelay the cap on any backoff and on a provider's {@code Retry-After}
 * @param deadline how long one call may take, all its attempts and waits together
 * @param attemptTimeout how long one attempt may take
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline,
        Duration attemptTimeout) {

    /** How long one call may take unless a policy says otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(50);

    /** How long one attempt may take unless a policy says otherwise. */
    public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Checks the parts.
     *
     * @param maxAttempts see the record component
     * @param baseDelay see the record component
     * @param maxDelay see the record component
     * @param deadline see the record component
     * @param attemptTimeout see the record component
     * @throws IllegalArgumentException if attempts are below 1, a delay is negative, or the deadline
     *     or the attempt timeout is not positive
     */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(attemptTimeout, "attemptTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs at least 1 attempt, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays cannot be negative");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a retry deadline must be positive, got " + deadline);
        }
        if (attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("an attempt timeout must be positive, got " + attemptTimeout);
        }
    }

    /**
     * A policy with the given deadline per call; an attempt may take up to the default attempt
     * timeout, or the whole deadline when that is shorter.
     *
     * @param maxAttempts how many attempts in all when each ends in a fault, at least 1
     * @param baseDelay the first backoff's upper bound
     * @param maxDelay the cap on any backoff and on a provider's {@code Retry-After}
     * @param deadline how long one call may take
     */
    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration deadline) {
        this(maxAttempts, baseDelay, maxDelay, deadline, shorter(DEFAULT_ATTEMPT_TIMEOUT, deadline));
    }

    /**
     * A policy with the default bounds: 15 s per attempt, 50 s per call.
     *
     * @param maxAttempts how many attempts in all when each ends in a fault, at least 1
     * @param baseDelay the first backoff's upper bound
     * @param maxDelay the cap on any backoff and on a provider's {@code Retry-After}
     */
    public RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        this(maxAttempts, baseDelay, maxDelay, DEFAULT_DEADLINE, DEFAULT_ATTEMPT_TIMEOUT);
    }

    /**
     * The default: 4 attempts against faults, backoff from 200 ms capped at 10 s, 15 s per attempt
     * and 50 s per call.
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
     * This policy with another bound per call; the attempt timeout is kept, or shortened to the
     * deadline.
     *
     * @param value how long one call may take, positive
     * @return the policy
     * @throws IllegalArgumentException if the value is not positive
     */
    public RetryPolicy withDeadline(Duration value) {
        Objects.requireNonNull(value, "deadline");
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, value,
                value.isNegative() || value.isZero() ? attemptTimeout : shorter(attemptTimeout, value));
    }

    /**
     * This policy with another bound per attempt.
     *
     * @param value how long one attempt may take, positive
     * @return the policy
     * @throws IllegalArgumentException if the value is not positive
     */
    public RetryPolicy withAttemptTimeout(Duration value) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, deadline, value);
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

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
