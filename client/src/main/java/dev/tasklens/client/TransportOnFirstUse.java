package dev.tasklens.client;

import dev.tasklens.domain.TransportException;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import java.util.function.Supplier;

/**
 * The transport a {@link TaskLens} makes for itself, created when the first request is sent:
 * a JDK {@code HttpClient} sets up TLS and a selector thread, which a program that only reads the
 * sources' descriptions ({@code tasklens sources}) never needs.
 */
final class TransportOnFirstUse implements HttpTransport {

    private final Supplier<HttpTransport> factory;
    private HttpTransport transport;
    private boolean closed;

    TransportOnFirstUse(Supplier<HttpTransport> factory) {
        this.factory = factory;
    }

    @Override
    public HttpResponse send(HttpRequest request) {
        return transport().send(request);
    }

    private synchronized HttpTransport transport() {
        if (closed) {
            throw new TransportException("the HTTP transport is closed (TaskLens.close() closes it), so no request"
                    + " is sent; build a new TaskLens to list again", false);
        }
        if (transport == null) {
            transport = factory.get();
        }
        return transport;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (transport != null) {
            transport.close();
        }
    }
}
