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
 * <p>Where a provider lists one status by several requests, each request is a partition of its own
 * and names the provider's {@code term} for it (Baidu VOD's status words, whose full list no
 * document confirms, PROVIDERS §5.5); the source reads it from {@link PageRequest#term()}.
 *
 * @param statuses the statuses this part lists; empty means every status
 * @param createdFrom inclusive lower bound of the slice, if any
 * @param createdTo exclusive upper bound of the slice, if any
 * @param term the provider's own term this part asks for, if the source splits a status by terms
 */
public record Partition(Set<TaskStatus> statuses, Optional<Instant> createdFrom, Optional<Instant> createdTo,
        Optional<String> term) {

    /** The longest term a partition carries, in characters. */
    public static final int MAX_TERM_LENGTH = 256;

    /**
     * Checks the parts and freezes the statuses.
     *
     * @param statuses see the record component
     * @param createdFrom see the record component
     * @param createdTo see the record component
     * @param term see the record component
     * @throws IllegalArgumentException if the slice is empty, or the term is empty or too long
     */
    public Partition {
        Objects.requireNonNull(statuses, "statuses");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(term, "term");
        if (term.filter(text -> text.isEmpty() || text.length() > MAX_TERM_LENGTH).isPresent()) {
            throw new IllegalArgumentException("a partition's term must be 1.." + MAX_TERM_LENGTH + " characters");
        }
        statuses = statuses.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        if (createdFrom.isPresent() && createdTo.isPresent() && !createdFrom.get().isBefore(createdTo.get())) {
            throw new IllegalArgumentException("a partition's slice is empty: " + createdFrom.get() + " is not before "
                    + createdTo.get());
        }
    }

    /**
     * A partition without a term.
     *
     * @param statuses the statuses this part lists; empty means every status
     * @param createdFrom inclusive lower bound of the slice, if any
     * @param createdTo exclusive upper bound of the slice, if any
     * @throws IllegalArgumentException if the slice is empty
     */
    public Partition(Set<TaskStatus> statuses, Optional<Instant> createdFrom, Optional<Instant> createdTo) {
        this(statuses, createdFrom, createdTo, Optional.empty());
    }

    /**
     * The same part over another slice of the window, its statuses and term kept.
     *
     * @param from inclusive lower bound of the slice, if any
     * @param to exclusive upper bound of the slice, if any
     * @return the partition
     * @throws IllegalArgumentException if the slice is empty
     */
    public Partition over(Optional<Instant> from, Optional<Instant> to) {
        return new Partition(statuses, from, to, term);
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
