package dev.tasklens.emulators.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A catalog answers every filter and page exactly as a plain filter over the whole list would. */
class TaskCatalogTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    /** The reference: filter the whole list, newest first. */
    private static List<EmulatedTask> naive(List<EmulatedTask> all, Set<TaskStatus> statuses, Optional<Instant> from,
            Optional<Instant> to) {
        return all.stream().filter(task -> statuses.contains(task.status()))
                .filter(task -> from.map(f -> !task.createdAt().isBefore(f)).orElse(true))
                .filter(task -> to.map(t -> !task.createdAt().isAfter(t)).orElse(true))
                .toList();
    }

    @Test
    void pagingASelectionGivesTheFilteredListInOrderForManyRandomCatalogsAndFilters() {
        long seed = Long.getLong("tasklens.seed", 20261122L);
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 300; round++) {
            int count = random.nextInt(60);
            TaskCatalog catalog = SeededTasks.catalog(random.nextLong(), count, NOW, Duration.ofHours(1 + random.nextInt(72)));
            List<EmulatedTask> all = catalog.toList();
            Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
            for (TaskStatus status : TaskCatalog.allStatuses()) {
                if (random.nextBoolean()) {
                    statuses.add(status);
                }
            }
            Optional<Instant> from = random.nextBoolean() ? Optional.empty()
                    : Optional.of(NOW.minusSeconds(random.nextInt(80 * 3600)));
            Optional<Instant> to = random.nextBoolean() ? Optional.empty()
                    : Optional.of(NOW.minusSeconds(random.nextInt(80 * 3600)));
            int limit = 1 + random.nextInt(7);
            String context = "seed " + seed + ", round " + round;

            TaskCatalog.Selection selection = catalog.select(statuses, from, to);
            List<EmulatedTask> expected = naive(all, statuses, from, to);
            List<EmulatedTask> paged = new ArrayList<>();
            int position = selection.start();
            while (true) {
                TaskCatalog.Slice slice = selection.page(position, limit);
                assertThat(slice.tasks().size()).as(context).isLessThanOrEqualTo(limit);
                paged.addAll(slice.tasks());
                if (slice.next().isEmpty()) {
                    break;
                }
                assertThat(slice.tasks()).as(context).hasSize(limit);
                position = slice.next().getAsInt();
                assertThat(selection.contains(position)).as(context).isTrue();
            }

            assertThat(paged).as(context).isEqualTo(expected);
            assertThat(selection.count()).as(context).isEqualTo(expected.size());
        }
    }

    @Test
    void seededTasksAreNewestFirstDistinctInTimeWhileTheyFitAndCoverEveryStatus() {
        List<EmulatedTask> tasks = SeededTasks.generate(5, 500, NOW, Duration.ofDays(1));

        assertThat(tasks).extracting(EmulatedTask::createdAt).isSortedAccordingTo((a, b) -> b.compareTo(a))
                .doesNotHaveDuplicates().allSatisfy(created -> assertThat(created)
                        .isBetween(NOW.minus(Duration.ofDays(1)), NOW));
        assertThat(tasks).extracting(EmulatedTask::id).doesNotHaveDuplicates();
        assertThat(tasks).extracting(EmulatedTask::status).containsOnly(TaskStatus.PENDING, TaskStatus.RUNNING,
                TaskStatus.SUCCEEDED, TaskStatus.FAILED);
        assertThat(SeededTasks.generate(5, 500, NOW, Duration.ofDays(1))).isEqualTo(tasks);
    }

    @Test
    void aMillionSeededTasksAreIndexedWithoutBeingHeldAndFoundById() {
        TaskCatalog catalog = SeededTasks.catalog(1, 1_000_000, NOW, Duration.ofDays(7));
        EmulatedTask middle = catalog.get(654_321);

        assertThat(catalog.size()).isEqualTo(1_000_000);
        assertThat(catalog.indexOf(middle.id())).isEqualTo(OptionalInt.of(654_321));
        assertThat(catalog.get(654_320).createdAt()).isAfterOrEqualTo(middle.createdAt());
        assertThat(catalog.get(999_999).createdAt()).isAfterOrEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(catalog.select(EnumSet.of(TaskStatus.FAILED), Optional.empty(), Optional.empty()).count())
                .isEqualTo(250_000);
        TaskCatalog.Slice page = catalog.select(EnumSet.of(TaskStatus.SUCCEEDED, TaskStatus.FAILED),
                Optional.empty(), Optional.empty()).page(654_321, 100);
        assertThat(page.tasks()).hasSize(100).allSatisfy(task -> assertThat(task.status().isTerminal()).isTrue());
        assertThat(page.next()).isPresent();
    }

    @Test
    void anIdThatOnlyLooksLikeASeededOneIsNotFound() {
        TaskCatalog catalog = SeededTasks.catalog(1, 100, NOW, Duration.ofDays(1));

        assertThat(catalog.indexOf("task-0042-00000000")).isEmpty();
        assertThat(catalog.indexOf("task-99999999999-1")).isEmpty();
        assertThat(catalog.indexOf("task--1")).isEmpty();
        assertThat(catalog.indexOf("")).isEmpty();
        assertThat(catalog.indexOf(catalog.get(42).id())).hasValue(42);
    }

    @Test
    void aListCatalogSortsNewestFirstAndRefusesTwoTasksWithOneId() {
        List<EmulatedTask> tasks = SeededTasks.generate(3, 10, NOW, Duration.ofDays(1));
        List<EmulatedTask> shuffled = new ArrayList<>(tasks);
        java.util.Collections.reverse(shuffled);

        assertThat(TaskCatalog.of(shuffled).toList()).isEqualTo(tasks);
        assertThatThrownBy(() -> TaskCatalog.of(List.of(tasks.get(0), tasks.get(0))))
                .hasMessageContaining("two tasks have the id " + tasks.get(0).id());
    }
}
