package dev.tasklens.emulators.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
        // Each reading of this clock is 100 ms after the one before: the churn's span is measured in
        // readings, whatever the machine's speed. Started at t, the churn ends at t + 1 s; each tick
        // reads the clock twice (the check and the change time): checks at t+100, 300, 500, 700 and
        // 900 ms make a tick each, the one at t+1100 ms ends it. 200 a second is 20 a tick.
        Clock stepping = new SteppingClock(Instant.parse("2026-12-01T00:00:00Z"), Duration.ofMillis(100));
        try (Sandbox sandbox = Sandbox.builder().only(Set.of("tencent.mps", "baidu.vod")).churn(200)
                .churnFor(Duration.ofSeconds(1)).journal(journal).clock(stepping).start()) {
            awaitChurnEnded(sandbox);
            assertThat(sandbox.churnEnded()).isTrue();
        }
        List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5 * 20).allSatisfy(line -> assertThat(line)
                .matches("\\{\"source\":\"(tencent\\.mps|baidu\\.vod)\",\"id\":\"[^\"]+\",\"status\":"
                        + "\"(PENDING|RUNNING|SUCCEEDED|FAILED)\",\"at\":\"[^\"]+Z\"}"));
    }

    @Test
    void endChurnStopsAChurnWithoutAnEndAndReturnsOnceItsLastChangeIsJournaled() throws Exception {
        Path journal = files.resolve("changes.jsonl");
        try (Sandbox sandbox = Sandbox.builder().only(Set.of("huawei.ies")).churn(50).journal(journal).start()) {
            assertThat(sandbox.churnEnded()).isFalse();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((!Files.exists(journal) || Files.size(journal) == 0) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            sandbox.endChurn();
            assertThat(sandbox.churnEnded()).isTrue();
            List<String> ended = Files.readAllLines(journal, StandardCharsets.UTF_8);
            assertThat(ended).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("}"));
            sandbox.endChurn(); // a second call is harmless, and no change follows the first
            assertThat(Files.readAllLines(journal, StandardCharsets.UTF_8)).isEqualTo(ended);
        }
    }

    private static void awaitChurnEnded(Sandbox sandbox) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!sandbox.churnEnded() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** A clock whose every reading is a fixed step after the one before. */
    private static final class SteppingClock extends Clock {
        private final java.util.concurrent.atomic.AtomicLong millis;
        private final long step;

        SteppingClock(Instant start, Duration step) {
            this.millis = new java.util.concurrent.atomic.AtomicLong(start.toEpochMilli());
            this.step = step.toMillis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndAdd(step));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }
    }

    @Test
    void aSandboxWithoutChurnHasNone() {
        try (Sandbox sandbox = Sandbox.builder().only(Set.of("tencent.mps")).start()) {
            assertThat(sandbox.churnEnded()).isTrue();
        }
    }
}
