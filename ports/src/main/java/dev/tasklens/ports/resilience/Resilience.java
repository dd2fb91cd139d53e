package dev.tasklens.ports.resilience;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.domain.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Runs one provider request with the rate limit, the retry policy and clock-skew correction.
 * The request is given the time to sign at, so a retry after a clock-skew refusal is signed at
 * the provider's time. What is retried is decided by the typed error alone
 * ({@link TaskLensException#isRetryable()}); a {@link ThrottledException}'s {@code Retry-After}
 * replaces the backoff. When the attempts run out, the last error is thrown as it was.
 * Thread-safe.
 */
public final class Resilience {

    private final RetryPolicy policy;
    private final RateLimiter limiter;
    private final ClockSkew skew;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    private Resilience(RetryPolicy policy, RateLimiter limiter, ClockSkew skew, Sleeper sleeper,
            DoubleSupplier random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.skew = Objects.requireNonNull(skew, "skew");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Resilience for one source.
     *
     * @param policy the retry policy
     * @param limiter the source's rate limiter
     * @param skew the source's clock skew
     * @param sleeper how to wait between attempts
     * @param random uniform numbers in {@code [0, 1)} for the jitter
     * @return the resilience
     */
    public static Resilience of(RetryPolicy policy, RateLimiter limiter, ClockSkew skew, Sleeper sleeper,
            DoubleSupplier random) {
        return new Resilience(policy, limiter, skew, sleeper, random);
    }

    /**
     * Runs a request.
     *
     * @param request one attempt, given the time to sign at
     * @param <T> the result type
     * @return the first successful result
     * @throws TaskLensException the first error that is not retryable, or the last one when the
     *     attempts run out
     */
    public <T> T call(Function<Instant, T> request) {
        boolean skewCorrected = false;
        int attempt = 0;
        while (true) {
            limiter.acquire();
            try {
                return request.apply(skew.now());
            } catch (AuthenticationException e) {
                if (e.serverTime().isEmpty() || skewCorrected) {
                    throw e;
                }
                // One more attempt at the provider's time; it does not count against the policy.
                skew.correctTo(e.serverTime().get());
                skewCorrected = true;
            } catch (TaskLensException e) {
                attempt++;
                if (!e.isRetryable() || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                Duration wait = e instanceof ThrottledException throttled && throttled.retryAfter().isPresent()
                        ? throttled.retryAfter().get()
                        : policy.backoff(attempt - 1, random);
                pause(wait);
            }
        }
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting to retry", e, false);
        }
    }
}
