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
 * {@code Retry-After} replaces the backoff, capped by the policy's {@code maxDelay}.
 *
 * <p>Throttling is normal operation: it is retried until the policy's deadline and does not count
 * against its attempts; it cuts the source's rate ({@link RateLimiter}) and how many of its
 * attempts may be out at once (halved on each throttle, raised by one after as many successes),
 * and both recover step by step on success. Faults (5xx, cut connections, timeouts) are retried up
 * to the policy's attempts. Each attempt is given what is left of the deadline, up to the policy's
 * attempt timeout. When the attempts or the deadline run out, the last error is thrown with a note
 * saying how many attempts were made over how long. Thread-safe.
 */
public final class Resilience {

    private final RetryPolicy policy;
    private final RateLimiter limiter;
    private final ClockSkew skew;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final Ticker ticker;
    private final InFlightLimit inFlight = new InFlightLimit();

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
     * Runs a request, given only the time to sign at; each attempt is bounded by the transport's
     * own timeout, not by the policy's. Sources over HTTP use {@link #run} instead.
     *
     * @param request one attempt, given the time to sign at
     * @param <T> the result type
     * @return the first successful result
     * @throws TaskLensException the first error that is not retryable, or the last one when the
     *     attempts or the deadline run out
     */
    public <T> T call(Function<Instant, T> request) {
        return run(attempt -> request.apply(attempt.signAt()));
    }

    /**
     * Runs a request: each attempt waits for the source's pace, is given the time to sign at and how
     * long it may take, and is retried as the policy says. Throttling replies are retried until the
     * deadline and slow the source down; faults are retried up to the policy's attempts.
     *
     * @param request one attempt
     * @param <T> the result type
     * @return the first successful result
     * @throws TaskLensException the first error that is not retryable, or the last one when the
     *     attempts or the deadline run out
     */
    public <T> T run(Function<Attempt, T> request) {
        boolean skewCorrected = false;
        int attempts = 0;
        int faults = 0;
        int throttles = 0;
        long started = ticker.nanos();
        TaskLensException last = null;
        while (true) {
            limiter.acquire();
            inFlight.enter();
            InFlightLimit.Outcome outcome = InFlightLimit.Outcome.OTHER;
            Duration left = policy.deadline().minus(elapsed(started));
            if (left.isNegative() || left.isZero()) {
                inFlight.leave(outcome);
                throw last != null ? last.withContext(gaveUp(attempts, throttles, elapsed(started))
                        + ", at the retry policy's deadline of " + seconds(policy.deadline()))
                        : new TransportException("waited " + seconds(elapsed(started)) + " for a turn to send,"
                                + " past the retry policy's deadline of " + seconds(policy.deadline()), true);
            }
            Duration wait;
            try {
                attempts++;
                Duration timeout = left.compareTo(policy.attemptTimeout()) < 0 ? left : policy.attemptTimeout();
                T result = request.apply(new Attempt(attempts, skew.now(), timeout));
                outcome = InFlightLimit.Outcome.SUCCEEDED;
                limiter.succeeded();
                return result;
            } catch (AuthenticationException e) {
                if (e.serverTime().isEmpty() || skewCorrected) {
                    throw e;
                }
                // One more attempt at the provider's time; it does not count against the policy.
                skew.correctTo(e.serverTime().get());
                skewCorrected = true;
                continue;
            } catch (TaskLensException e) {
                if (!e.isRetryable()) {
                    throw e;
                }
                boolean throttled = e instanceof ThrottledException;
                if (policy.maxAttempts() == 1) {
                    throw e; // a policy of one attempt retries nothing, throttling included
                }
                if (throttled) {
                    outcome = InFlightLimit.Outcome.THROTTLED;
                    limiter.throttled();
                    throttles++;
                } else if (++faults >= policy.maxAttempts()) {
                    throw attempts == 1 ? e : e.withContext(gaveUp(attempts, throttles, elapsed(started)));
                }
                int retry = throttled ? throttles - 1 : faults - 1;
                Optional<Duration> asked = throttled ? ((ThrottledException) e).retryAfter() : Optional.empty();
                if (asked.isPresent() && asked.get().compareTo(policy.maxDelay()) > 0) {
                    throw e.withContext("the provider asks to wait " + seconds(asked.get()) + ", longer than the"
                            + " retry policy's maximum wait of " + seconds(policy.maxDelay())
                            + "; retry later or raise the policy's maxDelay");
                }
                wait = asked.orElseGet(() -> policy.backoff(retry, random));
                Duration elapsed = elapsed(started);
                if (elapsed.plus(wait).compareTo(policy.deadline()) >= 0) {
                    throw e.withContext(gaveUp(attempts, throttles, elapsed) + ", at the retry policy's deadline of "
                            + seconds(policy.deadline()));
                }
                last = e;
            } finally {
                inFlight.leave(outcome);
            }
            pause(wait);
        }
    }

    /**
     * How many attempts of this source may be out at once now; it falls when the provider
     * throttles and grows back on success.
     *
     * @return the limit, {@link Integer#MAX_VALUE} when unbounded
     */
    public int attemptsAtOnce() {
        return inFlight.limit();
    }

    private Duration elapsed(long started) {
        return Duration.ofNanos(ticker.nanos() - started);
    }

    private static String gaveUp(int attempts, int throttles, Duration elapsed) {
        return "gave up after " + attempts + " attempts" + (throttles == 0 ? "" : " (" + throttles + " throttled)")
                + " over " + seconds(elapsed);
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
