package dev.tasklens.domain.paging;

import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.Partition;
import dev.tasklens.domain.PartitionPosition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TransportException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The partitions of one listing and the fetches that feed them: which partition fetches next, how
 * many pages are out at once, where a fetch runs, and what the consumer takes next. One code path
 * for every concurrency: a fetch is claimed under the lock and run outside it, on the executor
 * when there is one, else on the consumer's thread at the moment it needs a page.
 *
 * <ul>
 *   <li>Pages out (in flight, or fetched and not yet taken) never outnumber the pages the consumer
 *       has taken, nor the concurrency: they grow 1, 1, 2, 3, ... up to it. The bound counts pages,
 *       not timing, so a consumer that takes {@code k} pages and walks away has caused at most
 *       {@code k + min(k, concurrency)} fetches, plus one dropped first page per planned partition
 *       that split.</li>
 *   <li>A partition is at most one page ahead of the consumer: one in flight or one waiting.</li>
 *   <li>With fetches running at once, the partition that has fetched the fewest pages fetches next
 *       (plan order among equals), so all progress together and partitions of equal size end
 *       together: a listing does not end with a few partitions opened last running alone. What is
 *       held stays bounded by the pages out, not by the partitions open. One page at a time, the
 *       partitions are read one after another, in plan order.</li>
 *   <li>Under a limit only the consumer starts fetches, and only while what it has counted, plus
 *       what is held and in flight (a page in flight counted as full), could fall short of it.</li>
 *   <li>A failed fetch stops all fetching; the consumer gets the failure once the pages already
 *       fetched were taken, after the fetches still in flight ended, so no request of the listing
 *       is sent after it failed.</li>
 * </ul>
 *
 * @param <T> the item type
 */
final class Lanes<T> {

    /** Makes the lane of a partition position; {@code planned} lanes (not slices) may split. */
    interface LaneMaker<T> {
        Lane<T> make(PartitionPosition position, boolean planned);
    }

    /** A page the consumer takes, and the partition it belongs to. */
    record Taken<T>(Lane<T> lane, Fetched<T> page) {
    }

    private final Object lock = new Object();
    private final SourceId source;
    private final PageFetcher<T> fetcher;
    private final int pageSize;
    private final int concurrency;
    private final Executor executor;
    private final Splitter<T> splitter;
    private final LaneMaker<T> maker;
    private final OptionalLong limit;

    // Guarded by lock.
    private final List<Lane<T>> lanes = new ArrayList<>();
    private final Deque<Lane<T>> arrived = new ArrayDeque<>();
    private int inFlight;
    private int fetches;
    private int pagesTaken;
    private Throwable failure;
    private boolean closed;

    Lanes(SourceId source, PageFetcher<T> fetcher, int pageSize, Concurrency concurrency, Splitter<T> splitter,
            LaneMaker<T> maker, OptionalLong limit, List<PartitionPosition> positions, boolean planned) {
        this.source = source;
        this.fetcher = fetcher;
        this.pageSize = pageSize;
        this.concurrency = concurrency.pages();
        this.executor = concurrency.executor().orElse(null);
        this.splitter = splitter;
        this.maker = maker;
        this.limit = limit;
        for (PartitionPosition position : positions) {
            lanes.add(maker.make(position, planned));
        }
    }

    /**
     * The next page for the consumer, fetched on its own thread when no executor runs fetches.
     *
     * @param counted the items the consumer has delivered and still holds, for the limit
     * @return the page, or empty once every partition was read to its end
     * @throws RuntimeException the failure of a fetch, once the pages fetched before it were taken
     */
    Optional<Taken<T>> take(long counted) {
        while (true) {
            List<Runnable> jobs;
            Taken<T> taken = null;
            synchronized (lock) {
                Lane<T> lane = arrived.poll();
                if (lane != null) {
                    taken = new Taken<>(lane, lane.ready);
                    lane.ready = null;
                    pagesTaken++;
                    // The page just taken is the consumer's now: its items count toward the limit.
                    long held = counted + taken.page().remaining(taken.page().start());
                    jobs = executor == null ? List.of() : dispatch(OptionalLong.of(held));
                } else {
                    if (failure != null) {
                        awaitQuiet();
                        throw rethrow(failure);
                    }
                    if (lanes.stream().allMatch(Lane::exhausted)) {
                        return Optional.empty();
                    }
                    jobs = dispatch(OptionalLong.of(counted));
                    if (executor != null && jobs.isEmpty()) {
                        await();
                        continue;
                    }
                }
            }
            // Outside the lock: on the executor, or (none) on the consumer's thread, the page it needs now.
            run(jobs);
            if (taken != null) {
                return Optional.of(taken);
            }
        }
    }

    /** Whether a page may still come: one waiting, a failure to report, or a partition not done. */
    boolean more() {
        synchronized (lock) {
            return !arrived.isEmpty() || failure != null || !lanes.stream().allMatch(Lane::exhausted);
        }
    }

    /**
     * Ends the listing with a failure the consumer found (a guard on what it read): no fetch starts
     * after it, and those in flight are waited for, so no request is sent after the listing failed.
     *
     * @param error the failure
     * @return the failure, to throw
     */
    RuntimeException fail(RuntimeException error) {
        synchronized (lock) {
            if (failure == null) {
                failure = error;
            }
            awaitQuiet();
        }
        return error;
    }

