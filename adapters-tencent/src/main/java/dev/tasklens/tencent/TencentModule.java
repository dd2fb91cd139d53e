package dev.tasklens.tencent;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.domain.SourceId;
import dev.tasklens.tencent.credentials.TencentCredentials;
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
 * {@link java.util.ServiceLoader} finds it; that no-argument form finds credentials through the
 * Tencent chain ({@link TencentCredentials#defaultChain}: environment, profile file, instance role,
 * TKE web identity), takes the CLS region from the environment and the endpoints from the
 * application's overrides.
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

    /**
     * The explicit settings, or the application's: credentials from the Tencent chain (a chain per
     * source, read when the source first needs them), the CLS region from the environment, the
     * endpoints from its overrides.
     */
    private TencentSettings settings(SourceSettings application, SourceId source, HttpTransport transport,
            Clock clock) {
        return settings.orElseGet(() -> {
            TencentSettings fromEnvironment = TencentSettings.fromEnvironment(application.environment());
            return new TencentSettings(TencentCredentials.defaultChain(source, application, transport, clock),
                    application.endpoint(SourceId.TENCENT_MPS), fromEnvironment.clsRegion(),
                    application.endpoint(SourceId.TENCENT_CLS));
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
        return TencentSources.mps(settings(application, SourceId.TENCENT_MPS, transport, clock), transport, clock, retryPolicy, sleeper);
    }

    @ProvidesIntoSet
    @Singleton
    TaskSource cls(SourceSettings application, HttpTransport transport, Clock clock, RetryPolicy retryPolicy,
            Sleeper sleeper) {
        return TencentSources.cls(settings(application, SourceId.TENCENT_CLS, transport, clock), transport, clock, retryPolicy, sleeper);
    }
}
