package dev.tasklens.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * What to list: which source, which statuses, which creation-time window, the source-specific
 * scope (CLS {@code shipper_id}, Huawei {@code project_id}, ...), page size, an overall limit,
 * and where to resume. Plain, immutable data, valid by construction.
 *
 * <p>Start with {@link #forSource(SourceId)}, or {@link #forSource(SourceDescriptor)} to have
 * the source's own rules (page size, required scope) checked when the query is built:
 * <pre>{@code
 * TaskQuery query = TaskQuery.forSource(SourceId.TENCENT_MPS)
 *         .status(TaskStatus.FAILED)
 *         .createdAfter(Instant.parse("2026-11-20T00:00:00Z"))
 *         .build();
 * }</pre>
 *
 * @param source the task list to read
 * @param statuses the statuses wanted; empty means every status
 * @param createdFrom inclusive lower bound of the creation time
 * @param createdTo exclusive upper bound of the creation time
 * @param pageSize the page size to ask for; empty means the source's default
 * @param scope source-specific parameters, sorted by key
 * @param limit the most tasks to return over all pages
 * @param resumeFrom where an earlier listing of the same query stopped
 */
public record TaskQuery(
        SourceId source,
        Set<TaskStatus> statuses,
        Optional<Instant> createdFrom,
        Optional<Instant> createdTo,
        OptionalInt pageSize,
        Map<String, String> scope,
        OptionalLong limit,
        Optional<PageToken> resumeFrom) {

    /**
     * Validates the query and freezes its collections.
     *
     * @param source see the record component
     * @param statuses see the record component
     * @param createdFrom see the record component
     * @param createdTo see the record component
     * @param pageSize see the record component
     * @param scope see the record component
     * @param limit see the record component
     * @param resumeFrom see the record component
     * @throws InvalidQueryException naming what is wrong and how to fix it
     */
    public TaskQuery {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(statuses, "statuses");
        Objects.requireNonNull(createdFrom, "createdFrom");
        Objects.requireNonNull(createdTo, "createdTo");
        Objects.requireNonNull(pageSize, "pageSize");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(resumeFrom, "resumeFrom");
        statuses = statuses.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        scope = Collections.unmodifiableMap(new TreeMap<>(scope));

        if (createdFrom.isPresent() && createdTo.isPresent() && !createdFrom.get().isBefore(createdTo.get())) {
            throw new InvalidQueryException(source, "createdAfter " + createdFrom.get()
                    + " is not before createdBefore " + createdTo.get()
                    + "; the window is empty. Swap the two times or widen the window");
        }
        if (pageSize.isPresent() && pageSize.getAsInt() < 1) {
            throw new InvalidQueryException(source, "page size " + pageSize.getAsInt()
                    + " is not allowed; use a page size of at least 1, or none for the source's default");
        }
        if (limit.isPresent() && limit.getAsLong() < 1) {
            throw new InvalidQueryException(source, "limit " + limit.getAsLong()
                    + " is not allowed; use a limit of at least 1 task, or none to list everything");
        }
        scope.forEach((key, value) -> {
            if (key.isBlank()) {
                throw new InvalidQueryException(source, "a scope key is blank; name it, e.g. shipper_id=...");
            }
            if (value.isBlank()) {
                throw new InvalidQueryException(source, "scope '" + key + "' has a blank value; give it a value"
                        + " or leave it out");
            }
        });
        if (resumeFrom.isPresent() && !resumeFrom.get().matchesFingerprint(fingerprint(source, statuses,
                createdFrom, createdTo, scope))) {
            throw new InvalidQueryException(source, "the resume token was made by a different query (source,"
                    + " statuses, time window or scope differ); resume with the query that produced the token,"
                    + " or list without a token to start over");
        }
    }

    /**
     * Starts a query for a source, checking only the rules every source shares.
     *
     * @param source the task list to read
     * @return a builder
     */
    public static Builder forSource(SourceId source) {
        return new Builder(Objects.requireNonNull(source, "source"), null);
    }

    /**
     * Starts a query for a source and checks that source's own rules on {@link Builder#build()}:
     * its maximum page size and required scope.
     *
     * @param source the source's description
     * @return a builder
     */
    public static Builder forSource(SourceDescriptor source) {
        return new Builder(Objects.requireNonNull(source, "source").id(), source);
    }

    /**
     * A builder holding this query, to change a part of it.
     *
     * @return a new builder with every part of this query
     */
    public Builder toBuilder() {
        Builder builder = new Builder(source, null);
        builder.statuses.addAll(statuses);
        builder.createdFrom = createdFrom.orElse(null);
        builder.createdTo = createdTo.orElse(null);
        builder.pageSize = pageSize.isPresent() ? pageSize.getAsInt() : null;
        builder.scope.putAll(scope);
        builder.limit = limit.isPresent() ? limit.getAsLong() : null;
        builder.resumeFrom = resumeFrom.orElse(null);
        return builder;
    }

    /**
     * Whether a task has a wanted status.
     *
     * @param task a task of this query's source
     * @return true when the statuses are empty or contain the task's
     */
    public boolean matchesStatus(Task task) {
        return statuses.isEmpty() || statuses.contains(task.status());
    }

    /**
     * Whether a task was created inside the window. A task whose creation time the provider did
     * not report matches only a query without a window, since it cannot be shown to lie inside.
     *
     * @param task a task of this query's source
     * @return true when the task lies inside the window
     */
    public boolean matchesCreationTime(Task task) {
        if (createdFrom.isEmpty() && createdTo.isEmpty()) {
            return true;
        }
        return task.createdAt().map(created -> Partition.within(created, createdFrom, createdTo)).orElse(false);
    }

    /**
     * The parts that define which tasks the query selects, hashed: what a page token is bound to.
     * Page size, limit and the resume token are left out, since they do not change the list.
     */
    byte[] fingerprint() {
        return fingerprint(source, statuses, createdFrom, createdTo, scope);
    }

    private static byte[] fingerprint(SourceId source, Set<TaskStatus> statuses, Optional<Instant> from,
            Optional<Instant> to, Map<String, String> scope) {
        StringBuilder text = new StringBuilder("tasklens-query-v1");
        appendPart(text, source.value());
        appendPart(text, statuses.toString());
        appendPart(text, from.map(Instant::toString).orElse("-"));
        appendPart(text, to.map(Instant::toString).orElse("-"));
        scope.forEach((key, value) -> {
            appendPart(text, key);
            appendPart(text, value);
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, PageToken.FINGERPRINT_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    // Length-prefixed, so that no value can imitate a separator.
    private static void appendPart(StringBuilder text, String part) {
        text.append('|').append(part.length()).append(':').append(part);
    }

    /** Builds a {@link TaskQuery}; names read as English. Not thread-safe. */
    public static final class Builder {
        private final SourceId source;
        private final SourceDescriptor descriptor;
        private final Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        private Instant createdFrom;
        private Instant createdTo;
        private Integer pageSize;
        private final Map<String, String> scope = new TreeMap<>();
        private Long limit;
        private PageToken resumeFrom;

        private Builder(SourceId source, SourceDescriptor descriptor) {
            this.source = source;
            this.descriptor = descriptor;
        }

        /**
         * Adds wanted statuses; with none, every status is listed.
         *
         * @param wanted the statuses to add
         * @return this builder
         */
        public Builder status(TaskStatus... wanted) {
            return statuses(Arrays.asList(wanted));
        }

        /**
         * Adds wanted statuses; with none, every status is listed.
         *
         * @param wanted the statuses to add
         * @return this builder
         */
        public Builder statuses(Collection<TaskStatus> wanted) {
            wanted.forEach(status -> statuses.add(Objects.requireNonNull(status, "status")));
            return this;
        }

        /**
         * Lists only tasks created at or after this instant.
         *
         * @param from inclusive lower bound
         * @return this builder
         */
        public Builder createdAfter(Instant from) {
            this.createdFrom = Objects.requireNonNull(from, "createdAfter");
            return this;
        }

        /**
         * Lists only tasks created before this instant.
         *
         * @param to exclusive upper bound
         * @return this builder
         */
        public Builder createdBefore(Instant to) {
            this.createdTo = Objects.requireNonNull(to, "createdBefore");
            return this;
        }

        /**
         * Lists only tasks created in {@code [from, to)}.
         *
         * @param from inclusive lower bound
         * @param to exclusive upper bound
         * @return this builder
         */
        public Builder createdBetween(Instant from, Instant to) {
            return createdAfter(from).createdBefore(to);
        }

        /**
         * Asks for pages of this size (within the source's limits).
         *
         * @param size items per page
         * @return this builder
         */
        public Builder pageSize(int size) {
            this.pageSize = size;
            return this;
        }

        /**
         * Sets a source-specific parameter, such as {@code shipper_id} for CLS.
         *
         * @param key the parameter's name
         * @param value its value
         * @return this builder
         */
        public Builder scope(String key, String value) {
            scope.put(Objects.requireNonNull(key, "scope key"), Objects.requireNonNull(value, () -> "scope " + key));
            return this;
        }

        /**
         * Stops after this many tasks, over all pages.
         *
         * @param maxTasks the most tasks to return
         * @return this builder
         */
        public Builder limit(long maxTasks) {
            this.limit = maxTasks;
            return this;
        }

        /**
         * Resumes where an earlier listing of the same query stopped.
         *
         * @param token the token the earlier listing gave
         * @return this builder
         */
        public Builder resumeFrom(PageToken token) {
            this.resumeFrom = Objects.requireNonNull(token, "resume token");
            return this;
        }

        /**
         * Resumes from a token in its printed form.
         *
         * @param token the printed token
         * @return this builder
         * @throws InvalidQueryException if the text is not a valid token
         */
        public Builder resumeFrom(String token) {
            return resumeFrom(PageToken.parse(token));
        }

        /**
         * Builds and validates the query.
         *
         * @return the query
         * @throws InvalidQueryException naming what is wrong and how to fix it
         */
        public TaskQuery build() {
            TaskQuery query = new TaskQuery(source, statuses, Optional.ofNullable(createdFrom),
                    Optional.ofNullable(createdTo),
                    pageSize == null ? OptionalInt.empty() : OptionalInt.of(pageSize), scope,
                    limit == null ? OptionalLong.empty() : OptionalLong.of(limit), Optional.ofNullable(resumeFrom));
            if (descriptor != null) {
                descriptor.checkStatic(query);
            }
            return query;
        }
    }
}
