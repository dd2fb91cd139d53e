package dev.tasklens.domain.watch;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a watch of one source keeps between polls, bounded by design: the newest creation time seen
 * (the high-water mark), the open tasks as last seen, and the ids of tasks that were terminal when
 * first seen or finished since, created after the high-water mark less the overlap. Tasks created
 * before that line are known from earlier polls, so they need no id of their own; memory grows with
 * the open tasks and the overlap, never with the tasks listed.
 *
 * @param source the source watched
 * @param highWater the newest creation time seen, once a poll has seen a task
 * @param open the open tasks by id
 * @param recent the creation times (or first sightings, for a task without one) of the terminal
 *     tasks near the high-water mark, by id
 */
public record WatchState(SourceId source, Optional<Instant> highWater, Map<String, OpenTask> open,
        Map<String, Instant> recent) {

    /** Before the window's oldest end a little time is kept, so that a request sent a moment later stays inside the retention. */
    private static final Duration RETENTION_MARGIN = Duration.ofMinutes(1);

    /**
     * Checks and freezes the parts.
     *
     * @param source see the record component
     * @param highWater see the record component
     * @param open see the record component
     * @param recent see the record component
     */
    public WatchState {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(highWater, "highWater");
        open = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(open, "open")));
        recent = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(recent, "recent")));
    }

    /**
     * The state of a watch that has not polled yet: its first poll reports every task as new.
     *
     * @param source the source
     * @return the state
     */
    public static WatchState start(SourceId source) {
        return new WatchState(source, Optional.empty(), Map.of(), Map.of());
    }

    /**
     * The creation-time window the next poll lists: from the older of the high-water mark less the
     * overlap and the oldest open task, to now; never before the provider's retention. Empty before
     * the first poll, which lists the watch's own window.
     *
     * @param now the time of the poll
     * @param rules the watch's rules
     * @return where the window starts, if the state says
     */
    public Optional<Instant> windowStart(Instant now, WatchRules rules) {
        if (highWater.isEmpty() && open.isEmpty()) {
            return Optional.empty();
        }
        Instant from = highWater.map(mark -> mark.minus(rules.overlap())).orElse(now);
        for (OpenTask task : open.values()) {
            Optional<Instant> created = task.task().createdAt();
            if (created.isPresent() && created.get().isBefore(from)) {
                from = created.get();
            }
        }
        Instant oldest = now.minus(rules.retention()).plus(RETENTION_MARGIN);
        return Optional.of(from.isBefore(oldest) ? oldest : from);
    }

    /**
     * Starts a poll of this state.
     *
     * @param now when the poll runs
     * @param rules the watch's rules
     * @return the poll, to be given every task of a fresh listing of the window
     */
    public WatchPoll poll(Instant now, WatchRules rules) {
        return new WatchPoll(this, now, rules);
    }

    /**
     * An open task as a watch last saw it.
     *
     * @param task the task as last listed
     * @param staleReported whether {@link ChangeKind#STALE} was reported for it
     * @param vanished whether {@link ChangeKind#VANISHED} was reported for it (and it has not
     *     been listed since)
     */
    public record OpenTask(Task task, boolean staleReported, boolean vanished) {

        /**
         * Checks the parts.
         *
         * @param task see the record component
         * @param staleReported see the record component
         * @param vanished see the record component
         */
        public OpenTask {
            Objects.requireNonNull(task, "task");
        }
    }
}
