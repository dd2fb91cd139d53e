package dev.tasklens.emulators.data;

import dev.tasklens.domain.TaskStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A task as an emulator holds it, in neutral terms; each provider's emulator writes it in its
 * own format (status vocabulary, time format, field names).
 *
 * @param id the task id
 * @param name a name
 * @param type a type
 * @param status the neutral status (never {@code UNKNOWN} or {@code FINISHED})
 * @param createdAt when it was created
 * @param startedAt when it started, unless still pending
 * @param finishedAt when it ended, if it has
 */
public record EmulatedTask(String id, String name, String type, TaskStatus status, Instant createdAt,
        Optional<Instant> startedAt, Optional<Instant> finishedAt) {

    /**
     * Checks the parts.
     *
     * @param id see the record component
     * @param name see the record component
     * @param type see the record component
     * @param status see the record component
     * @param createdAt see the record component
     * @param startedAt see the record component
     * @param finishedAt see the record component
     */
    public EmulatedTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }

    /**
     * The same task in another status, as a provider holds it once the task has moved on.
     *
     * @param to the new status
     * @param started when it started, unless still pending
     * @param finished when it ended, if it has
     * @return the moved task; id, name, type and creation time unchanged
     */
    public EmulatedTask movedTo(TaskStatus to, Optional<Instant> started, Optional<Instant> finished) {
        return new EmulatedTask(id, name, type, to, createdAt, started, finished);
    }
}
