package dev.tasklens.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One background task as any provider reports it, in provider-neutral terms.
 *
 * <p>What only one provider has (CLS {@code topic_id}, Baidu {@code mediaId}, Huawei success and
 * failure counts, ...) is kept in {@link #attributes()} under the provider's own field name.
 *
 * @param source the task list the task came from
 * @param id the provider's task id
 * @param name the task's name, where the provider has one
 * @param type the provider's task type (for example {@code WorkflowTask}); never blank
 * @param status the provider-neutral status
 * @param rawStatus the provider's own status value, exactly as sent (may be empty when the
 *     provider sends none)
 * @param createdAt when the task was created, where reported
 * @param startedAt when processing started, where reported
 * @param finishedAt when processing ended, where reported
 * @param message the provider's detail message, where reported
 * @param attributes provider-specific fields, in the order the adapter added them; unmodifiable
 */
public record Task(
        SourceId source,
        String id,
        Optional<String> name,
        String type,
        TaskStatus status,
        String rawStatus,
        Optional<Instant> createdAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<String> message,
        Map<String, String> attributes) {

    /**
     * Checks that nothing is missing and freezes the attributes.
     *
     * @param source see the record component
     * @param id see the record component
     * @param name see the record component
     * @param type see the record component
     * @param status see the record component
     * @param rawStatus see the record component
     * @param createdAt see the record component
     * @param startedAt see the record component
     * @param finishedAt see the record component
     * @param message see the record component
     * @param attributes see the record component
     * @throws IllegalArgumentException if a required part is missing or blank
     */
    public Task {
        require(source, "source");
        require(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a task needs a non-blank id (source " + source + ")");
        }
        require(name, "name");
        require(type, "type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("task " + id + " of " + source + " needs a non-blank type");
        }
        require(status, "status");
        require(rawStatus, "rawStatus");
        require(createdAt, "createdAt");
        require(startedAt, "startedAt");
        require(finishedAt, "finishedAt");
        require(message, "message");
        require(attributes, "attributes");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    private static void require(Object part, String what) {
        if (part == null) {
            throw new IllegalArgumentException("task part '" + what + "' is missing; use Optional.empty() for an"
                    + " absent optional part");
        }
    }

    /**
     * Starts a task.
     *
     * @param source the task list it came from
     * @param id the provider's task id
     * @return a builder; {@link Builder#type(String)} and {@link Builder#status(TaskStatus, String)}
     *     must be called before {@link Builder#build()}
     */
    public static Builder builder(SourceId source, String id) {
        return new Builder(source, id);
    }

    /**
     * A provider-specific attribute.
     *
     * @param key the provider's field name
     * @return its value, if the provider sent it
     */
    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** Builds a {@link Task} step by step; not thread-safe, use one per task. */
    public static final class Builder {
        private final SourceId source;
        private final String id;
        private String name;
        private String type;
        private TaskStatus status;
        private String rawStatus;
        private Instant createdAt;
        private Instant startedAt;
        private Instant finishedAt;
        private String message;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(SourceId source, String id) {
            this.source = Objects.requireNonNull(source, "source");
            this.id = Objects.requireNonNull(id, "id");
        }

        /**
         * Sets the task's name.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets the provider's task type.
         *
         * @param type the type, such as {@code WorkflowTask}
         * @return this builder
         */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets the status and keeps the provider's value beside it.
         *
         * @param status the provider-neutral status
         * @param rawStatus the provider's value, as sent
         * @return this builder
         */
        public Builder status(TaskStatus status, String rawStatus) {
            this.status = Objects.requireNonNull(status, "status");
            this.rawStatus = Objects.requireNonNull(rawStatus, "rawStatus");
            return this;
        }

        /**
         * Sets the creation time.
         *
         * @param createdAt when the task was created
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        /**
         * Sets the time processing started.
         *
         * @param startedAt when processing started
         * @return this builder
         */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
            return this;
        }

        /**
         * Sets the time processing ended.
         *
         * @param finishedAt when processing ended
         * @return this builder
         */
        public Builder finishedAt(Instant finishedAt) {
            this.finishedAt = Objects.requireNonNull(finishedAt, "finishedAt");
            return this;
        }

        /**
         * Sets the provider's detail message.
         *
         * @param message the message
         * @return this builder
         */
        public Builder message(String message) {
            this.message = Objects.requireNonNull(message, "message");
            return this;
        }

        /**
         * Adds a provider-specific attribute; a later value for the same key replaces the earlier.
         *
         * @param key the provider's field name
         * @param value its value
         * @return this builder
         */
        public Builder attribute(String key, String value) {
            attributes.put(Objects.requireNonNull(key, "attribute key"),
                    Objects.requireNonNull(value, () -> "value of attribute " + key));
            return this;
        }

        /**
         * Builds the task.
         *
         * @return the immutable task
         * @throws IllegalArgumentException if the type or the status was not set
         */
        public Task build() {
            if (type == null) {
                throw new IllegalArgumentException("task " + id + " of " + source + " has no type; call type(...)");
            }
            if (status == null) {
                throw new IllegalArgumentException("task " + id + " of " + source
                        + " has no status; call status(TaskStatus, rawStatus)");
            }
            return new Task(source, id, Optional.ofNullable(name), type, status, rawStatus,
                    Optional.ofNullable(createdAt), Optional.ofNullable(startedAt), Optional.ofNullable(finishedAt),
                    Optional.ofNullable(message), attributes);
        }
    }
}
