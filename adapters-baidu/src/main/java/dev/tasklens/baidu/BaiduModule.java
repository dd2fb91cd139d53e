package dev.tasklens.baidu;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.ports.source.SourceSettings;
import dev.tasklens.ports.source.TaskSource;
import java.time.Clock;
import java.util.Optional;

/**
 * The Guice module of the Baidu adapter: contributes the VOD source to the {@code Set<TaskSource>}
 * multibinding, wired as {@link BaiduSources} wires it without Guice. Registered in
 * {@code META-INF/services/com.google.inject.Module}; the no-argument form reads credentials and
 * region from the application's environment ({@link BaiduSettings#fromEnvironment}) and the
 * endpoint from its overrides.
 */
public final class BaiduModule extends AbstractModule {

    private final Optional<BaiduSettings> settings;

    /** Settings from the application's {@link SourceSettings}, read when the source is made. */
    public BaiduModule() {
        this.settings = Optional.empty();
    }

    /**
     * Explicit settings.
     *
     * @param settings credentials, region and endpoint
     */
    public BaiduModule(BaiduSettings settings) {
        this.settings = Optional.of(settings);
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), TaskSource.class);
    }

    @ProvidesIntoSet
    @Singleton
    TaskSource vod(SourceSettings application, HttpTransport transport, Clock clock, RetryPolicy retryPolicy,
            Sleeper sleeper) {
        BaiduSettings chosen = settings.orElseGet(() -> {
            BaiduSettings fromEnvironment = BaiduSettings.fromEnvironment(application.environment());
            return new BaiduSettings(fromEnvironment.credentials(), fromEnvironment.region(),
                    application.endpoint(SourceId.BAIDU_VOD));
        });
        return BaiduSources.vod(chosen, transport, clock, retryPolicy, sleeper);
    }
}
