package dev.tasklens.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a source's query splits into independent {@link Partition}s that the paging engine lists
 * at the same time. The family is closed; a source declares one in its {@link SourceDescriptor}:
 *
 * <ul>
 *   <li>{@link Whole}: no split (a single window, or a list only its own cursor can walk).</li>
 *   <li>{@link ByStatus}: one partition per status request, where the provider takes one status
 *       per request (Tencent MPS {@code Status}, Baidu VOD {@code status}).</li>
 *   <li>{@link ByWindow}: slices of the creation window, where the provider narrows a listing to
 *       a window (MPS {@code StartTime}/{@code EndTime}, VOD {@code beginTime}/{@code endTime},
 *       Huawei ies {@code begin_time}/{@code end_time}).</li>
 *   <li>{@link ByStatusAndWindow}: both, every status request over every slice.</li>
 * </ul>
 *
 * <p>The engine asks for a number of partitions, from its concurrency; a window is sliced
 * only when it is bounded, by the query or by the source's lookback, and the slices' bounds fall on
 * whole multiples of the provider's time grain, so that a provider that rounds its bounds to that
 * grain still returns every task of a slice (the engine keeps each task in one slice only). The
 * newest slices come first in the plan, and the engine starts partitions in plan order.
 */
public sealed interface Partitioning permits Partitioning.Whole, Partitioning.ByStatus, Partitioning.ByWindow,
        Partitioning.ByStatusAndWindow {

    /**
     * No split: the query is one partition.
     *
     * @return the partitioning
     */
    static Partitioning whole() {
        return Whole.INSTANCE;
    }

    /**
     * One partition per status request.
     *
     * @param split the status sets a query's statuses become, one per request stream
     * @return the partitioning
     */
    static ByStatus byStatus(StatusSplit split) {
        return new ByStatus(split, Optional.empty());
    }

    /**
     * Slices of the creation window.
     *
     * @param grain the provider's time resolution: slice bounds are whole multiples of it
     * @return the partitioning
     */
    static ByWindow byWindow(Duration grain) {
        return new ByWindow(grain);
    }

    /**
     * The partitions of a query.
     *
     * @param query the query
     * @param lookback how far back the source keeps tasks, to bound an open window
     * @param now the current time, to bound an open window
     * @param partitions about how many partitions to make in all (the engine asks for a few per page
     *     in flight); fewer where the window is open or too short for the grain
     * @return the partitions, at least one; they cover the query, each task in one of them
     */
    List<Partition> plan(TaskQuery query, Optional<Duration> lookback, Instant now, int partitions);

    /**
     * Cuts one partition's window into slices, when a listing finds it holds many pages (the paging
     * engine asks after the partition's first page); the partition itself where this partitioning
     * does not cut windows, or the window is open and the source keeps tasks for ever.
     *
     * @param part a partition planned by {@link #plan}
     * @param lookback how far back the source keeps tasks, to bound an open window
     * @param now the current time, to bound an open window
     * @param slices how many slices to make at most
     * @return the slices, newest first, covering the partition; or the partition alone
     */
    default List<Partition> slice(Partition part, Optional<Duration> lookback, Instant now, int slices) {
        return List.of(part);
    }

    /**
     * Which status sets a query's wanted statuses become, one request stream each, disjoint.
     */
    @FunctionalInterface
    interface StatusSplit {
        /**
         * Splits the wanted statuses.
         *
         * @param wanted the query's statuses; empty means every status
         * @return the status sets, one per request stream; empty when the provider has none of them
         */
        List<Set<TaskStatus>> split(Set<TaskStatus> wanted);
    }

    /**
     * The provider's terms for one status set, where it lists a status by several requests: one
     * request stream, so one partition, per term.
     */
    @FunctionalInterface
    interface Terms {
        /**
         * The terms of a status set.
         *
         * @param statuses a status set of the split; empty means every status
         * @return the terms, each asked for alone; empty to list the set by one request without a term
         */
        List<String> of(Set<TaskStatus> statuses);
    }

    /** The query is one partition. */
    enum Whole implements Partitioning {
        /** The only instance. */
        INSTANCE;

        @Override
        public List<Partition> plan(TaskQuery query, Optional<Duration> lookback, Instant now, int partitions) {
            return List.of(Partition.whole(query));
        }
    }

    /**
     * One partition per status request.
     *
     * @param split how the statuses split
     * @param terms the provider's terms of each status set, each a request of its own, if it has them
     */
    record ByStatus(StatusSplit split, Optional<Terms> terms) implements Partitioning {
        /**
         * Checks the parts.
         *
         * @param split see the record component
         * @param terms see the record component
         */
        public ByStatus {
            Objects.requireNonNull(split, "split");
            Objects.requireNonNull(terms, "terms");
        }

        /**
         * The same split, each status set listed by one request per provider term.
         *
         * @param each the terms of a status set
         * @return the partitioning
         */
        public ByStatus eachBy(Terms each) {
            return new ByStatus(split, Optional.of(Objects.requireNonNull(each, "terms")));
        }

        /**
         * Both: every status request over every slice of the window.
         *
         * @param grain the provider's time resolution
         * @return the partitioning
         */
        public ByStatusAndWindow andByWindow(Duration grain) {
            return new ByStatusAndWindow(this, new ByWindow(grain));
        }

        @Override
        public List<Partition> plan(TaskQuery query, Optional<Duration> lookback, Instant now, int partitions) {
            List<Partition> parts = new ArrayList<>();
            for (Set<TaskStatus> statuses : split.split(query.statuses())) {
                List<String> asked = terms.map(each -> each.of(statuses)).orElse(List.of());
                if (asked.isEmpty()) {
                    parts.add(new Partition(statuses, query.createdFrom(), query.createdTo()));
                }
                for (String term : asked) {
                    parts.add(new Partition(statuses, query.createdFrom(), query.createdTo(), Optional.of(term)));
                }
            }
            // A provider without any of the wanted statuses still gets one (empty) partition to list.
            return parts.isEmpty() ? List.of(Partition.whole(query)) : List.copyOf(parts);
        }
    }

    /**
     * Slices of the creation window.
     *
     * @param grain the provider's time resolution, positive
     */
    record ByWindow(Duration grain) implements Partitioning {
        /**
         * Checks the grain.
         *
         * @param grain see the record component
         * @throws IllegalArgumentException if it is not positive
         */
        public ByWindow {
            Objects.requireNonNull(grain, "grain");
            if (grain.isNegative() || grain.isZero()) {
                throw new IllegalArgumentException("a time grain must be positive, got " + grain);
            }
        }

        @Override
        public List<Partition> plan(TaskQuery query, Optional<Duration> lookback, Instant now, int partitions) {
            return slice(Partition.whole(query), lookback, now, partitions);
        }

        @Override
        public List<Partition> slice(Partition part, Optional<Duration> lookback, Instant now, int slices) {
            Optional<Instant> low = part.createdFrom().or(() -> lookback.map(now::minus));
            Instant high = part.createdTo().orElse(now);
            if (slices < 2 || low.isEmpty() || !low.get().isBefore(high)) {
                return List.of(part);
            }
            try {
                return cut(part, low.get(), high, slices);
            } catch (ArithmeticException e) {
                return List.of(part); // a window beyond the years nanoseconds can count is listed whole
            }
        }

        private List<Partition> cut(Partition part, Instant low, Instant high, int slices) {
            long grainNanos = grain.toNanos();
            long from = nanos(low);
            long span = nanos(high) - from;
            TreeSet<Long> cuts = new TreeSet<>();
            for (int i = 1; i < slices; i++) {
                long cut = Math.floorDiv(from + span / slices * i, grainNanos) * grainNanos;
                if (cut > from && cut < nanos(high)) {
                    cuts.add(cut);
                }
            }
            List<Partition> parts = new ArrayList<>();
            Optional<Instant> start = part.createdFrom();
            for (long cut : cuts) {
                Instant end = instant(cut);
                parts.add(part.over(start, Optional.of(end)));
                start = Optional.of(end);
            }
            parts.add(part.over(start, part.createdTo()));
            // Newest first: recent tasks are the ones most often looked for, and the most numerous.
            java.util.Collections.reverse(parts);
            return List.copyOf(parts);
        }

        private static long nanos(Instant at) {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        }

        private static Instant instant(long nanos) {
            return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
        }
    }

    /**
     * Every status request over every slice of the window.
     *
     * @param statuses the status split
     * @param window the window slicing
     */
    record ByStatusAndWindow(ByStatus statuses, ByWindow window) implements Partitioning {
        /**
         * Checks the parts.
         *
         * @param statuses see the record component
         * @param window see the record component
         */
        public ByStatusAndWindow {
            Objects.requireNonNull(statuses, "statuses");
            Objects.requireNonNull(window, "window");
        }

        @Override
        public List<Partition> plan(TaskQuery query, Optional<Duration> lookback, Instant now, int partitions) {
            List<Partition> byStatus = statuses.plan(query, lookback, now, partitions);
            int slices = Math.max(1, (partitions + byStatus.size() - 1) / byStatus.size());
            List<List<Partition>> sliced = new ArrayList<>();
            for (Partition part : byStatus) {
                sliced.add(window.slice(part, lookback, now, slices));
            }
            // The newest slice of every status first, then the next older ones.
            List<Partition> parts = new ArrayList<>();
            for (int slice = 0; parts.size() < sliced.stream().mapToInt(List::size).sum(); slice++) {
                for (List<Partition> ofStatus : sliced) {
                    if (slice < ofStatus.size()) {
                        parts.add(ofStatus.get(slice));
                    }
                }
            }
            return List.copyOf(parts);
        }

        @Override
        public List<Partition> slice(Partition part, Optional<Duration> lookback, Instant now, int slices) {
            return window.slice(part, lookback, now, slices);
        }
    }
}
