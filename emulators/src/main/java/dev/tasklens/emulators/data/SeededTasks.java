package dev.tasklens.emulators.data;

import dev.tasklens.domain.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generates tasks deterministically from a seed: the same seed, count and window give the same
 * tasks, so a failing run can be replayed. Statuses cycle through pending, running, succeeded
 * and failed so every status is present whenever there are at least four tasks; creation times
 * are whole seconds spread over the window, distinct, newest first.
 */
public final class SeededTasks {

    private static final TaskStatus[] STATUSES = {TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.SUCCEEDED,
        TaskStatus.FAILED};

    private SeededTasks() {
    }

    /**
     * Generates tasks.
     *
     * @param seed the seed
     * @param count how many tasks
     * @param now the end of the window
     * @param window how far back creation times go
     * @return the tasks, newest first
     */
    public static List<EmulatedTask> generate(long seed, int count, Instant now, Duration window) {
        if (count < 0) {
            throw new IllegalArgumentException("count cannot be negative, got " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        // Providers report times to the second.
        now = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long span = Math.max(count, window.getSeconds() - 60);
        List<Long> offsets = new ArrayList<>();
        while (offsets.size() < count) {
            long offset = 60 + random.nextLong(span);
            if (!offsets.contains(offset)) {
                offsets.add(offset);
            }
        }
        List<EmulatedTask> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TaskStatus status = STATUSES[i % STATUSES.length];
            Instant created = now.minusSeconds(offsets.get(i));
            Optional<Instant> started = status == TaskStatus.PENDING ? Optional.empty()
                    : Optional.of(created.plusSeconds(1 + random.nextInt(30)));
            Optional<Instant> finished = status.isTerminal()
                    ? Optional.of(min(now, started.orElseThrow().plusSeconds(1 + random.nextInt(600))))
                    : Optional.empty();
            tasks.add(new EmulatedTask(String.format("task-%04d-%08x", i, random.nextInt()), "task " + i,
                    i % 3 == 0 ? "transcode" : "export", status, created, started, finished));
        }
        tasks.sort(Comparator.comparing(EmulatedTask::createdAt).reversed());
        return List.copyOf(tasks);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
