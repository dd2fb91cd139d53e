package dev.tasklens.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TaskTest {

    @Test
    void theBuilderKeepsEveryPartAndTheRawStatus() {
        Task task = Task.builder(SourceId.BAIDU_VOD, "tsk-1").type("WORKFLOW").status(TaskStatus.FAILED, "FAILED")
                .createdAt(Instant.parse("2024-12-05T06:08:41Z")).attribute("mediaId", "mda-1").build();

        assertThat(task.rawStatus()).isEqualTo("FAILED");
        assertThat(task.attribute("mediaId")).contains("mda-1");
        assertThat(task.finishedAt()).isEmpty();
        assertThatThrownBy(() -> task.attributes().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTaskWithoutStatusSaysWhatToCall() {
        assertThatThrownBy(() -> Task.builder(SourceId.BAIDU_VOD, "tsk-1").type("WORKFLOW").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task tsk-1 of baidu.vod has no status; call status(TaskStatus, rawStatus)");
    }

    @Test
    void aNullPartIsNamedNotAStackOfNulls() {
        assertThatThrownBy(() -> new Task(SourceId.BAIDU_VOD, "t", null, "x", TaskStatus.RUNNING, "", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), java.util.Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task part 'name' is missing");
    }

    @Test
    void errorsCarrySourceAndRequestId() {
        ProviderException error = new ProviderException(SourceId.TENCENT_MPS, 200,
                "FailedOperation.InvalidMpsUser", "not an MPS user", Optional.of("req-1"), false);

        assertThat(error).hasMessage("tencent.mps: FailedOperation.InvalidMpsUser: not an MPS user (HTTP 200)"
                + " (request id req-1)");
        assertThat(error.requestId()).contains("req-1");
        assertThat(error.isRetryable()).isFalse();
    }
}
