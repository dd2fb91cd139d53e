package dev.tasklens.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.tencent.MpsApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointVariablesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aVariableSendsThatSourcesRequestsToItsEndpoint() {
        List<EmulatedTask> tasks = SeededTasks.generate(3, 25, NOW, Duration.ofDays(1));
        try (Emulator mps = Emulator.start(new MpsApi(tasks, Map.of("AKIDEXAMPLE0123456789", "example-secret"),
                CLOCK))) {
            Map<String, String> environment = Map.of(
                    "TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE0123456789",
                    "TENCENTCLOUD_SECRET_KEY", "example-secret",
                    "TASKLENS_ENDPOINT_TENCENT_MPS", mps.baseUri() + "/");
            try (TaskLens lens = TaskLens.builder().environment(environment).clock(CLOCK).build()) {
                assertThat(lens.list(TaskQuery.forSource(SourceId.TENCENT_MPS).build()).stream().map(Task::id))
                        .hasSize(25).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void anEndpointSetInCodeWinsOverTheVariable() {
        Map<String, URI> read = EndpointVariables.read(Map.of("TASKLENS_ENDPOINT_TENCENT_MPS",
                " https://mps.internal.tencentcloudapi.com/ ", "PATH", "/usr/bin"));
        assertThat(read).containsExactly(Map.entry("tencent.mps", URI.create("https://mps.internal.tencentcloudapi.com/")));
        // build() lays the builder's endpoints over these; the source then sees the builder's.
        try (TaskLens lens = TaskLens.builder().environment(Map.of("TASKLENS_ENDPOINT_TENCENT_MPS", "https://a.example/"))
                .endpoint(SourceId.TENCENT_MPS, URI.create("https://b.example/")).build()) {
            assertThat(lens.source(SourceId.TENCENT_MPS)).isPresent();
        }
    }

    @Test
    void aVariableThatIsNoUrlSaysWhichAndHowWithoutEchoingIt() {
        assertThatThrownBy(() -> TaskLens.builder()
                .environment(Map.of("TASKLENS_ENDPOINT_TENCENT_MPS", "mps.tencentcloudapi.com user:s3cret")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TASKLENS_ENDPOINT_TENCENT_MPS is not an http(s) URL with a host")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> TaskLens.builder()
                .environment(Map.of("TASKLENS_ENDPOINT_TENCENT_MPS", "ftp://mps.tencentcloudapi.com/")).build())
                .hasMessageContaining("is not an http(s) URL");
    }

    @Test
    void aVariableForNoSourceIsATypingMistakeAndSaysTheSources() {
        assertThatThrownBy(() -> TaskLens.builder()
                .environment(Map.of("TASKLENS_ENDPOINT_TENCENT_MSP", "https://mps.tencentcloudapi.com/")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TASKLENS_ENDPOINT_TENCENT_MSP names source tencent.msp")
                .hasMessageContaining("tencent.mps");
        assertThatThrownBy(() -> TaskLens.builder()
                .environment(Map.of("TASKLENS_ENDPOINT_MPS", "https://mps.tencentcloudapi.com/")).build())
                .hasMessageContaining("does not name a source");
    }
}
