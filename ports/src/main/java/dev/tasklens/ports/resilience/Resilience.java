package dev.tasklens.ports.resilience;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.domain.TransportException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Runs one provider request with the rate limit, the retry policy and clock-skew correction.
 * The request is given the time to sign at, so a retry after a clock-skew refusal is signed at
 * the provider's time. What is retried is decided by the typed error alone
 * ({@link TaskLensException#isRetryable()}): throttling, server errors and connection failures,
 * never a malformed reply, which would only come again. A {@link ThrottledException}'s
 * {@code Retry-After} replaces the backoff, capped by the policy's {@code maxDelay}. When the
 * attempts or the policy's deadline run out, the last error is thrown with a note saying how many
 * attempts were made over how long. Thread-safe.
 */
public final class Resilience {

    private final RetryPolicy policy;
    private final RateLimiter limiter;
    private final ClockSkew skew;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Ticker ticker;

    private Resilience(RetryPolicy policy, RateLimiter limiter, ClockSkew skew, Sleeper sleeper,
            DoubleSupplier random, Ticker ticker) {
        this.ticker = Objects.requireNonNull(ticker, "ticker");
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
        return new Resilience(policy, limiter, skew, sleeper, random, Ticker.system());
    }

    /**
     * Resilience for one source, with the time its deadline is measured on.
     *
     * @param policy the retry policy
     * @param limiter the source's rate limiter
     * @param skew the source's clock-skew correction
     * @param sleeper how to wait between attempts
     * @param random jitter, uniform in [0, 1)
     * @param ticker the elapsed time the policy's deadline is measured on
     * @return the resilience
     */
    public static Resilience of(RetryPolicy policy, RateLimiter limiter, ClockSkew skew, Sleeper sleeper,
            DoubleSupplier random, Ticker ticker) {
        return new Resilience(policy, limiter, skew, sleeper, random, ticker);
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
        long started = ticker.nanos();
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
                if (!e.isRetryable()) {
                    throw e;
                }
                Duration elapsed = Duration.ofNanos(ticker.nanos() - started);
                if (attempt >= policy.maxAttempts()) {
                    throw attempt == 1 ? e : e.withContext(gaveUp(attempt, elapsed));
                }
                Optional<Duration> asked = e instanceof ThrottledException throttled ? throttled.retryAfter()
                        : Optional.empty();
                if (asked.isPresent() && asked.get().compareTo(policy.maxDelay()) > 0) {
                    throw e.withContext("the provider asks to wait " + seconds(asked.get()) + ", longer than the"
                            + " retry policy's maximum wait of " + seconds(policy.maxDelay())
                            + "; retry later or raise the policy's maxDelay");
                }
                Duration wait = asked.isPresent() ? asked.get() : policy.backoff(attempt - 1, random);
                if (elapsed.plus(wait).compareTo(policy.deadline()) > 0) {
                    throw e.withContext(gaveUp(attempt, elapsed) + ", at the retry policy's deadline of "
                            + seconds(policy.deadline()));
                }
                pause(wait);
            }
        }
    }

    private static String gaveUp(int attempts, Duration elapsed) {
        return "gave up after " + attempts + " attempts over " + seconds(elapsed);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() < 10_000
                ? String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0)
                : duration.toSeconds() + " s";
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
