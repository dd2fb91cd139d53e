package dev.tasklens.emulators.data;

import dev.tasklens.domain.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The tasks an emulator serves, newest first, indexed so that a page is found without copying the
 * list: by id (a page token naming the next task), by status and by creation window. A catalog of
 * a million seeded tasks is generated on demand ({@link SeededTasks#catalog}) and holds only an
 * index of positions per status. Immutable and thread-safe.
 */
public final class TaskCatalog {

    private final int size;
    private final IntFunction<EmulatedTask> tasks;
    private final Function<String, OptionalInt> ids;
    private final Map<TaskStatus, int[]> positions;

    private TaskCatalog(int size, IntFunction<EmulatedTask> tasks, Function<String, OptionalInt> ids) {
        this.size = size;
        this.tasks = tasks;
        this.ids = ids;
        this.positions = index(size, tasks);
    }

    /**
     * A catalog of these tasks, newest first (tasks created at the same second keep their order).
     *
     * @param tasks the tasks, in any order; ids must be distinct
     * @return the catalog
     * @throws IllegalArgumentException if two tasks share an id
     */
    public static TaskCatalog of(List<EmulatedTask> tasks) {
        List<EmulatedTask> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing(EmulatedTask::createdAt).reversed());
        List<EmulatedTask> fixed = List.copyOf(sorted);
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < fixed.size(); i++) {
            if (byId.put(fixed.get(i).id(), i) != null) {
                throw new IllegalArgumentException("two tasks have the id " + fixed.get(i).id());
            }
        }
        return new TaskCatalog(fixed.size(), fixed::get, id -> {
            Integer index = byId.get(id);
            return index == null ? OptionalInt.empty() : OptionalInt.of(index);
        });
    }

    /** A catalog whose tasks are computed from their position; {@code tasks} must be newest first. */
    static TaskCatalog computed(int size, IntFunction<EmulatedTask> tasks, Function<String, OptionalInt> ids) {
        return new TaskCatalog(size, tasks, ids);
    }

    /**
     * How many tasks.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    /**
     * The task at a position, newest first.
     *
     * @param index 0 to {@code size() - 1}
     * @return the task
     * @throws IndexOutOfBoundsException outside the catalog
     */
    public EmulatedTask get(int index) {
        Objects.checkIndex(index, size);
        return tasks.apply(index);
    }

    /**
     * Where the task with this id stands.
     *
     * @param id a task id
     * @return its position, or empty if no task has it
     */
    public OptionalInt indexOf(String id) {
        OptionalInt index = ids.apply(Objects.requireNonNull(id, "id"));
        return index.isPresent() && tasks.apply(index.getAsInt()).id().equals(id) ? index : OptionalInt.empty();
    }

    /**
     * Every task, newest first, materialized; for small catalogs and tests.
     *
     * @return the tasks
     */
    public List<EmulatedTask> toList() {
        List<EmulatedTask> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(tasks.apply(i));
        }
        return List.copyOf(all);
    }

    /**
     * Every task's status, by task id in id order: the truth a test compares a listing, a watch or a
     * connector's records with.
     *
     * @return task id to status name ({@code PENDING}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED})
     */
    public Map<String, String> statuses() {
        Map<String, String> statuses = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            EmulatedTask task = tasks.apply(i);
            statuses.put(task.id(), task.status().name());
        }
        return Collections.unmodifiableMap(statuses);
    }

    /**
     * The tasks in some statuses created within a window, as a provider's filter selects them.
     *
     * @param statuses the neutral statuses to keep
     * @param createdFrom the earliest creation time kept, inclusive, if any
     * @param createdTo the latest creation time kept, inclusive, if any
     * @return the selection
     */
    public Selection select(Set<TaskStatus> statuses, Optional<Instant> createdFrom, Optional<Instant> createdTo) {
        int lo = createdTo.map(to -> firstAtOrBefore(to)).orElse(0);
        int hi = createdFrom.map(from -> firstAtOrBefore(from.minusNanos(1))).orElse(size);
        List<int[]> lists = new ArrayList<>();
        for (TaskStatus status : statuses) {
            int[] list = positions.get(status);
            if (list != null && list.length > 0) {
                lists.add(list);
            }
        }
        return new Selection(lists, lo, Math.max(lo, hi));
    }

    /** The first position whose task was created at or before {@code instant} (tasks are newest first). */
    private int firstAtOrBefore(Instant instant) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (tasks.apply(mid).createdAt().isAfter(instant)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static Map<TaskStatus, int[]> index(int size, IntFunction<EmulatedTask> tasks) {
        Map<TaskStatus, int[]> counts = new EnumMap<>(TaskStatus.class);
        TaskStatus[] statuses = new TaskStatus[size];
        int[] perStatus = new int[TaskStatus.values().length];
        for (int i = 0; i < size; i++) {
            statuses[i] = tasks.apply(i).status();
            perStatus[statuses[i].ordinal()]++;
        }
        int[] filled = new int[perStatus.length];
        for (TaskStatus status : TaskStatus.values()) {
            counts.put(status, new int[perStatus[status.ordinal()]]);
        }
        for (int i = 0; i < size; i++) {
            counts.get(statuses[i])[filled[statuses[i].ordinal()]++] = i;
        }
        return counts;
    }

    /**
     * The tasks a filter selects, in catalog order, read a page at a time without copying.
     */
    public final class Selection {

        private final List<int[]> lists;
        private final int lo;
        private final int hi;

        private Selection(List<int[]> lists, int lo, int hi) {
            this.lists = lists;
            this.lo = lo;
            this.hi = hi;
        }

        /**
         * How many tasks the filter selects.
         *
         * @return the count
         */
        public int count() {
            int count = 0;
            for (int[] list : lists) {
                count += ceiling(list, hi) - ceiling(list, lo);
            }
            return count;
        }

        /**
         * Whether the task at this catalog position is selected.
         *
         * @param index a catalog position
         * @return true if it is
         */
        public boolean contains(int index) {
            if (index < lo || index >= hi) {
                return false;
            }
            for (int[] list : lists) {
                int at = ceiling(list, index);
                if (at < list.length && list[at] == index) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Up to {@code limit} selected tasks from a catalog position on, and the position of the
         * selected task after them.
         *
         * @param from the catalog position to start at (the selection's start if lower)
         * @param limit how many tasks at most
         * @return the page
         */
        public Slice page(int from, int limit) {
            int[] cursors = new int[lists.size()];
            int start = Math.max(from, lo);
            for (int i = 0; i < cursors.length; i++) {
                cursors[i] = ceiling(lists.get(i), start);
            }
            List<EmulatedTask> items = new ArrayList<>(Math.min(limit, 1024));
            while (true) {
                int best = -1;
                for (int i = 0; i < cursors.length; i++) {
                    int[] list = lists.get(i);
                    if (cursors[i] < list.length && list[cursors[i]] < hi
                            && (best < 0 || list[cursors[i]] < lists.get(best)[cursors[best]])) {
                        best = i;
                    }
                }
                if (best < 0) {
                    return new Slice(List.copyOf(items), OptionalInt.empty());
                }
                int position = lists.get(best)[cursors[best]];
                if (items.size() == limit) {
                    return new Slice(List.copyOf(items), OptionalInt.of(position));
                }
                items.add(tasks.apply(position));
                cursors[best]++;
            }
        }

        /**
         * The catalog position where the selection starts.
         *
         * @return the position
         */
        public int start() {
            return lo;
        }

        /** The first index in a sorted list whose value is at least {@code value}. */
        private int ceiling(int[] list, int value) {
            int low = 0;
            int high = list.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (list[mid] < value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    /**
     * One page of a selection.
     *
     * @param tasks the tasks, newest first
     * @param next the catalog position of the next selected task, or empty at the end
     */
    public record Slice(List<EmulatedTask> tasks, OptionalInt next) {

        /**
         * Checks the parts.
         *
         * @param tasks see the record component
         * @param next see the record component
         */
        public Slice {
            Objects.requireNonNull(tasks, "tasks");
            Objects.requireNonNull(next, "next");
        }
    }

    /**
     * Every neutral status a provider's emulator may hold.
     *
     * @return pending, running, succeeded and failed
     */
    public static Set<TaskStatus> allStatuses() {
        return EnumSet.of(TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.SUCCEEDED, TaskStatus.FAILED);
    }
}
