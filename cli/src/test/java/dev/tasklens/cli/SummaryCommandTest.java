package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.emulators.sandbox.Sandbox;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code tasklens summary}: counts that add up, failures first, and a failing source shown as a row. */
class SummaryCommandTest {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static Task task(String id, TaskStatus status, Instant created) {
        Task.Builder task = Task.builder(SourceId.BAIDU_VOD, id).type("PRESET").status(status, status.name())
                .createdAt(created);
        if (status.isTerminal()) {
            task.finishedAt(created.plusSeconds(60)).message("failed: " + id);
        }
        return task.build();
    }

    @Test
    void countsFailuresPerHourRecentFailuresAndTheOldestOpenTask() {
        TaskSummary summary = new TaskSummary(NOW.minus(Duration.ofHours(4)), NOW);
        for (int i = 0; i < 8; i++) {
            summary.add(task("f" + i, TaskStatus.FAILED, NOW.minus(Duration.ofMinutes(30 + 20 * i))));
        }
        summary.add(task("old", TaskStatus.RUNNING, NOW.minus(Duration.ofHours(3))));
        summary.add(task("young", TaskStatus.PENDING, NOW.minus(Duration.ofHours(1))));
        StringWriter text = new StringWriter();
        summary.printJson(new PrintWriter(text, true));

        @SuppressWarnings("unchecked")
        Map<String, Object> json = JSON.fromJson(text.toString(), Map.class);
        assertThat(json.get("counts").toString()).contains("FAILED=8", "RUNNING=1", "PENDING=1");
        // Failures ended 29, 49, ..., 169 minutes ago: hours from the window start 3, 3, 2, 2, 2, 1, 1, 1.
        assertThat((List<?>) json.get("failuresPerHour")).hasSize(5)
                .extracting(count -> ((Number) count).intValue()).containsExactly(0, 3, 3, 2, 0);
        assertThat((List<?>) json.get("failures")).hasSize(5).first().asString().contains("id=f0");
        assertThat(json.get("oldestOpen").toString()).contains("id=old");
        assertThat(summary.sparkline()).hasSize(5).startsWith(" ").contains("█");
    }

    @Test
    void everySourceIsARowWithFailuresFirstAndAFailingSourceShowsItsError() {
        try (Sandbox sandbox = Sandbox.builder().start()) {
            Map<String, String> environment = new HashMap<>(sandbox.environment());
            sandbox.endpoints().forEach((source, uri) -> environment.put("TASKLENS_ENDPOINT_"
                    + source.toUpperCase(Locale.ROOT).replace('.', '_'), uri.toString()));
            // CLS answers nothing: its row shows the error, the others their counts.
            environment.put("TASKLENS_ENDPOINT_TENCENT_CLS", "http://127.0.0.1:1/");
            environment.put("TENCENTCLOUD_REGION", "ap-guangzhou");
            environment.put("HUAWEICLOUD_SDK_PROJECT_ID", Sandbox.HUAWEI_PROJECT_ID);

            CliTest.Run run = CliTest.run(environment, "summary", "--source", "all", "--since", "2d", "--scope",
                    "shipper_id=" + Sandbox.CLS_SHIPPER);

            assertThat(run.code()).as(run.err()).isEqualTo(Main.PROVIDER);
            List<String> lines = run.lines();
            assertThat(lines.get(0)).startsWith("SOURCE").containsSubsequence("FAILED", "RUNNING", "SUCCEEDED");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("tencent.cls").contains("error:"));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("tencent.mps").doesNotContain("error"));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("most recent failures:"));
        }
    }

    @Test
    void summaryWatchSummarizesAgainAtItsInterval() throws Exception {
        Process process = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "summary",
                "--sandbox", "--source", "tencent.mps", "--watch", "1s", "--output", "json").start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(
                process.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String first = out.readLine();
            String second = out.readLine();

            assertThat(first).startsWith("{\"counts\":{\"tencent.mps\":");
            assertThat(second).startsWith("{\"counts\":{\"tencent.mps\":");
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }
}
