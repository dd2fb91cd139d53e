package dev.tasklens.ports.resilience;

import dev.tasklens.domain.TransportException;
import java.time.Duration;
import java.util.Objects;

/**
 * Paces requests per source, so that a program listing many pages stays under the provider's
 * request rate instead of tripping its throttling (MPS {@code DescribeTasks} documents 100
 * requests per second, seed 001: "默认接口请求频率限制：100次/秒"). Requests are spaced evenly: the
 * bucket holds one request, so no one-second window ever sees more than the rate, and the first
 * request of a listing does not wait. Time is read from a {@link Ticker}, never the wall clock.
 * Thread-safe.
 */
public final class RateLimiter {

    private final double perSecond;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private double tokens;
    private long lastNanos;

    private RateLimiter(double perSecond, Ticker ticker, Sleeper sleeper) {
        this.perSecond = perSecond;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.tokens = 1;
        this.lastNanos = ticker.nanos();
    }

    /**
     * A limiter on the system's monotonic time.
     *
     * @param requestsPerSecond the rate, positive
     * @return the limiter
     * @throws IllegalArgumentException if the rate is not positive
     */
    public static RateLimiter perSecond(double requestsPerSecond) {
        return perSecond(requestsPerSecond, Ticker.system(), Sleeper.system());
    }

    /**
     * A limiter.
     *
     * @param requestsPerSecond the rate, positive
     * @param ticker the elapsed time
     * @param sleeper how to wait
     * @return the limiter
     * @throws IllegalArgumentException if the rate is not positive
     */
    public static RateLimiter perSecond(double requestsPerSecond, Ticker ticker, Sleeper sleeper) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("a rate limit must be positive, got " + requestsPerSecond);
        }
        return new RateLimiter(requestsPerSecond, Objects.requireNonNull(ticker, "ticker"),
                Objects.requireNonNull(sleeper, "sleeper"));
    }

    /**
     * A limiter that never waits.
     *
     * @return the limiter
     */
    public static RateLimiter unlimited() {
        return new RateLimiter(Double.POSITIVE_INFINITY, () -> 0L, duration -> { });
    }

    /**
     * Takes one request's turn, waiting until it comes.
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
        long now = ticker.nanos();
        tokens = Math.min(1, tokens + Math.max(0, now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
    }
}
