package dev.tasklens.tencent;

import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.ports.resilience.Ticker;
import dev.tasklens.ports.source.TaskSource;
import dev.tasklens.tencent.cls.ClsTaskSource;
import dev.tasklens.tencent.mps.MpsTaskSource;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Tencent sources wired without Guice: the same as {@link TencentModule} does, for programs
 * that use no dependency injection. Each source gets its own rate limiter and clock skew.
 */
public final class TencentSources {

    private TencentSources() {
    }

    /**
     * The MPS and CLS sources.
     *
     * @param settings credentials and endpoints
     * @param transport the HTTP transport
     * @param clock the time
     * @param retryPolicy the retry policy
     * @param sleeper how to wait between attempts
     * @return the two sources
     */
    public static List<TaskSource> create(TencentSettings settings, HttpTransport transport, Clock clock,
            RetryPolicy retryPolicy, Sleeper sleeper) {
        return List.of(mps(settings, transport, clock, retryPolicy, sleeper),
                cls(settings, transport, clock, retryPolicy, sleeper));
    }

    /**
     * The MPS source, limited to the 100 requests per second MPS documents.
     *
     * @param settings credentials and endpoints
     * @param transport the HTTP transport
     * @param clock the time
     * @param retryPolicy the retry policy
     * @param sleeper how to wait between attempts
     * @return the source
     */
    public static MpsTaskSource mps(TencentSettings settings, HttpTransport transport, Clock clock,
            RetryPolicy retryPolicy, Sleeper sleeper) {
        MpsTaskSource.Builder mps = MpsTaskSource.builder()
                .credentials(settings.credentials())
                .transport(transport)
                .clock(clock)
                .resilience(resilience(RateLimiter.perSecond(MpsTaskSource.REQUESTS_PER_SECOND, Ticker.system(), sleeper),
                        clock, retryPolicy, sleeper));
        settings.mpsEndpoint().ifPresent(mps::endpoint);
        return mps.build();
    }

    /**
     * The CLS source: its legacy API documents no rate limit, so it is paced only once it throttles.
     *
     * @param settings credentials, region and endpoint
     * @param transport the HTTP transport
     * @param clock the time
     * @param retryPolicy the retry policy
     * @param sleeper how to wait between attempts
     * @return the source
     */
    public static ClsTaskSource cls(TencentSettings settings, HttpTransport transport, Clock clock,
            RetryPolicy retryPolicy, Sleeper sleeper) {
        ClsTaskSource.Builder cls = ClsTaskSource.builder()
                .credentials(settings.credentials())
                .transport(transport)
                .clock(clock)
                .resilience(resilience(RateLimiter.adaptive(Ticker.system(), sleeper), clock, retryPolicy, sleeper));
        settings.clsRegion().ifPresent(cls::region);
        settings.clsEndpoint().ifPresent(cls::endpoint);
        return cls.build();
    }

    private static Resilience resilience(RateLimiter limiter, Clock clock, RetryPolicy policy, Sleeper sleeper) {
        return Resilience.of(policy, limiter, new ClockSkew(clock), sleeper,
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
