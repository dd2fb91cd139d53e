package dev.tasklens.ports.listing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.Partition;
import dev.tasklens.domain.Partitioning;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A partition is cut only when its first page shows it holds more than a few pages. */
class SliceWhenLargeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final SourceId ID = SourceId.of("test.windowed");
    private static final SourceDescriptor WINDOWED = SourceDescriptor.builder(ID, Cursor.of(100, 100, "Limit"))
            .lookback(Duration.ofDays(7))
            .partitionedBy(Partitioning.byWindow(Duration.ofSeconds(1)))
            .build();
    private static final Partition WEEK = Partition.whole(TaskQuery.forSource(ID).build());
    private final SliceWhenLarge splitter = new SliceWhenLarge(WINDOWED, NOW, 8);

    /** A page of 100 tasks, newest first, one every {@code gap}, from now back. */
    private static List<Task> newestFirst(Duration gap) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(Task.builder(ID, "t" + i).type("x").status(TaskStatus.RUNNING, "r")
                    .createdAt(NOW.minus(gap.multipliedBy(i))).build());
        }
        return tasks;
    }

    @Test
    void aCountOfAFewPagesKeepsThePartitionWhole() {
        assertThat(splitter.split(WEEK, ProviderPage.withNext(newestFirst(Duration.ofMinutes(1)), "n")
                .withTotalCount(400), 100)).containsExactly(WEEK);
    }

    @Test
    void aLargeCountCutsTheWindowIntoTheMostSlices() {
        List<Partition> slices = splitter.split(WEEK, ProviderPage.withNext(newestFirst(Duration.ofMinutes(1)), "n")
                .withTotalCount(100_000), 100);

        assertThat(slices).hasSize(8);
        assertThat(slices.get(0).createdTo()).isEmpty();
        assertThat(slices.get(7).createdFrom()).isEmpty();
    }

    @Test
    void withoutACountAPageCoveringAnHourOfAWeekCutsIt() {
        // 100 tasks over ~1.6 h of a 7-day window: about a hundred pages.
        assertThat(splitter.split(WEEK, ProviderPage.withNext(newestFirst(Duration.ofMinutes(1)), "n"), 100))
                .hasSize(8);
    }

    @Test
    void withoutACountAPageCoveringHalfTheWeekKeepsItWhole() {
        assertThat(splitter.split(WEEK, ProviderPage.withNext(newestFirst(Duration.ofMinutes(50)), "n"), 100))
                .containsExactly(WEEK);
    }

    @Test
    void aPartitionWithAnOpenWindowAndNoLookbackStaysWhole() {
        SourceDescriptor forever = SourceDescriptor.builder(ID, Cursor.of(100, 100, "Limit"))
                .partitionedBy(Partitioning.byWindow(Duration.ofSeconds(1))).build();
        Partition open = new Partition(java.util.Set.of(), Optional.empty(), Optional.empty());

        assertThat(new SliceWhenLarge(forever, NOW, 8).split(open,
                ProviderPage.withNext(newestFirst(Duration.ofSeconds(1)), "n"), 100)).containsExactly(open);
    }
}
