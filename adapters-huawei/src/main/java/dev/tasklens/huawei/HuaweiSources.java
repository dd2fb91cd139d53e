package dev.tasklens.huawei;

import dev.tasklens.huawei.ies.IesTaskSource;
import dev.tasklens.huawei.koodrive.KooDriveTaskSource;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.ports.resilience.Ticker;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/** The Huawei sources wired without Guice, exactly as {@link HuaweiModule} wires them. */
public final class HuaweiSources {

    private HuaweiSources() {
    }

    /**
     * The MetaStudio import/export task source (limits are the gateway's throttling policies, none
     * documented for this API).
     *
     * @param settings credentials, project, region and endpoint
     * @param transport the HTTP transport
     * @param clock the time
     * @param retryPolicy the retry policy
     * @param sleeper how to wait between attempts
     * @return the source
     */
    public static IesTaskSource ies(HuaweiSettings settings, HttpTransport transport, Clock clock,
            RetryPolicy retryPolicy, Sleeper sleeper) {
        IesTaskSource.Builder ies = IesTaskSource.builder()
                .credentials(settings.credentials())
                .transport(transport)
                .clock(clock)
                .resilience(resilience(clock, retryPolicy, sleeper));
        settings.iamToken().ifPresent(ies::iamToken);
        settings.projectId().ifPresent(ies::projectId);
        settings.region().ifPresent(ies::region);
        settings.iesEndpoint().ifPresent(ies::endpoint);
        return ies.build();
    }

    /**
     * The KooDrive task source.
     *
     * @param settings the access token, user id, site and endpoint
     * @param transport the HTTP transport
     * @param clock the time
     * @param retryPolicy the retry policy
     * @param sleeper how to wait between attempts
     * @return the source
     */
    public static KooDriveTaskSource kooDrive(HuaweiSettings settings, HttpTransport transport, Clock clock,
            RetryPolicy retryPolicy, Sleeper sleeper) {
        KooDriveTaskSource.Builder kooDrive = KooDriveTaskSource.builder()
                .credentials(settings.kooDriveToken(), settings.kooDriveUserId())
                .transport(transport)
                .clock(clock)
                .resilience(resilience(clock, retryPolicy, sleeper));
        if (settings.kooDriveToken().isEmpty()) {
            settings.kooDriveTokenFile().ifPresent(kooDrive::tokenFile);
        }
        settings.kooDriveSite().ifPresent(kooDrive::site);
        settings.kooDriveEndpoint().ifPresent(kooDrive::endpoint);
        return kooDrive.build();
    }

    private static Resilience resilience(Clock clock, RetryPolicy retryPolicy, Sleeper sleeper) {
        return Resilience.of(retryPolicy, RateLimiter.adaptive(Ticker.system(), sleeper), new ClockSkew(clock),
                sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }
}
