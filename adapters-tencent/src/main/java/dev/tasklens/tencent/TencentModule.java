package dev.tasklens.tencent;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.ports.source.TaskSource;
import java.time.Clock;
import java.util.Optional;

/**
 * The Guice module of the Tencent adapters: contributes the MPS and CLS sources to the
 * {@code Set<TaskSource>} multibinding, wired as {@link TencentSources} wires them without Guice.
 * It needs {@link HttpTransport}, {@link Clock}, {@link RetryPolicy} and {@link Sleeper} bound by
 * the application (the tasklens client binds them). It is registered in
 * {@code META-INF/services/com.google.inject.Module}, so a client that loads modules with
 * {@link java.util.ServiceLoader} finds it; that no-argument form reads the settings from the
 * environment ({@link TencentSettings#fromEnvironment}).
 */
public final class TencentModule extends AbstractModule {

    private final Optional<TencentSettings> settings;

    /** Settings from the environment, read when the sources are made. */
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

    private TencentSettings settings() {
        return settings.orElseGet(() -> TencentSettings.fromEnvironment(System.getenv()));
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), TaskSource.class);
    }

    @ProvidesIntoSet
    @Singleton
    TaskSource mps(HttpTransport transport, Clock clock, RetryPolicy retryPolicy, Sleeper sleeper) {
        return TencentSources.mps(settings(), transport, clock, retryPolicy, sleeper);
    }

    @ProvidesIntoSet
    @Singleton
    TaskSource cls(HttpTransport transport, Clock clock, RetryPolicy retryPolicy, Sleeper sleeper) {
        return TencentSources.cls(settings(), transport, clock, retryPolicy, sleeper);
    }
}
