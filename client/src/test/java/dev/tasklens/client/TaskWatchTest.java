package dev.tasklens.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
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
 * report what changed, the position resumes without repeats, a failed poll is tried again at the
 * next interval, and the watch ends when failures cannot mend or go on too long.
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
    void aPollThatFailsIsHandedOutEmptyAndTheNextListsItsWindowAgain() {
        world.put("a", TaskStatus.RUNNING);
        AtomicInteger calls = new AtomicInteger();
        Function<TaskQuery, Stream<Task>> failingSecond = query -> {
            if (calls.incrementAndGet() == 2) {
                listed.add(query);
                world.put("a", TaskStatus.FAILED); // moved on while the failed poll listed
                throw new MalformedResponseException(SOURCE, "offset paging handed back 'x' a second time",
                        Optional.empty());
            }
            return list(query);
        };
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).build(), failingSecond)) {
            Iterator<TaskWatch.PollResult> polls = watch.polls().iterator();
            TaskWatch.PollResult first = polls.next();
            watch.handled(first);
            String afterFirst = watch.position();

            TaskWatch.PollResult failed = polls.next();
            assertThat(failed.failure()).get().isInstanceOf(MalformedResponseException.class);
            assertThat(failed.failedInARow()).isEqualTo(1);
            assertThat(failed.changes()).isEmpty();
            watch.handled(failed);
            assertThat(watch.position()).isEqualTo(afterFirst);

            TaskWatch.PollResult next = polls.next();
            assertThat(next.failure()).isEmpty();
            assertThat(next.failedInARow()).isZero();
            assertThat(next.changes()).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo(ChangeKind.FAILED);
                assertThat(change.previous()).contains(TaskStatus.RUNNING);
            });
        }
        // The poll after the failed one lists the same window: the state did not move.
        assertThat(listed.get(2).createdFrom()).isEqualTo(listed.get(1).createdFrom());
    }

    /** Lists the world at the first call and throttles every later one, naming the call: "(2)", "(3)". */
    private Function<TaskQuery, Stream<Task>> throttledAfterTheFirstCall(AtomicInteger calls) {
        return query -> {
            if (calls.incrementAndGet() > 1) {
                throw new ThrottledException(SOURCE, "RequestLimitExceeded", "slow down (" + calls.get() + ")",
                        Optional.empty(), Optional.empty());
            }
            return list(query);
        };
    }

    @Test
    void theWatchEndsWithTheErrorOfItsLastAllowedFailedPollAndKeepsThePosition() {
        world.put("a", TaskStatus.RUNNING);
        AtomicInteger calls = new AtomicInteger();
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).giveUpAfter(3).build(),
                throttledAfterTheFirstCall(calls))) {
            Iterator<TaskWatch.PollResult> polls = watch.polls().iterator();
            watch.handled(polls.next());
            String afterFirst = watch.position();
            assertThat(polls.next().failedInARow()).isEqualTo(1);
            assertThat(polls.next().failedInARow()).isEqualTo(2);
            assertThatThrownBy(polls::hasNext).isInstanceOf(ThrottledException.class).hasMessageContaining("(4)");
            assertThat(watch.position()).isEqualTo(afterFirst);
        }
        assertThat(calls).hasValue(4);
    }

    @Test
    void aWatchThatGivesUpAtOnceEndsAtItsFirstFailedPoll() {
        world.put("a", TaskStatus.RUNNING);
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).giveUpAfter(1).build(),
                throttledAfterTheFirstCall(new AtomicInteger()))) {
            Iterator<TaskChange> changes = watch.iterator();
            assertThat(changes.next().kind()).isEqualTo(ChangeKind.NEW);
            assertThatThrownBy(changes::hasNext).isInstanceOf(ThrottledException.class);
            // The first poll's change was handed out and handled when the next poll was asked for.
            assertThat(watch.position()).isNotEqualTo(dev.tasklens.domain.watch.WatchPosition.write(
                    dev.tasklens.domain.watch.WatchState.start(SOURCE), SEAL));
        }
    }

    @Test
    void refusedCredentialsEndTheWatchAtOnceWhateverItBears() {
        Function<TaskQuery, Stream<Task>> refused = query -> {
            throw new AuthenticationException(SOURCE, "AuthFailure.SecretIdNotFound", "no such key", Optional.empty());
        };
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).giveUpAfter(50).build(), refused)) {
            assertThatThrownBy(() -> watch.polls().iterator().hasNext()).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void aFailureThatIsNotTheProvidersEndsTheWatchInsteadOfLeavingTheCallerWaiting() {
        Function<TaskQuery, Stream<Task>> broken = query -> {
            throw new IllegalStateException("the credentials file changed under the reader");
        };
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).build(), broken)) {
            assertThatThrownBy(() -> watch.polls().iterator().hasNext()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("credentials file");
        }
    }

    @Test
    void eachPollsWindowEndsBeforeThePollStartsSoThatTasksCreatedWhileItPagesCannotShiftIt() {
        world.put("a", TaskStatus.RUNNING);
        try (TaskWatch watch = watch(WatchQuery.forSource(SOURCE).build(), this::list)) {
            watch.polls().iterator().next();
        }
        assertThat(listed.get(0).createdTo()).contains(T0.minus(TaskWatch.SETTLE));
    }

    @Test
    void aNumberOfFailedPollsToBearOutsideItsRangeIsRefused() {
        assertThatThrownBy(() -> WatchQuery.forSource(SOURCE).giveUpAfter(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 ends it at the first failure");
        assertThatThrownBy(() -> WatchQuery.forSource(SOURCE).giveUpAfter(WatchQuery.MAX_GIVE_UP_AFTER + 1).build())
                .isInstanceOf(IllegalArgumentException.class);
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
