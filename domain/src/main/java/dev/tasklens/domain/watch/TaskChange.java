package dev.tasklens.domain.watch;

import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change a watch reports.
 *
 * @param kind what happened
 * @param task the task as last listed (for {@link ChangeKind#VANISHED} and {@link ChangeKind#RESYNC},
 *     as last seen)
 * @param previous the status before the change, for a task seen before
 * @param observedAt when the poll that saw it ran
 */
public record TaskChange(ChangeKind kind, Task task, Optional<TaskStatus> previous, Instant observedAt) {

    /**
     * Checks the parts.
     *
     * @param kind see the record component
     * @param task see the record component
     * @param previous see the record component
     * @param observedAt see the record component
     */
    public TaskChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}
