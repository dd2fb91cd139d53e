package dev.tasklens.domain.watch;

import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One poll: the pure step from a {@link WatchState} and a fresh listing of its window to the changes
 * and the next state. The listing is given a task at a time ({@link #accept}), so a poll holds no
 * more than the state and the ids of the open tasks it has seen; {@link #finish} reports the open
 * tasks the listing no longer holds. Not thread-safe; one poll per state.
 */
public final class WatchPoll {

    private final WatchState state;
    private final Instant now;
    private final WatchRules rules;
    private final Optional<Instant> knownBefore;
    private final Map<String, WatchState.OpenTask> open;
    private final Map<String, Instant> recent;
    private final Set<String> seen = new HashSet<>();
    private Optional<Instant> highWater;
    private boolean finished;

    WatchPoll(WatchState state, Instant now, WatchRules rules) {
        this.state = Objects.requireNonNull(state, "state");
        this.now = Objects.requireNonNull(now, "now");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.knownBefore = state.highWater().map(mark -> mark.minus(rules.overlap()));
        this.open = new HashMap<>(state.open());
        this.recent = new HashMap<>(state.recent());
        this.highWater = state.highWater();
    }

    /**
     * Takes one task of the listing.
     *
     * @param task a task of the watched source
     * @return the changes it shows: none, one, or a change and {@link ChangeKind#STALE}
     * @throws IllegalArgumentException if the task is of another source
     * @throws IllegalStateException if the poll has finished
     */
    public List<TaskChange> accept(Task task) {
        Objects.requireNonNull(task, "task");
        if (finished) {
            throw new IllegalStateException("this poll has finished; start another from its next state");
        }
        if (!task.source().equals(state.source())) {
            throw new IllegalArgumentException("a watch of " + state.source() + " was given a task of "
                    + task.source());
        }
        task.createdAt().ifPresent(created -> {
            if (highWater.isEmpty() || created.isAfter(highWater.get())) {
                highWater = Optional.of(created);
            }
        });
        String id = task.id();
        WatchState.OpenTask before = open.get(id);
        List<TaskChange> changes = new ArrayList<>(2);
        if (before == null) {
            if (!seen.add(id) || recent.containsKey(id) || knownFromEarlierPolls(task)) {
                return changes;
            }
            changes.add(new TaskChange(ChangeKind.NEW, task, Optional.empty(), now));
            if (task.status().isTerminal()) {
                recent.put(id, task.createdAt().orElse(now));
            } else {
                WatchState.OpenTask added = new WatchState.OpenTask(task, false, false);
                open.put(id, added);
                stale(added, changes);
            }
            return changes;
        }
        seen.add(id);
        Task last = before.task();
        Optional<TaskStatus> previous = Optional.of(last.status());
        if (task.status().isTerminal()) {
            open.remove(id);
            recent.put(id, task.createdAt().orElse(now));
            changes.add(new TaskChange(task.status() == TaskStatus.FAILED ? ChangeKind.FAILED : ChangeKind.FINISHED,
                    task, previous, now));
            return changes;
        }
        boolean changed = task.status() != last.status() || !task.rawStatus().equals(last.rawStatus())
                || !task.finishedAt().equals(last.finishedAt());
        if (changed) {
            changes.add(new TaskChange(ChangeKind.CHANGED, task, previous, now));
        }
        WatchState.OpenTask kept = new WatchState.OpenTask(task, before.staleReported(), false);
        open.put(id, kept);
        stale(kept, changes);
        return changes;
    }

    /** A task created well before the high-water mark and not open was seen, terminal, by an earlier poll. */
    private boolean knownFromEarlierPolls(Task task) {
        return knownBefore.isPresent() && task.createdAt().isPresent()
                && task.createdAt().get().isBefore(knownBefore.get());
    }

    private void stale(WatchState.OpenTask task, List<TaskChange> changes) {
        Optional<Duration> age = task.task().createdAt().map(created -> Duration.between(created, now));
        if (!task.staleReported() && rules.staleAfter().isPresent() && age.isPresent()
                && age.get().compareTo(rules.staleAfter().get()) > 0) {
            open.put(task.task().id(), new WatchState.OpenTask(task.task(), true, task.vanished()));
            changes.add(new TaskChange(ChangeKind.STALE, task.task(), Optional.of(task.task().status()), now));
        }
    }

    /**
     * Ends the poll: open tasks the listing did not hold are reported {@link ChangeKind#VANISHED}
     * (once), or {@link ChangeKind#RESYNC} and let go when they are older than the provider's
     * retention; ids below the new high-water mark less the overlap are dropped.
     *
     * @return the changes found at the end, and the state for the next poll
     * @throws IllegalStateException if the poll has finished already
     */
    public Result finish() {
        if (finished) {
            throw new IllegalStateException("this poll has finished already");
        }
        finished = true;
        List<TaskChange> changes = new ArrayList<>();
        Instant retained = now.minus(rules.retention());
        for (WatchState.OpenTask task : new ArrayList<>(open.values())) {
            String id = task.task().id();
            if (seen.contains(id)) {
                continue;
            }
            Optional<Instant> created = task.task().createdAt();
            Optional<TaskStatus> previous = Optional.of(task.task().status());
            if (created.isPresent() && created.get().isBefore(retained)) {
                open.remove(id);
                changes.add(new TaskChange(ChangeKind.RESYNC, task.task(), previous, now));
            } else if (!task.vanished()) {
                open.put(id, new WatchState.OpenTask(task.task(), task.staleReported(), true));
                changes.add(new TaskChange(ChangeKind.VANISHED, task.task(), previous, now));
            }
        }
        Optional<Instant> line = highWater.map(mark -> mark.minus(rules.overlap()));
        line.ifPresent(known -> recent.values().removeIf(created -> created.isBefore(known)));
        return new Result(changes, new WatchState(state.source(), highWater, open, recent));
    }

    /**
     * What a finished poll found.
     *
     * @param changes the changes found at the end of the poll (those of each task came from
     *     {@link #accept})
     * @param next the state for the next poll
     */
    public record Result(List<TaskChange> changes, WatchState next) {

        /**
         * Checks and freezes the parts.
         *
         * @param changes see the record component
         * @param next see the record component
         */
        public Result {
            changes = List.copyOf(changes);
            Objects.requireNonNull(next, "next");
        }
    }
}
