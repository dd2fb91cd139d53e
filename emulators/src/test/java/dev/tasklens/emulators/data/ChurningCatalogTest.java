package dev.tasklens.emulators.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Churn moves tasks only forward, swaps the served catalog whole, and replays from its seed. */
class ChurningCatalogTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void tasksAppearAndMoveOnlyForwardAndEachRequestSeesOneWholeCatalog() {
        List<EmulatedTask> seeded = SeededTasks.generate(7, 40, NOW, Duration.ofDays(2));
        ChurningCatalog churning = new ChurningCatalog(seeded, 11, "churn-");
        TaskCatalog before = churning.get();

        List<ChurningCatalog.Change> changes = churning.churn(200, NOW);

        assertThat(changes).hasSize(200);
        assertThat(before.size()).as("a catalog handed out never changes").isEqualTo(40);
        Map<String, EmulatedTask> after = churning.get().toList().stream()
                .collect(Collectors.toMap(EmulatedTask::id, Function.identity()));
        assertThat(after.size()).isGreaterThan(40);
        for (EmulatedTask old : seeded) {
            TaskStatus now = after.get(old.id()).status();
            assertThat(rank(now)).as(old.id()).isGreaterThanOrEqualTo(rank(old.status()));
        }
        assertThat(changes).extracting(ChurningCatalog.Change::status).contains(TaskStatus.FAILED, TaskStatus.SUCCEEDED,
                TaskStatus.RUNNING, TaskStatus.PENDING);
        // The last change of each task is its status now.
        Map<String, TaskStatus> last = changes.stream().collect(Collectors.toMap(ChurningCatalog.Change::id,
                ChurningCatalog.Change::status, (first, second) -> second));
        last.forEach((id, status) -> assertThat(after.get(id).status()).isEqualTo(status));
    }

    @Test
    void theSameSeedMakesTheSameChanges() {
        List<EmulatedTask> seeded = SeededTasks.generate(7, 40, NOW, Duration.ofDays(2));
        assertThat(new ChurningCatalog(seeded, 3, "c-").churn(50, NOW))
                .isEqualTo(new ChurningCatalog(seeded, 3, "c-").churn(50, NOW));
    }

    private static int rank(TaskStatus status) {
        return switch (status) {
            case PENDING -> 0;
            case RUNNING -> 1;
            default -> 2;
        };
    }
}
