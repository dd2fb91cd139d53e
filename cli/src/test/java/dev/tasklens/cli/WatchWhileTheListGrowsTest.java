package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.client.TaskLens;
import dev.tasklens.client.TaskWatch;
import dev.tasklens.client.WatchQuery;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.watch.ChangeKind;
import dev.tasklens.domain.watch.TaskChange;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.ManualClock;
import dev.tasklens.emulators.data.ChurningCatalog;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.huawei.IesApi;
import dev.tasklens.ports.http.HttpTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A watch of MetaStudio import/export tasks (offset paging, newest first) while new tasks appear
 * between every two pages it reads, as a busy account's do. Without care, each new task pushes
 * the list one place down under the reader: the next page repeats a task, the listing stops
 * rather than lose one, and every poll fails. The watch's windows end before its polls start, so
 * tasks created while a poll pages are left to the next poll: no poll fails, every task is
 * reported new once, and the last status reported for each is the emulator's.
 *
 * <p>The clock is the test's own: the emulator stamps each new task with the current second, and
 * the watch's sleep between polls moves the clock on by the interval.
 */
class WatchWhileTheListGrowsTest {

    private static final String AK = "WATCHWHILEGROWINGAK00";
    private static final String SK = "watch-while-growing-sk";
    private static final String PROJECT = "0watch0growing0project000000000";
    private static final Instant START = Instant.parse("2026-12-05T08:00:00.500Z");

    private final ManualClock clock = new ManualClock(START);

    @Test
    void tasksCreatedWhileAPollPagesWaitForTheNextPollAndNoPollFails() {
        List<EmulatedTask> seeded = SeededTasks.generate(17, 300, START.minusSeconds(60), Duration.ofDays(1));
        ChurningCatalog catalog = new ChurningCatalog(seeded, 23, "grown-");
        // The list grows during the first three polls (at about 0 s, 30 s and 60 s); the fourth, at
        // about 90 s, reads it still, with the third's tasks.
        Instant growthEnds = START.plusSeconds(70);
        try (Emulator ies = Emulator.start(new IesApi(catalog, PROJECT, Map.of(AK, SK), Optional.empty(), clock))) {
            HttpTransport emulator = ies.inMemoryTransport(Duration.ofSeconds(10));
            HttpTransport growingBetweenPages = request -> {
                if (clock.instant().isBefore(growthEnds)) {
                    catalog.churn(3, clock.instant());
                }
                return emulator.send(request);
            };
            TaskLens.Builder builder = TaskLens.builder().clock(clock).sleeper(clock::advance).noMetadata()
                    .environment(Map.of("HUAWEICLOUD_SDK_AK", AK, "HUAWEICLOUD_SDK_SK", SK,
                            "HUAWEICLOUD_SDK_PROJECT_ID", PROJECT))
                    .transport(growingBetweenPages).endpoint(SourceId.HUAWEI_IES, ies.baseUri());
            Map<String, String> reported = new TreeMap<>();
            List<String> reportedNew = new ArrayList<>();
            try (TaskLens lens = builder.build();
                    TaskWatch watch = lens.watch(WatchQuery.forSource(SourceId.HUAWEI_IES).build())) {
                Iterator<TaskWatch.PollResult> polls = watch.polls().iterator();
                for (int poll = 1; poll <= 4; poll++) {
                    TaskWatch.PollResult result = polls.next();
                    assertThat(result.failure()).as("poll %d", poll).isEmpty();
                    for (TaskChange change : result.changes()) {
                        reported.put(change.task().id(), change.task().status().name());
                        if (change.kind() == ChangeKind.NEW) {
                            reportedNew.add(change.task().id());
                        }
                    }
                    watch.handled(result);
                }
            }
            Map<String, String> truth = catalog.get().statuses();
            assertThat(truth).hasSizeGreaterThan(seeded.size());
            assertThat(reportedNew).doesNotHaveDuplicates().hasSize(truth.size());
            assertThat(reported).isEqualTo(truth);
        }
    }
}
