package dev.tasklens.emulators.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A churning sandbox makes its changes for as long as asked and journals each one. */
class SandboxChurnTest {

    @TempDir
    Path files;

    @Test
    void theChurnEndsWhenItsTimeIsUpAndEveryChangeIsAJournalLine() throws Exception {
        Path journal = files.resolve("changes.jsonl");
        try (Sandbox sandbox = Sandbox.builder().only(Set.of("tencent.mps", "baidu.vod")).churn(200)
                .churnFor(Duration.ofMillis(500)).journal(journal).start()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!sandbox.churnEnded() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(sandbox.churnEnded()).isTrue();
        }
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("\\{\"source\":\"(tencent\\.mps|baidu\\.vod)\",\"id\":\"[^\"]+\",\"status\":"
                        + "\"(PENDING|RUNNING|SUCCEEDED|FAILED)\",\"at\":\"[^\"]+Z\"}"));
    }

    @Test
    void aSandboxWithoutChurnHasNone() {
        try (Sandbox sandbox = Sandbox.builder().only(Set.of("tencent.mps")).start()) {
            assertThat(sandbox.churnEnded()).isTrue();
        }
    }
}
