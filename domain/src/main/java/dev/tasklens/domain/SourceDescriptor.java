package dev.tasklens.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a task source is and what it accepts: its id, its paging model, its scope parameters,
 * how far back the provider keeps tasks, and which filters it pushes down to the provider.
 * The rules a query must follow for this source are checked here, before any request.
 *
 * @param id the source's id
 * @param title a short human name, such as {@code Tencent Cloud MPS DescribeTasks}
 * @param paging the provider's paging model
 * @param scope the source-specific parameters it accepts
 * @param lookback how far back the provider keeps tasks (MPS: 7 days), if limited
 * @param pushedDown the filters sent to the provider; the others are applied locally
 * @param partitioning how a query splits into partitions the engine lists at the same time
 */
public record SourceDescriptor(SourceId id, String title, PagingModel paging, List<ScopeKey> scope,
        Optional<Duration> lookback, Set<QueryFilter> pushedDown, Partitioning partitioning) {

    /**
     * Checks the parts and freezes the collections.
     *
     * @param id see the record component
     * @param title see the record component
     * @param paging see the record component
     * @param scope see the record component
     * @param lookback see the record component
     * @param pushedDown see the record component
     * @param partitioning see the record component
     * @throws NullPointerException if a part is null
     */
    public SourceDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(paging, "paging");
        scope = List.copyOf(scope);
        Objects.requireNonNull(lookback, "lookback");
        pushedDown = pushedDown.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(pushedDown));
        Objects.requireNonNull(partitioning, "partitioning");
    }

    /**
     * Starts a descriptor.
     *
     * @param id the source's id
     * @param paging the provider's paging model
     * @return a builder; the title defaults to the id
     */
    public static Builder builder(SourceId id, PagingModel paging) {
        return new Builder(id, paging);
    }

    /**
     * Checks every rule of this source that a query must follow, before any request.
     *
     * @param query the query
     * @param now the current time, for the lookback rule
     * @throws InvalidQueryException naming the broken rule and how to fix it
     */
    public void check(TaskQuery query, Instant now) {
        checkStatic(query);
        if (lookback.isPresent() && query.createdFrom().isPresent()) {
            Instant oldest = now.minus(lookback.get());
            if (query.createdFrom().get().isBefore(oldest)) {
                throw new InvalidQueryException(id, "createdAfter " + query.createdFrom().get()
                        + " reaches further back than this source keeps tasks (the last " + humanize(lookback.get())
                        + ", so no earlier than " + oldest + "); move createdAfter to " + oldest + " or later");
            }
        }
        if (lookback.isPresent() && query.createdTo().isPresent()
                && !query.createdTo().get().isAfter(now.minus(lookback.get()))) {
            throw new InvalidQueryException(id, "createdBefore " + query.createdTo().get()
                    + " lies before the oldest task this source keeps (the last " + humanize(lookback.get())
                    + "); choose a window inside the last " + humanize(lookback.get()));
        }
    }

    /** The rules that do not depend on the time. */
    void checkStatic(TaskQuery query) {
        if (!query.source().equals(id)) {
            throw new InvalidQueryException(id, "the query is for source " + query.source() + ", not " + id
                    + "; build it with TaskQuery.forSource(" + id + ")");
        }
        PageSizeLimits limits = paging.pageSize();
        if (query.pageSize().isPresent() && query.pageSize().getAsInt() > limits.maxSize()) {
            throw new InvalidQueryException(id, "page size " + query.pageSize().getAsInt()
                    + " is above the maximum " + limits.maxSize() + " of " + id + " (" + limits.parameter()
                    + "); use 1.." + limits.maxSize());
        }
        for (ScopeKey key : scope) {
            if (key.required() && !query.scope().containsKey(key.name())) {
                throw new InvalidQueryException(id, "scope '" + key.name() + "' (" + key.description()
                        + ") is required; set it, e.g. scope(\"" + key.name() + "\", ...) or --scope "
                        + key.name() + "=...");
            }
        }
        Set<String> known = scope.stream().map(ScopeKey::name).collect(Collectors.toCollection(java.util.TreeSet::new));
        for (String given : query.scope().keySet()) {
            if (!known.contains(given)) {
                throw new InvalidQueryException(id, "scope '" + given + "' is not known to " + id
                        + (known.isEmpty() ? "; it takes no scope" : "; it knows " + String.join(", ", known)));
            }
        }
        for (ScopeKey key : scope) {
            String value = query.scope().get(key.name());
            if (value != null && !key.takes(value)) {
                throw new InvalidQueryException(id, "scope '" + key.name() + "' is '" + value + "'; " + id
                        + " takes " + String.join(" or ", new java.util.TreeSet<>(key.values())) + " ("
                        + key.description() + ")");
            }
        }
    }

    /**
     * The partitions of a query, by this source's {@link #partitioning()}: the query itself when
     * the source does not split. (A resumed listing goes on with the partitions its token records.)
     *
     * @param query a query of this source
     * @param now the current time, to bound an open window by the lookback
     * @param partitions about how many partitions to make
     * @return the partitions, at least one
     */
    public List<Partition> partitionsOf(TaskQuery query, Instant now, int partitions) {
        return partitioning.plan(query, lookback, now, partitions);
    }

    /**
     * The slices of one partition's window, by this source's {@link #partitioning()}.
     *
     * @param part a partition of a query of this source
     * @param now the current time, to bound an open window by the lookback
     * @param slices how many slices at most
     * @return the slices, or the partition alone where the source does not cut windows
     */
    public List<Partition> slicesOf(Partition part, Instant now, int slices) {
        return partitioning.slice(part, lookback, now, slices);
    }

    /**
     * The page size to ask for: the query's, or this source's default.
     *
     * @param query a query of this source
     * @return the page size
     */
    public int pageSizeFor(TaskQuery query) {
        return query.pageSize().orElse(paging.pageSize().defaultSize());
    }

    /**
     * The filters of a query that this source does not push down, as one predicate the paging
     * engine applies to each task.
     *
     * @param query a query of this source
     * @return the local filter; accepts everything when all filters are pushed down
     */
    public Predicate<Task> localFilter(TaskQuery query) {
        Predicate<Task> filter = task -> true;
        if (!pushedDown.contains(QueryFilter.STATUS) && !query.statuses().isEmpty()) {
            filter = filter.and(query::matchesStatus);
        }
        if (!pushedDown.contains(QueryFilter.CREATED_TIME)
                && (query.createdFrom().isPresent() || query.createdTo().isPresent())) {
            filter = filter.and(query::matchesCreationTime);
        }
        return filter;
    }

    private static String humanize(Duration duration) {
        long hours = duration.toHours();
        return hours % 24 == 0 ? hours / 24 + " days" : hours + " hours";
    }

    /** Builds a {@link SourceDescriptor}. Not thread-safe. */
    public static final class Builder {
        private final SourceId id;
        private final PagingModel paging;
        private String title;
        private final List<ScopeKey> scope = new java.util.ArrayList<>();
        private Duration lookback;
        private final Set<QueryFilter> pushedDown = EnumSet.noneOf(QueryFilter.class);
        private Partitioning partitioning = Partitioning.whole();

        private Builder(SourceId id, PagingModel paging) {
            this.id = Objects.requireNonNull(id, "id");
            this.paging = Objects.requireNonNull(paging, "paging");
            this.title = id.value();
        }

        /**
         * Sets the human name.
         *
         * @param title a short name
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Adds a scope parameter.
         *
         * @param key the parameter
         * @return this builder
         */
        public Builder scope(ScopeKey key) {
            scope.add(Objects.requireNonNull(key, "scope key"));
            return this;
        }

        /**
         * Sets how far back the provider keeps tasks.
         *
         * @param keptFor the retention, e.g. 7 days
         * @return this builder
         */
        public Builder lookback(Duration keptFor) {
            if (keptFor.isNegative() || keptFor.isZero()) {
                throw new IllegalArgumentException("lookback must be positive, got " + keptFor);
            }
            this.lookback = keptFor;
            return this;
        }

        /**
         * Declares filters the source sends to the provider.
         *
         * @param filters the filters pushed down
         * @return this builder
         */
        public Builder pushesDown(QueryFilter... filters) {
            pushedDown.addAll(List.of(filters));
            return this;
        }

        /**
         * Declares how a query splits into partitions listed at the same time; not split by default.
         *
         * @param split the partitioning
         * @return this builder
         */
        public Builder partitionedBy(Partitioning split) {
            this.partitioning = Objects.requireNonNull(split, "partitioning");
            return this;
        }

        /**
         * Builds the descriptor.
         *
         * @return the descriptor
         */
        public SourceDescriptor build() {
            return new SourceDescriptor(id, title, paging, scope, Optional.ofNullable(lookback), pushedDown,
                    partitioning);
        }
    }
}
