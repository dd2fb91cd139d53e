package dev.tasklens.ports.resilience;

import dev.tasklens.domain.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket per source, so that a program listing many pages stays under the provider's
 * request rate instead of tripping its throttling (MPS {@code DescribeTasks} documents 100
 * requests per second, seed 001: "默认接口请求频率限制：100次/秒"). The bucket holds one second's
 * worth of requests. Thread-safe.
 */
public final class RateLimiter {

    private final double perSecond;
    private final Clock clock;
    private final Sleeper sleeper;
    private double tokens;
    private long lastNanos;

    private RateLimiter(double perSecond, Clock clock, Sleeper sleeper) {
        this.perSecond = perSecond;
        this.clock = clock;
        this.sleeper = sleeper;
        this.tokens = perSecond;
        this.lastNanos = nanos();
    }

    /**
     * A limiter.
     *
     * @param requestsPerSecond the sustained rate, positive
     * @param clock the time
     * @param sleeper how to wait
     * @return the limiter, full
     * @throws IllegalArgumentException if the rate is not positive
     */
    public static RateLimiter perSecond(double requestsPerSecond, Clock clock, Sleeper sleeper) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("a rate limit must be positive, got " + requestsPerSecond);
        }
        return new RateLimiter(requestsPerSecond, Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(sleeper, "sleeper"));
    }

    /**
     * A limiter that never waits.
     *
     * @return the limiter
     */
    public static RateLimiter unlimited() {
        return new RateLimiter(Double.POSITIVE_INFINITY, Clock.systemUTC(), duration -> { });
    }

    /**
     * Takes one request's token, waiting until one is available.
     *
     * @throws TransportException if interrupted while waiting
     */
    public void acquire() {
        if (Double.isInfinite(perSecond)) {
            return;
        }
        Duration wait;
        synchronized (this) {
            refill();
            tokens -= 1;
            wait = tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens / perSecond * 1e9));
        }
        if (!wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted while waiting for the rate limit", e, false);
            }
        }
    }

    private void refill() {
        long now = nanos();
        tokens = Math.min(perSecond, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
    }

    private long nanos() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
