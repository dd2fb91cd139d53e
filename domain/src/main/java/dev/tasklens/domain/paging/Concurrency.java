package dev.tasklens.domain.paging;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many pages a listing fetches at the same time, and on which threads.
 *
 * <ul>
 *   <li>{@link #sequential()}: one page at a time, on the consumer's thread, only when the consumer
 *       needs it (no page is fetched ahead).</li>
 *   <li>{@link #of(int)}: up to that many pages in flight, each partition keeping one page ahead of
 *       the consumer, on a shared pool of daemon threads. The source's rate limiter still paces
 *       every request.</li>
 * </ul>
 *
 * @param pages the most pages in flight at once, at least 1
 * @param executor where fetches run; empty for the consumer's thread (sequential)
 */
public record Concurrency(int pages, Optional<Executor> executor) {

    /** The pages in flight by default: 8 round trips of 50 ms keep a 100 requests/s limit busy. */
    public static final int DEFAULT_PAGES = 8;
    /** The most pages in flight a listing accepts. */
    public static final int MAX_PAGES = 256;

    /**
     * Checks the parts.
     *
     * @param pages see the record component
     * @param executor see the record component
     * @throws IllegalArgumentException if {@code pages} is outside 1..{@link #MAX_PAGES}
     */
    public Concurrency {
        Objects.requireNonNull(executor, "executor");
        if (pages < 1 || pages > MAX_PAGES) {
            throw new IllegalArgumentException("concurrency must be 1.." + MAX_PAGES + " pages in flight, got "
                    + pages);
        }
    }

    /**
     * One page at a time, on the consumer's thread.
     *
     * @return the setting
     */
    public static Concurrency sequential() {
        return new Concurrency(1, Optional.empty());
    }

    /**
     * Up to {@code pages} pages in flight, on tasklens's shared daemon threads.
     *
     * @param pages 1..{@link #MAX_PAGES}
     * @return the setting
     * @throws IllegalArgumentException if out of range
     */
    public static Concurrency of(int pages) {
        return new Concurrency(pages, Optional.of(SharedPool.EXECUTOR));
    }

    /**
     * Up to {@code pages} pages in flight, on the given executor.
     *
     * @param pages 1..{@link #MAX_PAGES}
     * @param executor runs the fetches; it must run each task it accepts
     * @return the setting
     * @throws IllegalArgumentException if out of range
     */
    public static Concurrency of(int pages, Executor executor) {
        return new Concurrency(pages, Optional.of(executor));
    }

    /** The threads are created on first use only, so a sequential or idle program starts none. */
    private static final class SharedPool {
        private static final AtomicInteger COUNT = new AtomicInteger();
        private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(pool());

        private static ThreadFactory pool() {
            return task -> {
                Thread thread = new Thread(task, "tasklens-page-" + COUNT.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
