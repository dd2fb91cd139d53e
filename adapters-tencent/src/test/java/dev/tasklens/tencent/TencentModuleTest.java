package dev.tasklens.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.ports.source.SourceSettings;
import dev.tasklens.ports.source.TaskSource;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.tencent.MpsApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Guice module contributes both sources, is found by ServiceLoader, and wires a working source. */
class TencentModuleTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static Module infrastructure(HttpTransport transport) {
        return new AbstractModule() {
            @Override
            protected void configure() {
                bind(HttpTransport.class).toInstance(transport);
                bind(Clock.class).toInstance(Clock.fixed(NOW, ZoneOffset.UTC));
                bind(RetryPolicy.class).toInstance(RetryPolicy.defaults());
                bind(Sleeper.class).toInstance(duration -> { });
                bind(SourceSettings.class).toInstance(new SourceSettings(Map.of(), Map.of()));
            }
        };
    }

    @Test
    void serviceLoaderFindsTheModule() {
        List<String> modules = ServiceLoader.load(Module.class).stream()
                .map(provider -> provider.type().getName()).collect(Collectors.toList());

        assertThat(modules).contains(TencentModule.class.getName());
    }

    @Test
    void theModuleContributesBothSourcesAndTheyWork() {
        try (Emulator emulator = Emulator.start(new MpsApi(SeededTasks.generate(4, 9, NOW, Duration.ofDays(1)),
                Map.of("AKIDEXAMPLE0123456789", "secret"), Clock.fixed(NOW, ZoneOffset.UTC)))) {
            TencentSettings settings = new TencentSettings(
                    CredentialsProvider.of(Credentials.of("AKIDEXAMPLE0123456789", "secret")),
                    Optional.of(URI.create(emulator.baseUri() + "/")), Optional.of("ap-guangzhou"), Optional.empty());
            Injector injector = Guice.createInjector(new TencentModule(settings),
                    infrastructure(emulator.inMemoryTransport(Duration.ofSeconds(1))));

            Set<TaskSource> sources = injector.getInstance(Key.get(new TypeLiteral<Set<TaskSource>>() { }));
            TaskSource mps = sources.stream().filter(s -> s.descriptor().id().equals(SourceId.TENCENT_MPS))
                    .findFirst().orElseThrow();
            List<Task> tasks = SourceListing.of(mps, Clock.fixed(NOW, ZoneOffset.UTC))
                    .list(TaskQuery.forSource(mps.descriptor()).build()).stream().toList();

            assertThat(sources).extracting(source -> source.descriptor().id())
                    .containsExactlyInAnyOrder(SourceId.TENCENT_MPS, SourceId.TENCENT_CLS);
            assertThat(tasks).hasSize(9);
        }
    }

    @Test
    void settingsComeFromTheProvidersUsualEnvironmentVariables() {
        TencentSettings settings = TencentSettings.fromEnvironment(Map.of("TENCENTCLOUD_SECRET_ID", "AKIDENV0000000000",
                "TENCENTCLOUD_SECRET_KEY", "env-secret", "TENCENTCLOUD_SESSION_TOKEN", "token",
                "TENCENTCLOUD_REGION", "ap-shanghai"));

        assertThat(settings.credentials().credentials()).hasValueSatisfying(credentials -> {
            assertThat(credentials.id()).isEqualTo("AKIDENV0000000000");
            assertThat(credentials.sessionToken()).contains("token");
        });
        assertThat(settings.clsRegion()).contains("ap-shanghai");
    }
}
