package dev.tasklens.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One independent part of a query's list, which the paging engine can page through alongside the
 * others: a subset of the query's statuses and a slice of its creation window. A query that is not
 * split is one partition, the {@linkplain #whole(TaskQuery) whole} query.
 *
 * <p>A task belongs to the slice {@code [createdFrom, createdTo)}; one whose creation time the
 * provider did not report is kept by every slice (the listing delivers it once, by its identity).
 *
 * @param statuses the statuses this part lists; empty means every status
 * @param createdFrom inclusive lower bound of the slice, if any
 * @param createdTo exclusive upper bound of the slice, if any
 */
public record Partition(Set<TaskStatus> statuses, Optional<Instant> createdFrom, Optional<Instant> createdTo) {

    /**
     * Checks the parts and freezes the statuses.
     *
     * @param statuses see the record component
     * @param createdFrom see the record component
     * @param createdTo see the record component
     * @throws IllegalArgumentException if the slice is empty
     */
    public Partition {
        Objects.requireNonNull(statuses, "statuses");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        statuses = statuses.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        if (createdFrom.isPresent() && createdTo.isPresent() && !createdFrom.get().isBefore(createdTo.get())) {
            throw new IllegalArgumentException("a partition's slice is empty: " + createdFrom.get() + " is not before "
                    + createdTo.get());
        }
    }

    /**
     * The query as one partition: its statuses and its window.
     *
     * @param query the query
     * @return the partition
     */
    public static Partition whole(TaskQuery query) {
        return new Partition(query.statuses(), query.createdFrom(), query.createdTo());
    }

    /**
     * The query a source is asked for this part's pages: the query's source, scope and page size,
     * with this part's statuses and window, always without limit or resume token (the engine keeps
     * those, and a source must not page by them).
     *
     * @param query the query being listed
     * @return the narrowed query
     */
    public TaskQuery narrow(TaskQuery query) {
        return new TaskQuery(query.source(), statuses, createdFrom, createdTo, query.pageSize(), query.scope(),
                OptionalLong.empty(), Optional.empty());
    }

    /**
     * Whether a task lies in this part's slice of the window (statuses are the source's to apply).
     *
     * @param task a task
     * @return true when its creation time is inside the slice, or unknown
     */
    public boolean holds(Task task) {
        return task.createdAt().map(created -> within(created, createdFrom, createdTo)).orElse(true);
    }

    /** Whether an instant lies in {@code [from, to)}, a missing bound being open. */
    static boolean within(Instant at, Optional<Instant> from, Optional<Instant> to) {
        return from.map(bound -> !at.isBefore(bound)).orElse(true) && to.map(at::isBefore).orElse(true);
    }
}
