package dev.tasklens.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.watch.ChangeKind;
import dev.tasklens.domain.watch.TaskChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A watch over a provider held in memory, whose tasks the test moves on between polls: the polls
 * report what changed, the position resumes without repeats, and a failed poll ends the watch.
 */
class TaskWatchTest {

    private static final SourceId SOURCE = SourceId.TENCENT_MPS;
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final SourceDescriptor DESCRIPTOR = SourceDescriptor.builder(SOURCE,
            new Cursor(dev.tasklens.domain.PageSizeLimits.of(10, 100, "Limit"))).lookback(Duration.ofDays(7)).build();
    private static final TokenSeal SEAL = TokenSeal.boundTo("test account");

    private final Map<String, TaskStatus> world = new ConcurrentHashMap<>();
    private final List<TaskQuery> listed = new CopyOnWriteArrayList<>();

    private Stream<Task> list(TaskQuery query) {
        listed.add(query);
        return world.entrySet().stream().map(entry -> Task.builder(SOURCE, entry.getKey()).type("WorkflowTask")
                .status(entry.getValue(), entry.getValue().name()).createdAt(T0.minusSeconds(60)).build());
    }

    private TaskWatch watch(WatchQuery query, Function<TaskQuery, Stream<Task>> lister) {
        return new TaskWatch(query, DESCRIPTOR, lister, SEAL, Clock.fixed(T0, ZoneOffset.UTC), duration -> { },
                () -> 0.5);
    }

    @Test
    void eachPollReportsWhatChangedSinceTheLast() {
        world.put("a", TaskStatus.RUNNING);
        world.put("b", TaskStatus.PENDING);
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).build(), this::list)) {
            Iterator<TaskWatch.PollResult> polls = watch.polls().iterator();
            TaskWatch.PollResult first = polls.next();
            assertThat(first.changes()).extracting(TaskChange::kind).containsOnly(ChangeKind.NEW).hasSize(2);
            assertThat(first.openTasks()).isEqualTo(2);

            // The poller is at most one poll ahead: move the world on, then take polls until it shows.
            world.put("a", TaskStatus.FAILED);
            List<TaskChange> seen = new ArrayList<>();
            while (seen.isEmpty()) {
                seen.addAll(polls.next().changes());
            }
            assertThat(seen).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo(ChangeKind.FAILED);
                assertThat(change.task().id()).isEqualTo("a");
            });
        }
        // The first poll lists the provider's whole retention (less a minute), every status.
        assertThat(listed.get(0).createdFrom()).contains(T0.minus(Duration.ofDays(7)).plusSeconds(60));
        assertThat(listed.get(0).statuses()).isEmpty();
    }

    @Test
    void aWatchResumedFromItsPositionRepeatsNothingHandled() {
        world.put("a", TaskStatus.RUNNING);
        String position;
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).build(), this::list)) {
            Iterator<TaskWatch.PollResult> polls = watch.polls().iterator();
            TaskWatch.PollResult first = polls.next();
            assertThat(first.changes()).hasSize(1);
            String before = watch.position();
            watch.handled(first);
            position = watch.position();
            assertThat(position).isNotEqualTo(before);
        }
        world.put("a", TaskStatus.SUCCEEDED);
        try (TaskWatch resumed = watch(WatchQuery.forSource(SOURCE).resumeFrom(position).build(), this::list)) {
            assertThat(resumed.polls().iterator().next().changes()).extracting(TaskChange::kind)
                    .containsExactly(ChangeKind.FINISHED);
        }
    }

    @Test
    void onlyTheStatusesAskedForAreReported() {
        world.put("a", TaskStatus.RUNNING);
        world.put("b", TaskStatus.FAILED);
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).statuses(List.of(TaskStatus.FAILED)).build(),
                this::list)) {
            assertThat(watch.polls().iterator().next().changes()).extracting(change -> change.task().id())
                    .containsExactly("b");
        }
    }

    @Test
    void aPollThatFailsEndsTheWatchWithItsErrorAndKeepsThePosition() {
        world.put("a", TaskStatus.RUNNING);
        AtomicInteger calls = new AtomicInteger();
        Function<TaskQuery, Stream<Task>> failingSecond = query -> {
            if (calls.incrementAndGet() > 1) {
                throw new ThrottledException(SOURCE, "RequestLimitExceeded", "slow down", Optional.empty(),
                        Optional.empty());
            }
            return list(query);
        };
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).build(), failingSecond)) {
            Iterator<TaskChange> changes = watch.iterator();
            assertThat(changes.next().kind()).isEqualTo(ChangeKind.NEW);
            assertThatThrownBy(changes::hasNext).isInstanceOf(ThrottledException.class);
            // The first poll's change was handed out and handled when the next poll was asked for.
            assertThat(watch.position()).isNotEqualTo(dev.tasklens.domain.watch.WatchPosition.write(
                    dev.tasklens.domain.watch.WatchState.start(SOURCE), SEAL));
        }
    }

    @Test
    void aPositionOfAnotherAccountIsRefusedBeforeAnyPoll() {
        String foreign = dev.tasklens.domain.watch.WatchPosition.write(
                dev.tasklens.domain.watch.WatchState.start(SOURCE), TokenSeal.boundTo("another account"));

        assertThatThrownBy(() -> watch(WatchQuery.forSource(SOURCE).resumeFrom(foreign).build(), this::list))
                .isInstanceOf(InvalidQueryException.class);
        assertThat(listed).isEmpty();
    }

    @Test
    void theCallbackFormHandsOutEveryChangeInOrderAndMovesThePosition() throws InterruptedException {
        world.put("a", TaskStatus.RUNNING);
        world.put("b", TaskStatus.PENDING);
        java.util.concurrent.BlockingQueue<TaskChange> delivered = new java.util.concurrent.LinkedBlockingQueue<>();
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).build(), this::list)) {
            String before = watch.position();
            watch.subscribe(delivered::add, error -> { });
            assertThat(delivered.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
            assertThat(delivered.poll(30, java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
            world.put("b", TaskStatus.FAILED);
            TaskChange failed = delivered.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(failed).isNotNull().extracting(TaskChange::kind).isEqualTo(ChangeKind.FAILED);
            assertThat(watch.position()).isNotEqualTo(before);
        }
    }

    @Test
    void anIntervalUnderASecondIsRefused() {
        assertThatThrownBy(() -> WatchQuery.forSource(SOURCE).interval(Duration.ofMillis(10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 s minimum");
    }
}
