package dev.tasklens.emulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tasklens.domain.TransportException;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.emulators.faults.Fault;
import dev.tasklens.emulators.faults.FaultPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves an {@link ApiHandler} on a free port of the loopback interface
 * ({@code com.sun.net.httpserver}), applying a {@link FaultPlan} to the requests and journaling
 * them. The same handler, faults and journal are reachable without sockets through
 * {@link #inMemoryTransport(Duration)}. Close it to free the port.
 */
public final class Emulator implements AutoCloseable {

    static {
        // Without TCP_NODELAY every exchange waits ~40 ms for a delayed ACK (headers and body are two writes).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ApiHandler handler;
    private final FaultPlan faults;
    private final RequestJournal journal = new RequestJournal();
    private final HttpServer server;
    private final ExecutorService executor;

    private Emulator(ApiHandler handler, FaultPlan faults, int port) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.faults = Objects.requireNonNull(faults, "faults");
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind an emulator to loopback port " + port
                    + (port == 0 ? "" : "; is it in use? choose another"), e);
        }
        this.executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "tasklens-emulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * Starts an emulator without faults.
     *
     * @param handler the API
     * @return the running emulator
     */
    public static Emulator start(ApiHandler handler) {
        return new Emulator(handler, FaultPlan.none(), 0);
    }

    /**
     * Starts an emulator with faults.
     *
     * @param handler the API
     * @param faults which request gets which fault
     * @return the running emulator
     */
    public static Emulator start(ApiHandler handler, FaultPlan faults) {
        return new Emulator(handler, faults, 0);
    }

    /**
     * Starts an emulator on a given loopback port.
     *
     * @param handler the API
     * @param faults which request gets which fault
     * @param port the port, or 0 for a free one
     * @return the running emulator
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static Emulator start(ApiHandler handler, FaultPlan faults, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0..65535");
        }
        return new Emulator(handler, faults, port);
    }

    /**
     * Where the emulator listens.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI baseUri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /**
     * The requests received so far, over sockets and in memory.
     *
     * @return the journal
     */
    public RequestJournal journal() {
        return journal;
    }

    /**
     * A transport that hands requests straight to this emulator's handler, with the same faults
     * and journal, without sockets: a dropped connection or a truncated body becomes a retryable
     * {@link TransportException}, a slow reply longer than the timeout a timeout.
     *
     * @param timeout the request timeout the transport pretends to have
     * @return the transport
     */
    public HttpTransport inMemoryTransport(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return request -> {
            Exchange exchange = exchange(request);
            if (exchange.fault.isPresent()) {
                Fault fault = exchange.fault.get();
                if (fault instanceof Fault.DroppedConnection) {
                    throw new TransportException("connection to " + baseUri() + " closed without a reply (emulated)",
                            new IOException("connection reset"), true);
                }
                if (fault instanceof Fault.TruncatedBody) {
                    throw new TransportException("the reply from " + baseUri() + " was cut short (emulated)",
                            new IOException("truncated body"), true);
                }
                if (fault instanceof Fault.Slow slow && slow.delay().compareTo(timeout) > 0) {
                    throw new TransportException("no reply from " + baseUri() + " within " + timeout.toMillis()
                            + " ms (emulated)", new IOException("timeout"), true);
                }
            }
            return exchange.response;
        };
    }

    /** The fault (if any) and the reply for one request; shared by both ways in. */
    private record Exchange(Optional<Fault> fault, HttpResponse response) {
    }

    private Exchange exchange(HttpRequest request) {
        journal.record(request);
        Optional<Fault> fault = faults.next();
        Optional<Fault> protocol = fault.filter(Fault::isProtocolLevel);
        HttpResponse response;
        if (fault.isPresent() && fault.get() instanceof Fault.Throttle) {
            response = handler.throttled();
        } else if (fault.isPresent() && fault.get() instanceof Fault.ServerError error) {
            response = handler.serverError(error.status());
        } else if (fault.isPresent() && fault.get() instanceof Fault.MalformedBody) {
            response = handler.malformed();
        } else {
            response = handler.handle(new EmulatorRequest(request, protocol));
        }
        return new Exchange(fault, response);
    }

    private void serve(HttpExchange http) throws IOException {
        try (http) {
            HttpRequest request = toRequest(http);
            Exchange exchange = exchange(request);
            Optional<Fault> fault = exchange.fault;
            if (fault.isPresent() && fault.get() instanceof Fault.DroppedConnection) {
                return; // closing without a reply
            }
            if (fault.isPresent() && fault.get() instanceof Fault.Slow slow) {
                sleep(slow.delay());
            }
            HttpResponse response = exchange.response;
            response.headers().entries().forEach(header -> http.getResponseHeaders().add(header.name(), header.value()));
            byte[] body = response.body();
            boolean truncate = fault.isPresent() && fault.get() instanceof Fault.TruncatedBody;
            http.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(truncate ? Arrays.copyOf(body, body.length / 2) : body);
            }
        } catch (RuntimeException e) {
            // A bug in a handler must show in the test, not as a hung connection.
            byte[] message = ("emulator handler failed: " + e).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            http.sendResponseHeaders(599, message.length);
            http.getResponseBody().write(message);
        }
    }

    private HttpRequest toRequest(HttpExchange http) throws IOException {
        URI uri = URI.create(baseUri() + http.getRequestURI().toString());
        HttpRequest.Builder builder = HttpRequest.newBuilder(http.getRequestMethod(), uri);
        for (Map.Entry<String, List<String>> header : http.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        return builder.body(http.getRequestBody().readAllBytes()).build();
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops serving and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
