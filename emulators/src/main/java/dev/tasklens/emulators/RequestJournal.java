package dev.tasklens.emulators;

import dev.tasklens.ports.http.HttpRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The requests an emulator received, in order, for tests to assert on. It keeps the newest
 * {@code limit} requests (a sandbox serving a million tasks must not hold every request) and counts
 * them all. Thread-safe.
 */
public final class RequestJournal {

    /** How many requests a journal keeps unless told otherwise. */
    public static final int DEFAULT_LIMIT = 10_000;

    private final int limit;
    private final Deque<HttpRequest> requests = new ArrayDeque<>();
    private long received;

    RequestJournal(int limit) {
        this.limit = limit;
    }

    synchronized void record(HttpRequest request) {
        received++;
        if (limit == 0) {
            return;
        }
        if (requests.size() == limit) {
            requests.removeFirst();
        }
        requests.addLast(request);
    }

    /**
     * The requests kept so far, oldest first.
     *
     * @return an unmodifiable snapshot of at most the limit's newest requests
     */
    public synchronized List<HttpRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * How many requests arrived since the start or the last {@link #clear()}, kept or not.
     *
     * @return the count
     */
    public synchronized int size() {
        return (int) Math.min(Integer.MAX_VALUE, received);
    }

    /** Forgets the requests so far. */
    public synchronized void clear() {
        requests.clear();
        received = 0;
    }
}
