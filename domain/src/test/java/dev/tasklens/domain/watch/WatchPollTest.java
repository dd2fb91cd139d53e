package dev.tasklens.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.TokenSeal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kinds of change, one at a time, and the position's seal. */
class WatchPollTest {

    private static final SourceId VOD = SourceId.BAIDU_VOD;
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final WatchRules RULES = WatchRules.retainedFor(Duration.ofDays(7));

    private static Task task(String id, TaskStatus status, Instant created) {
        return Task.builder(VOD, id).type("WORKFLOW").status(status, status.name()).createdAt(created).build();
    }

    private record Polled(List<TaskChange> changes, WatchState next) {
    }

    private static Polled poll(WatchState state, Instant now, WatchRules rules, Task... listing) {
        WatchPoll poll = state.poll(now, rules);
        List<TaskChange> changes = new ArrayList<>();
        for (Task task : listing) {
            changes.addAll(poll.accept(task));
        }
        WatchPoll.Result result = poll.finish();
        changes.addAll(result.changes());
        return new Polled(changes, result.next());
    }

    @Test
    void theFirstPollReportsEveryTaskAsNewAndTheNextOnlyWhatChanged() {
        Polled first = poll(WatchState.start(VOD), T0, RULES, task("a", TaskStatus.RUNNING, T0.minusSeconds(60)),
                task("b", TaskStatus.SUCCEEDED, T0.minusSeconds(30)));
        assertThat(first.changes()).extracting(TaskChange::kind).containsExactly(ChangeKind.NEW, ChangeKind.NEW);
        assertThat(first.next().open()).containsOnlyKeys("a");

        Polled second = poll(first.next(), T0.plusSeconds(30), RULES, task("a", TaskStatus.FAILED, T0.minusSeconds(60)),
                task("b", TaskStatus.SUCCEEDED, T0.minusSeconds(30)));
        assertThat(second.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(ChangeKind.FAILED);
            assertThat(change.previous()).contains(TaskStatus.RUNNING);
            assertThat(change.observedAt()).isEqualTo(T0.plusSeconds(30));
        });
        assertThat(second.next().open()).isEmpty();
    }

    @Test
    void aStaleTaskIsReportedOnce() {
        WatchRules rules = RULES.staleAfter(Duration.ofHours(2));
        Task old = task("slow", TaskStatus.RUNNING, T0.minus(Duration.ofHours(3)));
        Polled first = poll(WatchState.start(VOD), T0, rules, old);
        assertThat(first.changes()).extracting(TaskChange::kind).containsExactly(ChangeKind.NEW, ChangeKind.STALE);

        Polled second = poll(first.next(), T0.plusSeconds(30), rules, old);
        assertThat(second.changes()).isEmpty();
    }

    @Test
    void aVanishedTaskIsReportedOnceAndAgainWhenItComesBackChanged() {
        Task running = task("x", TaskStatus.RUNNING, T0.minusSeconds(10));
        Polled first = poll(WatchState.start(VOD), T0, RULES, running);
        Polled gone = poll(first.next(), T0.plusSeconds(30), RULES);
        assertThat(gone.changes()).extracting(TaskChange::kind).containsExactly(ChangeKind.VANISHED);
        Polled stillGone = poll(gone.next(), T0.plusSeconds(60), RULES);
        assertThat(stillGone.changes()).isEmpty();

        Polled back = poll(stillGone.next(), T0.plusSeconds(90), RULES, task("x", TaskStatus.SUCCEEDED,
                T0.minusSeconds(10)));
        assertThat(back.changes()).extracting(TaskChange::kind).containsExactly(ChangeKind.FINISHED);
    }

    @Test
    void anOpenTaskOlderThanTheRetentionIsLetGoWithResync() {
        Task running = task("ancient", TaskStatus.RUNNING, T0.minus(Duration.ofDays(6)));
        Polled first = poll(WatchState.start(VOD), T0, RULES, running);
        // Two days later it is past the 7 days the provider lists.
        Instant later = T0.plus(Duration.ofDays(2));
        assertThat(first.next().windowStart(later, RULES)).contains(later.minus(Duration.ofDays(7)).plusSeconds(60));

        Polled resynced = poll(first.next(), later, RULES);
        assertThat(resynced.changes()).extracting(TaskChange::kind).containsExactly(ChangeKind.RESYNC);
        assertThat(resynced.next().open()).isEmpty();
    }

    @Test
    void theWindowStartsAtTheOlderOfTheHighWaterMarkLessTheOverlapAndTheOldestOpenTask() {
        Polled first = poll(WatchState.start(VOD), T0, RULES, task("open", TaskStatus.PENDING, T0.minus(Duration.ofHours(5))),
                task("new", TaskStatus.SUCCEEDED, T0.minusSeconds(5)));
        assertThat(first.next().highWater()).contains(T0.minusSeconds(5));
        assertThat(first.next().windowStart(T0.plusSeconds(30), RULES)).contains(T0.minus(Duration.ofHours(5)));

        Polled closed = poll(first.next(), T0.plusSeconds(30), RULES, task("open", TaskStatus.SUCCEEDED,
                T0.minus(Duration.ofHours(5))), task("new", TaskStatus.SUCCEEDED, T0.minusSeconds(5)));
        assertThat(closed.next().windowStart(T0.plusSeconds(60), RULES))
                .contains(T0.minusSeconds(5).minus(WatchRules.DEFAULT_OVERLAP));
    }

    @Test
    void aPositionIsRefusedWhenAlteredOrOfAnotherAccount() {
        Polled first = poll(WatchState.start(VOD), T0, RULES, task("a", TaskStatus.RUNNING, T0));
        String position = WatchPosition.write(first.next(), TokenSeal.boundTo("account-1"));

        assertThat(WatchPosition.read(position, VOD, TokenSeal.boundTo("account-1"))).isEqualTo(first.next());
        assertThatThrownBy(() -> WatchPosition.read(position, VOD, TokenSeal.boundTo("account-2")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("another source, endpoint, account or scope");
        assertThatThrownBy(() -> WatchPosition.read(position + "AAAA", VOD, TokenSeal.boundTo("account-1")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("altered");
        assertThatThrownBy(() -> WatchPosition.read(position, SourceId.TENCENT_MPS, TokenSeal.boundTo("account-1")))
                .isInstanceOf(InvalidQueryException.class);
    }
}
