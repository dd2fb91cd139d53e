package dev.tasklens.huawei;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.tasklens.domain.SourceId;
import dev.tasklens.huawei.credentials.HuaweiCredentials;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.ports.source.SourceSettings;
import dev.tasklens.ports.source.TaskSource;
import java.time.Clock;
import java.util.Optional;

/**
 * The Guice module of the Huawei adapters: contributes the MetaStudio and KooDrive sources to the
 * {@code Set<TaskSource>} multibinding, wired as {@link HuaweiSources} wires them without Guice.
 * Registered in {@code META-INF/services/com.google.inject.Module}; the no-argument form reads the
 * settings from the application's environment ({@link HuaweiSettings#fromEnvironment}) and the
 * endpoints from its overrides.
 */
public final class HuaweiModule extends AbstractModule {

    private final Optional<HuaweiSettings> settings;

    /** Settings from the application's {@link SourceSettings}, read when the sources are made. */
    public HuaweiModule() {
        this.settings = Optional.empty();
    }

    /**
     * Explicit settings.
     *
     * @param settings credentials, projects and endpoints
     */
    public HuaweiModule(HuaweiSettings settings) {
        this.settings = Optional.of(settings);
    }

    /**
     * The explicit settings, or the application's: for MetaStudio, credentials from the Huawei
     * chain (read when the source first needs them) unless an IAM token is set, which then stands
     * in for a key pair found in the environment only, as before.
     */
    private HuaweiSettings settings(SourceSettings application, Clock clock) {
        return settings.orElseGet(() -> {
            HuaweiSettings fromEnvironment = HuaweiSettings.fromEnvironment(application.environment())
                    .withEndpoints(application.endpoint(SourceId.HUAWEI_IES),
                            application.endpoint(SourceId.HUAWEI_KOODRIVE));
            return fromEnvironment.iamToken().isPresent() ? fromEnvironment : fromEnvironment.withCredentials(
                    HuaweiCredentials.defaultChain(SourceId.HUAWEI_IES, application, clock));
        });
    }

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), TaskSource.class);
    }

    @ProvidesIntoSet
    @Singleton
    TaskSource ies(SourceSettings application, HttpTransport transport, Clock clock, RetryPolicy retryPolicy,
            Sleeper sleeper) {
        return HuaweiSources.ies(settings(application, clock), transport, clock, retryPolicy, sleeper);
    }

    @ProvidesIntoSet
    @Singleton
    TaskSource kooDrive(SourceSettings application, HttpTransport transport, Clock clock, RetryPolicy retryPolicy,
            Sleeper sleeper) {
        return HuaweiSources.kooDrive(settings(application, clock), transport, clock, retryPolicy, sleeper);
    }
}
