package dev.tasklens.client;

import dev.tasklens.domain.Page;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.paging.Pager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing of several sources at once. Each source fetches one page ahead of the consumer, on a
 * daemon thread named after it ({@code tasklens-list-tencent.mps}): tasks stream in as pages
 * arrive, a source never holds more than two pages, and nothing is fetched beyond what the consumer
 * is about to read. A source that fails with a {@link TaskLensException} stops alone; {@link
 * #failures()} says which and why once the stream is consumed. Any other exception is a bug, not a
 * provider's doing: it ends the whole listing and the stream throws it as it is. Close the listing,
 * or the stream, to stop it early: a consumer waiting for a page is released at once, no fetch
 * starts afterwards, a fetch stopped by the close is not a failure, and the threads end. Single use.
 */
public final class MultiListing implements AutoCloseable {

    /** Idle threads end this long after their last fetch, also when the consumer just walks away. */
    private static final long IDLE_SECONDS = 1;

    private final List<SourceId> ids;
    private final List<Pager<Task>> pagers;
    private final Map<SourceId, TaskLensException> failures = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile ExecutorService executor;
    private volatile boolean closed;
    private final List<Lane> lanes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean started;

    MultiListing(List<SourceId> ids, List<Pager<Task>> pagers) {
        this.ids = List.copyOf(ids);
        this.pagers = List.copyOf(pagers);
    }

    /** One source: its pages and the next one being fetched. */
    private final class Lane {
        private final SourceId id;
        private final Iterator<Page<Task>> pages;
        private CompletableFuture<Optional<Page<Task>>> next;

        Lane(SourceId id, Pager<Task> pager) {
            this.id = id;
            this.pages = pager.pages().iterator();
        }

        /** Starts fetching the page after the one just handed over. */
        void fetchAhead() {
            CompletableFuture<Optional<Page<Task>>> page = new CompletableFuture<>();
            next = page;
            if (closed) {
                page.complete(Optional.empty());
                return;
            }
            try {
                executor.execute(() -> {
                    Thread.currentThread().setName("tasklens-list-" + id);
                    try {
                        page.complete(pages.hasNext() ? Optional.of(pages.next()) : Optional.empty());
                    } catch (RuntimeException | Error e) {
                        page.completeExceptionally(e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                page.complete(Optional.empty());
            }
        }

        /** Releases a consumer waiting for this source's page: the listing was closed. */
        void release() {
            CompletableFuture<Optional<Page<Task>>> waiting = next;
            if (waiting != null) {
                waiting.complete(Optional.empty());
            }
        }
    }

    /**
     * The tasks of every source, in the order their pages arrive.
     *
     * @return a stream that starts fetching when consumed; closing it stops the listing
     * @throws IllegalStateException if the listing was already consumed
     */
    public Stream<Task> stream() {
        if (started) {
            throw new IllegalStateException("this listing was already consumed; start a new one");
        }
        started = true;
        // One thread per source at most; a fetch waits in the queue, never refused, while a thread
        // finishes handing over the previous page.
        int size = Math.max(1, pagers.size());
        ThreadPoolExecutor threads = new ThreadPoolExecutor(size, size, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "tasklens-list");
                    thread.setDaemon(true);
                    return thread;
                });
        threads.allowCoreThreadTimeOut(true);
        executor = threads;
        List<Lane> active = new ArrayList<>();
        for (int i = 0; i < pagers.size(); i++) {
            Lane lane = new Lane(ids.get(i), pagers.get(i));
            lanes.add(lane);
            lane.fetchAhead();
            active.add(lane);
        }
        Iterator<Task> tasks = new Iterator<>() {
            private Iterator<Task> page = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !active.isEmpty()) {
                    Lane lane = firstReady(active);
                    Optional<Page<Task>> fetched = take(lane);
                    if (fetched.isEmpty()) {
                        active.remove(lane);
                        continue;
                    }
                    page = fetched.get().items().iterator();
                    lane.fetchAhead();
                }
                if (!page.hasNext()) {
                    close();
                }
                return page.hasNext();
            }

            @Override
            public Task next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more tasks");
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(tasks, Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** The lane whose page arrived first, waiting for one if none has. */
    private static Lane firstReady(List<Lane> lanes) {
        for (Lane lane : lanes) {
            if (lane.next.isDone()) {
                return lane;
            }
        }
        CompletableFuture.anyOf(lanes.stream().map(lane -> lane.next).toArray(CompletableFuture[]::new))
                .exceptionally(error -> null).join();
        return lanes.stream().filter(lane -> lane.next.isDone()).findFirst().orElseThrow();
    }

    /**
     * A lane's fetched page. A typed failure ends the lane and is recorded, unless the listing was
     * closed (a fetch stopped by the close is no failure); anything else is a bug and ends the listing.
     */
    private Optional<Page<Task>> take(Lane lane) {
        try {
            return lane.next.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof TaskLensException typed) {
                if (!closed) {
                    failures.put(lane.id, typed);
                }
                return Optional.empty();
            }
            close();
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof RuntimeException bug ? bug : e;
        } catch (java.util.concurrent.CancellationException e) {
            return Optional.empty();
        }
    }

    /**
     * Every task, newest first by creation time (tasks without one last). Holds all tasks in memory.
     *
     * @return the sorted tasks
     */
    public List<Task> sortedByCreationTime() {
        List<Task> all;
        try (Stream<Task> tasks = stream()) {
            all = new ArrayList<>(tasks.toList());
        }
        all.sort(Comparator.comparing((Task task) -> task.createdAt().orElse(java.time.Instant.MIN)).reversed());
        return all;
    }

    /**
     * The sources that failed, and why; complete once the stream has been consumed.
     *
     * @return the failures by source
     */
    public Map<SourceId, TaskLensException> failures() {
        synchronized (failures) {
            return Map.copyOf(failures);
        }
    }

    /**
     * Stops the listing: a consumer waiting for a page gets the end of the stream, no fetch starts
     * afterwards, and the threads end once the fetches in flight return (each within its deadline).
     */
    @Override
    public void close() {
        closed = true;
        ExecutorService threads = executor;
        if (threads != null) {
            // Not shutdownNow: a fetch in flight ends on its own, and interrupting it would only turn it
            // into a failure to report; the pagers stop fetching ahead.
            threads.shutdown();
        }
        pagers.forEach(Pager::close);
        lanes.forEach(Lane::release);
    }
}
