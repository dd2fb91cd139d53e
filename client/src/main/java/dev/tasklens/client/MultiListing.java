package dev.tasklens.client;

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
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing of several sources at once. Each source is read on its own daemon thread into a
 * bounded queue, so tasks stream in as they arrive and memory stays bounded; a source that fails
 * stops alone, and {@link #failures()} says which and why once the stream is consumed. Single use.
 */
public final class MultiListing {

    private static final Object END = new Object();

    private final List<SourceId> ids;
    private final List<Pager<Task>> pagers;
    private final Map<SourceId, TaskLensException> failures = Collections.synchronizedMap(new LinkedHashMap<>());
    private boolean started;

    MultiListing(List<SourceId> ids, List<Pager<Task>> pagers) {
        this.ids = List.copyOf(ids);
        this.pagers = List.copyOf(pagers);
    }

    /**
     * The tasks of every source, in the order they arrive.
     *
     * @return a stream that starts the sources' threads when consumed
     * @throws IllegalStateException if the listing was already consumed
     */
    public Stream<Task> stream() {
        if (started) {
            throw new IllegalStateException("this listing was already consumed; start a new one");
        }
        started = true;
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
        for (int i = 0; i < pagers.size(); i++) {
            SourceId id = ids.get(i);
            Pager<Task> pager = pagers.get(i);
            Thread reader = new Thread(() -> {
                try {
                    pager.stream().forEach(task -> put(queue, task));
                } catch (TaskLensException e) {
                    failures.put(id, e);
                } finally {
                    put(queue, END);
                }
            }, "tasklens-list-" + id);
            reader.setDaemon(true);
            reader.start();
        }
        Iterator<Task> tasks = new Iterator<>() {
            private int running = pagers.size();
            private Task next;

            @Override
            public boolean hasNext() {
                while (next == null && running > 0) {
                    Object item = take(queue);
                    if (item == END) {
                        running--;
                    } else {
                        next = (Task) item;
                    }
                }
                return next != null;
            }

            @Override
            public Task next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("no more tasks");
                }
                Task task = next;
                next = null;
                return task;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(tasks, Spliterator.NONNULL), false);
    }

    /**
     * Every task, newest first by creation time (tasks without one last). Holds all tasks in memory.
     *
     * @return the sorted tasks
     */
    public List<Task> sortedByCreationTime() {
        List<Task> all = new ArrayList<>(stream().toList());
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

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for tasks", e);
        }
    }
}
