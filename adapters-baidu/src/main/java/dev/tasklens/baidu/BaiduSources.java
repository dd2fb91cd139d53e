package dev.tasklens.baidu;

import dev.tasklens.baidu.vod.VodTaskSource;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.ports.resilience.Ticker;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** The Baidu source wired without Guice, exactly as {@link BaiduModule} wires it. */
public final class BaiduSources {

    private BaiduSources() {
    }

    /**
     * The VOD task-list source (the API documents no rate limit).
     *
     * @param settings credentials, region and endpoint
     * @param transport the HTTP transport
     * @param clock the time
     * @param retryPolicy the retry policy
     * @param sleeper how to wait between attempts
     * @return the source
     */
    public static VodTaskSource vod(BaiduSettings settings, HttpTransport transport, Clock clock,
            RetryPolicy retryPolicy, Sleeper sleeper) {
        VodTaskSource.Builder vod = VodTaskSource.builder()
                .credentials(settings.credentials())
                .transport(transport)
                .clock(clock)
                .resilience(Resilience.of(retryPolicy, RateLimiter.adaptive(Ticker.system(), sleeper),
                        new ClockSkew(clock), sleeper, () -> ThreadLocalRandom.current().nextDouble()));
        settings.region().ifPresent(vod::region);
        settings.vodEndpoint().ifPresent(vod::endpoint);
        return vod.build();
    }
}
