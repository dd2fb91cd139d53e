package dev.tasklens.emulators.data;

import dev.tasklens.domain.TaskStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Tasks that change while they are served, for a sandbox with churn: new tasks appear, open tasks
 * move on (pending to running, running to succeeded or, one time in four, failed), on a schedule
 * drawn from a seed. Each request reads one catalog ({@link #get()}), replaced whole after each
 * batch of changes, so that no reply mixes two moments. Thread-safe.
 */
public final class ChurningCatalog implements Supplier<TaskCatalog> {

    private final List<EmulatedTask> tasks;
    private final SplittableRandom random;
    private final String prefix;
    private volatile TaskCatalog current;
    private int created;

    /**
     * Churn over these tasks.
     *
     * @param initial the tasks to start from
     * @param seed the seed of the schedule
     * @param prefix what new tasks' ids start with, such as {@code churn-}
     */
    public ChurningCatalog(List<EmulatedTask> initial, long seed, String prefix) {
        this.tasks = new ArrayList<>(initial);
        this.random = new SplittableRandom(seed);
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.current = TaskCatalog.of(tasks);
    }

    @Override
    public TaskCatalog get() {
        return current;
    }

    /**
     * One change a churn made.
     *
     * @param id the task's id
     * @param status its new status
     * @param at when
     */
    public record Change(String id, TaskStatus status, Instant at) {
    }

    /**
     * Makes some changes and serves the result.
     *
     * @param count how many changes
     * @param now the time they happen (providers report whole seconds)
     * @return the changes made
     */
    public synchronized List<Change> churn(int count, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.SECONDS);
        List<Change> changes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            changes.add(step(at));
        }
        if (!changes.isEmpty()) {
            current = TaskCatalog.of(tasks);
        }
        return changes;
    }

    private Change step(Instant at) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (!tasks.get(i).status().isTerminal()) {
                open.add(i);
            }
        }
        if (open.isEmpty() || random.nextInt(5) < 2) {
            String hex = Integer.toHexString(random.nextInt(0x10000000) | 0x10000000);
            EmulatedTask task = new EmulatedTask(prefix + String.format("%05d", created++) + "-" + hex,
                    "churned " + created, random.nextBoolean() ? "transcode" : "export", TaskStatus.PENDING, at,
                    Optional.empty(), Optional.empty());
            tasks.add(task);
            return new Change(task.id(), task.status(), at);
        }
        int index = open.get(random.nextInt(open.size()));
        EmulatedTask task = tasks.get(index);
        EmulatedTask moved = task.status() == TaskStatus.PENDING
                ? task.movedTo(TaskStatus.RUNNING, Optional.of(at.isBefore(task.createdAt()) ? task.createdAt() : at),
                        Optional.empty())
                : task.movedTo(random.nextInt(4) == 0 ? TaskStatus.FAILED : TaskStatus.SUCCEEDED,
                        task.startedAt().or(() -> Optional.of(task.createdAt())), Optional.of(at));
        tasks.set(index, moved);
        return new Change(moved.id(), moved.status(), at);
    }
}
