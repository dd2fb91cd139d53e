package dev.tasklens.ports.http;

/**
 * Sends one HTTP request and returns the whole response. The default implementation lives in
 * {@code tasklens-transport-jdk} ({@code java.net.http.HttpClient}); tests plug an in-memory one.
 *
 * <p>A transport sends the request exactly as given: it adds no header that a signature would
 * have to cover, follows no redirect, and retries nothing (retries live above it, where the
 * provider's error codes are known). Implementations are thread-safe.
 */
@FunctionalInterface
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends a request.
     *
     * @param request the request, already signed
     * @return the response, whatever its status
     * @throws dev.tasklens.domain.TransportException when no response arrived (connection,
     *     timeout, reply too large)
     */
    HttpResponse send(HttpRequest request);

    /** Releases the transport's connections and threads; the default does nothing. */
    @Override
    default void close() {
    }
}
