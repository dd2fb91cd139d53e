package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.emulators.ManualClock;
import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.emulators.TemporaryKeys;
import dev.tasklens.emulators.sandbox.Sandbox;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listing that runs far past the life of the temporary keys it started with: the sandbox's keys
 * work for 4 minutes, each request moves the shared clock on by 30 seconds, and a listing of a few
 * dozen pages takes a quarter of an hour of that clock. The gateways refuse an expired key, so
 * the listing completes only if the keys were refreshed before they expired, every time.
 */
class ListingOutlivesItsKeysTest {

    private static final Instant START = Instant.parse("2026-12-04T00:00:00Z");
    private static final Duration KEY_LIFE = Duration.ofMinutes(4);

    private final ManualClock clock = new ManualClock(START);

    @TempDir
    Path home;

    @Test
    void theCvmInstanceRoleKeysAreRefreshedAsTheListingGoes() {
        listFarPastTheKeys("tencent.mps", Map.of(), sandbox -> sandbox.cvmMetadata().orElseThrow().keys(), true);
    }

    @Test
    void theEcsAgencyKeysAreRefreshedAsTheListingGoes() {
        listFarPastTheKeys("huawei.ies", Map.of(), sandbox -> sandbox.ecsMetadata().orElseThrow().keys(), true);
    }

    @Test
    void theTkeWebIdentityKeysAreRefreshedAsTheListingGoes() throws Exception {
        Path token = home.resolve("token");
        Files.writeString(token, Sandbox.TKE_WEB_IDENTITY_TOKEN, StandardCharsets.UTF_8);
        listFarPastTheKeys("tencent.mps", Map.of("TKE_WEB_IDENTITY_TOKEN_FILE", token.toString()),
                sandbox -> sandbox.sts().orElseThrow().keys(), false);
    }

    private void listFarPastTheKeys(String source, Map<String, String> more, Function<Sandbox, TemporaryKeys> keys,
            boolean metadata) {
        try (Sandbox sandbox = Sandbox.builder().clock(clock).temporaryKeyLife(KEY_LIFE).tasks(300).start();
                JdkHttpTransport jdk = JdkHttpTransport.create()) {
            HttpTransport moving = request -> {
                clock.advance(Duration.ofSeconds(30));
                return jdk.send(request);
            };
            Map<String, String> environment = new HashMap<>(sandbox.credentialServiceEnvironment());
            environment.putAll(more);
            // One page at a time: each request then moves the clock on by exactly 30 s between its
            // signing and its arrival, as a slow network would.
            TaskLens.Builder builder = TaskLens.builder().clock(clock).environment(environment).home(home)
                    .transport(moving).concurrency(1);
            if (!metadata) {
                builder.noMetadata();
            }
            sandbox.endpoints().forEach((id, uri) -> builder.endpoint(SourceId.of(id), uri));
            try (TaskLens lens = builder.build()) {
                TaskQuery.Builder query = TaskQuery.forSource(SourceId.of(source)).pageSize(10);
                sandbox.scopes().getOrDefault(source, Map.of()).forEach(query::scope);
                List<String> ids = lens.list(query.build()).stream().map(Task::id).toList();
                assertThat(ids).doesNotHaveDuplicates().hasSize(sandbox.taskCounts().get(source));
                assertThat(Duration.between(START, clock.instant())).as("the clock the listing took")
                        .isGreaterThan(KEY_LIFE.multipliedBy(3));
                // A refresh halfway through each key's life: at least one key per two minutes listed.
                assertThat(keys.apply(sandbox).issued()).as("keys issued")
                        .isGreaterThanOrEqualTo((int) (Duration.between(START, clock.instant()).toMinutes() / 3));
            }
        }
    }
}
