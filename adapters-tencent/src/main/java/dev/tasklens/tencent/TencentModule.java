package dev.tasklens.tencent;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.domain.SourceId;
import dev.tasklens.ports.source.SourceSettings;
import dev.tasklens.ports.source.TaskSource;
import java.time.Clock;
import java.util.Optional;

/**
 * The Guice module of the Tencent adapters: contributes the MPS and CLS sources to the
 * {@code Set<TaskSource>} multibinding, wired as {@link TencentSources} wires them without Guice.
 * It needs {@link SourceSettings}, {@link HttpTransport}, {@link Clock}, {@link RetryPolicy} and
 * {@link Sleeper} bound by the application (the tasklens client binds them). It is registered in
 * {@code META-INF/services/com.google.inject.Module}, so a client that loads modules with
 * {@link java.util.ServiceLoader} finds it; that no-argument form takes credentials and the CLS
 * region from the application's environment ({@link TencentSettings#fromEnvironment}) and the
 * endpoints from its overrides.
 */
public final class TencentModule extends AbstractModule {

    private final Optional<TencentSettings> settings;

    /** Settings from the application's {@link SourceSettings}, read when the sources are made. */
    public TencentModule() {
        this.settings = Optional.empty();
    }

    /**
     * Explicit settings.
     *
     * @param settings credentials and endpoints
     */
    public TencentModule(TencentSettings settings) {
        this.settings = Optional.of(settings);
    }

    /** The explicit settings, or the application's environment and endpoint overrides. */
    private TencentSettings settings(SourceSettings application) {
        return settings.orElseGet(() -> {
            TencentSettings fromEnvironment = TencentSettings.fromEnvironment(application.environment());
            return new TencentSettings(fromEnvironment.credentials(), application.endpoint(SourceId.TENCENT_MPS),
                    fromEnvironment.clsRegion(), application.endpoint(SourceId.TENCENT_CLS));
        });
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), TaskSource.class);
    }

    @ProvidesIntoSet
    @Singleton
    TaskSource mps(SourceSettings application, HttpTransport transport, Clock clock, RetryPolicy retryPolicy,
            Sleeper sleeper) {
        return TencentSources.mps(settings(application), transport, clock, retryPolicy, sleeper);
    }

    @ProvidesIntoSet
    @Singleton
    TaskSource cls(SourceSettings application, HttpTransport transport, Clock clock, RetryPolicy retryPolicy,
            Sleeper sleeper) {
        return TencentSources.cls(settings(application), transport, clock, retryPolicy, sleeper);
    }
}
