package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A JSON line is valid JSON that reads back as the task, and shows no character that could steer a terminal. */
class JsonLineTest {

    private static JsonObject parse(String line) {
        try (var reader = Json.createReader(new StringReader(line))) {
            return reader.readObject();
        }
    }

    @Test
    void everyFieldReadsBackInItsOrderAndAbsentOnesAreLeftOut() {
        Task task = Task.builder(SourceId.TENCENT_MPS, "t-1").type("WorkflowTask")
                .status(TaskStatus.FAILED, "FINISH").createdAt(Instant.parse("2026-11-22T10:00:00Z"))
                .finishedAt(Instant.parse("2026-11-22T10:05:00.123Z")).message("1 of 3 \"items\" failed\\")
                .attribute("mediaId", "m/1").attribute("requestId", "r-9").build();

        String line = JsonLine.of(task);
        JsonObject json = parse(line);

        assertThat(json.keySet()).containsExactly("source", "id", "type", "status", "rawStatus", "createdAt",
                "finishedAt", "message", "attributes");
        assertThat(json.getString("id")).isEqualTo("t-1");
        assertThat(json.getString("status")).isEqualTo("FAILED");
        assertThat(json.getString("finishedAt")).isEqualTo("2026-11-22T10:05:00.123Z");
        assertThat(json.getString("message")).isEqualTo("1 of 3 \"items\" failed\\");
        assertThat(json.getJsonObject("attributes").getString("mediaId")).isEqualTo("m/1");
    }

    @Test
    void controlsAndBidiOverridesAreEscapedAndReadBackUnchanged() {
        String hostile = "done\u001B]0;owned\u0007\u009B31m\u202Egnp.exe\u2066x\u2028y\t\u007F";
        Task task = Task.builder(SourceId.BAIDU_VOD, "v-1").type("x").status(TaskStatus.RUNNING, "RUNNING")
                .message(hostile).build();

        String line = JsonLine.of(task);

        assertThat(line).doesNotContain("\u001B", "\u0007", "\u009B", "\u202E", "\u2066", "\u2028", "\t", "\u007F")
                .contains("\\u001b", "\\u009b", "\\u202e", "\\u2066", "\\u2028", "\\t", "\\u007f");
        assertThat(parse(line).getString("message")).isEqualTo(hostile);
    }
}
