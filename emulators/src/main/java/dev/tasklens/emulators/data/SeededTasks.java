package dev.tasklens.emulators.data;

import dev.tasklens.domain.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Generates tasks deterministically from a seed: the same seed, count and window give the same
 * tasks, so a failing run can be replayed. Each task is computed from its position alone, so a
 * catalog of a million tasks starts in about a second and holds none of them. Statuses cycle
 * through pending, running, succeeded and failed, so every status is present whenever there are
 * at least four tasks; creation times are whole seconds spread over the window, newest first, and
 * distinct while there are fewer tasks than seconds in the window.
 */
public final class SeededTasks {

    private static final TaskStatus[] STATUSES = {TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.SUCCEEDED,
        TaskStatus.FAILED};
    /** The newest task is this old: providers list a task a little after it is created. */
    private static final long NEWEST_AGE_SECONDS = 60;
    private static final String PREFIX = "task-";

    private SeededTasks() {
    }

    /**
     * Generates tasks into a list.
     *
     * @param seed the seed
     * @param count how many tasks
     * @param now the end of the window
     * @param window how far back creation times go
     * @return the tasks, newest first
     */
    public static List<EmulatedTask> generate(long seed, int count, Instant now, Duration window) {
        return catalog(seed, count, now, window).toList();
    }

    /**
     * A catalog of generated tasks, computed on demand.
     *
     * @param seed the seed
     * @param count how many tasks, at least 0
     * @param now the end of the window
     * @param window how far back creation times go
     * @return the catalog, newest first
     * @throws IllegalArgumentException if the count is negative
     */
    public static TaskCatalog catalog(long seed, int count, Instant now, Duration window) {
        if (count < 0) {
            throw new IllegalArgumentException("count cannot be negative, got " + count);
        }
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        // Providers report times to the second.
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        long span = Math.max(1, window.getSeconds() - NEWEST_AGE_SECONDS);
        return TaskCatalog.computed(count, index -> task(seed, index, count, end, span), id -> indexOf(id, count));
    }

    private static EmulatedTask task(long seed, int index, int count, Instant now, long span) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        long slot = span / Math.max(1, count);
        // Monotone in the index: newest first; a whole slot of seconds per task while they fit.
        long age = slot >= 1 ? index * slot + random.nextLong(slot) : (long) index * span / count;
        Instant created = now.minusSeconds(NEWEST_AGE_SECONDS + age);
        TaskStatus status = STATUSES[index % STATUSES.length];
        Optional<Instant> started = status == TaskStatus.PENDING ? Optional.empty()
                : Optional.of(created.plusSeconds(1 + random.nextInt(30)));
        Optional<Instant> finished = status.isTerminal()
                ? Optional.of(min(now, started.orElseThrow().plusSeconds(1 + random.nextInt(600))))
                : Optional.empty();
        String hex = Integer.toHexString(random.nextInt());
        String id = PREFIX + (index < 1000 ? String.format("%04d", index) : Integer.toString(index)) + "-"
                + "0".repeat(8 - hex.length()) + hex;
        return new EmulatedTask(id, "task " + index, index % 3 == 0 ? "transcode" : "export", status, created,
                started, finished);
    }

    /** Ids name their position ({@code task-0042-1a2b3c4d}); the rest is checked by the caller. */
    private static OptionalInt indexOf(String id, int count) {
        int dash = id.indexOf('-', PREFIX.length());
        if (!id.startsWith(PREFIX) || dash < 0 || dash - PREFIX.length() > 9) {
            return OptionalInt.empty();
        }
        for (int i = PREFIX.length(); i < dash; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return OptionalInt.empty();
            }
        }
        if (dash == PREFIX.length()) {
            return OptionalInt.empty();
        }
        int index = Integer.parseInt(id.substring(PREFIX.length(), dash));
        return index < count ? OptionalInt.of(index) : OptionalInt.empty();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
