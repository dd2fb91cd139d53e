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
 *
 * <p>The rate adapts to throttling the way the AWS SDKs' adaptive retry mode does (a CUBIC
 * controller, RFC 8312 §4.1): the rate actually sent is measured in half-second buckets; a
 * throttling reply cuts the allowed rate to 0.7 of it (never below 0.5 requests per second), and
 * each success lets the rate grow back along the cubic curve {@code 0.4 (t - K)^3 + W_max}, but
 * never past twice the measured rate nor past the limit this limiter was made with, which is the
 * provider's documented rate. A limiter made {@link #adaptive} has no limit until the first
 * throttling reply. Thread-safe.
 */
public final class RateLimiter {

    private static final double BETA = 0.7;
    private static final double SCALE = 0.4;
    private static final double MIN_RATE = 0.5;
    private static final double SMOOTHING = 0.8;
    private static final double BUCKET_SECONDS = 0.5;

    private final double maxRate;
    private final boolean adapts;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private double rate;
    private double tokens;
    private long lastNanos;
    // What is actually sent, measured per half-second bucket.
    private long bucket;
    private int sentInBucket;
    private double measuredRate;
    // The cubic curve since the last throttle.
    private boolean cut;
    private double rateAtThrottle;
    private long throttledAtNanos;
    private double recoverySeconds;

    private RateLimiter(double maxRate, boolean adapts, Ticker ticker, Sleeper sleeper) {
        this.maxRate = maxRate;
        this.adapts = adapts;
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.rate = maxRate;
        this.tokens = 1;
        this.lastNanos = ticker.nanos();
        this.bucket = bucketOf(lastNanos);
    }

    /**
     * A limiter at a provider's documented rate, on the system's monotonic time.
     *
     * @param requestsPerSecond the rate, positive
     * @return the limiter
     * @throws IllegalArgumentException if the rate is not positive
     */
    public static RateLimiter perSecond(double requestsPerSecond) {
        return perSecond(requestsPerSecond, Ticker.system(), Sleeper.system());
    }

    /**
     * A limiter at a provider's documented rate.
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
        return new RateLimiter(requestsPerSecond, true, Objects.requireNonNull(ticker, "ticker"),
                Objects.requireNonNull(sleeper, "sleeper"));
    }

    /**
     * A limiter for a provider that documents no rate: it lets everything through until the
     * provider throttles, then adapts.
     *
     * @param ticker the elapsed time
     * @param sleeper how to wait
     * @return the limiter
     */
    public static RateLimiter adaptive(Ticker ticker, Sleeper sleeper) {
        return new RateLimiter(Double.POSITIVE_INFINITY, true, Objects.requireNonNull(ticker, "ticker"),
                Objects.requireNonNull(sleeper, "sleeper"));
    }

    /**
     * A limiter that never waits and never adapts, for callers that pace themselves.
     *
     * @return the limiter
     */
    public static RateLimiter unlimited() {
        return new RateLimiter(Double.POSITIVE_INFINITY, false, () -> 0L, duration -> { });
    }

    /**
     * Takes one request's turn, waiting until it comes.
     *
     * @throws TransportException if interrupted while waiting
     */
    public void acquire() {
        if (!adapts) {
            return;
        }
        Duration wait;
        synchronized (this) {
            long now = ticker.nanos();
            measure(now);
            if (Double.isInfinite(rate)) {
                return;
            }
            refill(now);
            tokens -= 1;
            wait = tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens / rate * 1e9));
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

    /**
     * The rate allowed now.
     *
     * @return requests per second; infinite when nothing limits them
     */
    public synchronized double currentRate() {
        return rate;
    }

    /** The provider throttled a request: cut the rate. */
    synchronized void throttled() {
        if (!adapts) {
            return;
        }
        long now = ticker.nanos();
        refill(now);
        double sent = cut ? Math.min(measuredRate, rate) : measuredRate;
        rateAtThrottle = sent;
        throttledAtNanos = now;
        recoverySeconds = Math.cbrt(rateAtThrottle * (1 - BETA) / SCALE);
        cut = true;
        setRate(Math.min(sent * BETA, 2 * measuredRate));
    }

    /** A request succeeded: let the rate grow back along the cubic curve. */
    synchronized void succeeded() {
        if (!adapts || !cut) {
            return;
        }
        long now = ticker.nanos();
        refill(now);
        double t = (now - throttledAtNanos) / 1e9 - recoverySeconds;
        setRate(Math.min(SCALE * t * t * t + rateAtThrottle, 2 * measuredRate));
    }

    private void setRate(double value) {
        rate = Math.min(maxRate, Math.max(MIN_RATE, value));
    }

    private void measure(long now) {
        sentInBucket++;
        long current = bucketOf(now);
        if (current > bucket) {
            double seconds = (current - bucket) * BUCKET_SECONDS;
            measuredRate = sentInBucket / seconds * SMOOTHING + measuredRate * (1 - SMOOTHING);
            sentInBucket = 0;
            bucket = current;
        }
    }

    private static long bucketOf(long nanos) {
        return Math.floorDiv(nanos, (long) (BUCKET_SECONDS * 1e9));
    }

    private void refill(long now) {
        if (!Double.isInfinite(rate)) {
            tokens = Math.min(1, tokens + Math.max(0, now - lastNanos) / 1e9 * rate);
        }
        lastNanos = now;
    }
}
