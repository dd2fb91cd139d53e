package dev.tasklens.emulators;

import dev.tasklens.ports.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request an emulator received, in order, for tests to assert on. Thread-safe. */
public final class RequestJournal {

    private final List<HttpRequest> requests = new CopyOnWriteArrayList<>();

    void record(HttpRequest request) {
        requests.add(request);
    }

    /**
     * The requests so far.
     *
     * @return an unmodifiable snapshot
     */
    public List<HttpRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * How many requests arrived.
     *
     * @return the count
     */
    public int size() {
        return requests.size();
    }

    /** Forgets the requests so far. */
    public void clear() {
        requests.clear();
    }
}