    /** Stops fetching ahead: only the consumer starts fetches from now on. */
    void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    /** How many fetches were started. */
    int fetches() {
        synchronized (lock) {
            return fetches;
        }
    }

    /**
     * Every partition's position, each lane asked of the consumer first (the page it is reading).
     *
     * @param reading the consumer's position in a lane, if it is reading one of its pages
     * @return the positions, in plan order
     */
    List<PartitionPosition> positions(Function<Lane<T>, Optional<PartitionPosition>> reading) {
        List<PartitionPosition> positions = new ArrayList<>();
        synchronized (lock) {
            for (Lane<T> lane : lanes) {
                positions.add(reading.apply(lane).orElseGet(lane::resumePosition));
            }
        }
        return positions;
    }

    /**
     * Claims the fetches that may start now. Called with the lock held.
     *
     * @param counted the consumer's count, for the limit; empty when a fetch that ended asks
     * @return the fetches to run, outside the lock
     */
    private List<Runnable> dispatch(OptionalLong counted) {
        List<Runnable> jobs = new ArrayList<>();
        if (failure != null || (counted.isEmpty() && (closed || limit.isPresent()))) {
            return jobs;
        }
        // Without an executor the consumer fetches only the page it needs now.
        int window = executor == null ? 1 : Math.min(concurrency, Math.max(1, pagesTaken));
        while (inFlight + arrived.size() < window) {
            if (limit.isPresent() && counted.getAsLong() + held() >= limit.getAsLong()) {
                break;
            }
            Lane<T> lane = nextToFetch();
            if (lane == null) {
                break;
            }
            PagePosition position = lane.next;
            long skip = lane.nextSkip;
            lane.inFlight = true;
            lane.fetched++;
            inFlight++;
            fetches++;
            jobs.add(() -> fetch(lane, position, skip));
        }
        return jobs;
    }

    /**
     * The idle partition that has fetched the fewest pages, the first in plan order among equals: all
     * partitions progress together, so that those of equal size end together and the listing's last
     * seconds are not spent on the few opened last. Without an executor, the first idle one in plan
     * order. Called with the lock held.
     */
    private Lane<T> nextToFetch() {
        Lane<T> next = null;
        for (Lane<T> lane : lanes) {
            if (lane.idle() && (next == null || lane.fetched < next.fetched)) {
                next = lane;
                if (executor == null) {
                    break; // one page at a time: the partitions one after another, in plan order
                }
            }
        }
        return next;
    }

    private void run(List<Runnable> jobs) {
        for (Runnable job : jobs) {
            if (executor == null) {
                job.run();
            } else {
                executor.execute(job);
            }
        }
    }

    /** Items held and in flight that the consumer has not counted, a page in flight counted as full. */
    private long held() {
        long held = (long) inFlight * pageSize;
        for (Lane<T> lane : arrived) {
            held += lane.ready.remaining(lane.ready.start());
        }
        return held;
    }

    private void fetch(Lane<T> lane, PagePosition position, long skip) {
        PageRequest request = new PageRequest(lane.query, position, pageSize, lane.partition.term());
        ProviderPage<T> reply = null;
        Throwable error = null;
        try {
            reply = fetcher.fetch(request);
        } catch (RuntimeException | Error e) {
            error = e;
        }
        List<Runnable> jobs;
        synchronized (lock) {
            lane.inFlight = false;
            inFlight--;
            if (error == null) {
                try {
                    Fetched<T> page = lane.guard.accept(request, skip, reply);
                    if (!splitIfLarge(lane, page, reply)) {
                        lane.ready = page;
                        lane.next = page.after();
                        lane.nextSkip = page.afterSkip();
                        arrived.add(lane);
                    }
                } catch (RuntimeException e) {
                    error = e;
                }
            }
            if (error != null && failure == null) {
                failure = error;
            }
            lock.notifyAll();
            jobs = executor == null ? List.of() : dispatch(OptionalLong.empty());
        }
        run(jobs);
    }

    /**
     * Replaces a planned partition by its slices when its first page points to another and the
     * splitter cuts it; the page is dropped, since the slices list its tasks again. Called with the
     * lock held.
     *
     * @return whether the partition was replaced
     */
    private boolean splitIfLarge(Lane<T> lane, Fetched<T> first, ProviderPage<T> reply) {
        if (!lane.splittable || first.after() == null || closed || failure != null) {
            return false;
        }
        lane.splittable = false;
        List<Partition> parts = splitter.split(lane.partition, reply, pageSize);
        if (parts.size() < 2) {
            return false;
        }
        int at = lanes.indexOf(lane);
        lanes.remove(at);
        List<Lane<T>> slices = new ArrayList<>();
        for (Partition part : parts) {
            slices.add(maker.make(PartitionPosition.at(part, PagePosition.start(), 0), false));
        }
        lanes.addAll(at, slices);
        return true;
    }

    /** Waits for a fetch to end. Called with the lock held. */
    private void await() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(source, "interrupted while waiting for a page", e, false);
        }
    }

    /**
     * After a failure, waits for the fetches still in flight (each ends within its retry deadline),
     * so that no request of this listing is sent after it has failed. Called with the lock held.
     */
    private void awaitQuiet() {
        boolean interrupted = false;
        while (inFlight > 0) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }
}
