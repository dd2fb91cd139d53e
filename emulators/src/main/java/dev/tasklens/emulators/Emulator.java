package dev.tasklens.emulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tasklens.domain.TransportException;
import dev.tasklens.emulators.faults.Fault;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.emulators.faults.HostileReply;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Serves an {@link ApiHandler} on a port of the loopback interface ({@code com.sun.net.httpserver}),
 * applying a {@link FaultPlan} and an added latency to the requests and journaling them. The same
 * handler, faults and journal are reachable without sockets through
 * {@link #inMemoryTransport(Duration)}. Close it to free the port.
 *
 * <p>On the wire it behaves as a provider's front end must:
 * <ul>
 *   <li>a request target in absolute form ({@code POST http://mps.tencentcloudapi.com/ HTTP/1.1}, what
 *       a client configured with this emulator as its HTTP proxy sends) is accepted, as RFC 9112
 *       §3.2.2 requires of a server, and the {@code Host} the client signed is kept;</li>
 *   <li>a handler that fails answers HTTP 500 with the failure's message, over sockets and in memory
 *       alike, never a dropped connection.</li>
 * </ul>
 */
public final class Emulator implements AutoCloseable {

    static {
        // Without TCP_NODELAY every exchange waits ~40 ms for a delayed ACK (headers and body are two writes).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Threads serving requests at once; a latency holds one per request in flight. */
    private static final int MAX_THREADS = 64;

    private final ApiHandler handler;
    private final FaultPlan faults;
    private final Duration latency;
    private final RequestJournal journal;
    private final HostileReplies hostile = new HostileReplies();
    private final HttpServer server;
    private final ExecutorService executor;
    private final String basePath;

    private Emulator(Builder builder) {
        this.handler = builder.handler;
        this.faults = builder.faults;
        this.latency = builder.latency;
        this.journal = new RequestJournal(builder.journalLimit);
        this.basePath = builder.basePath;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind an emulator to loopback port " + builder.port
                    + (builder.port == 0 ? "" : ": it is in use; choose another port or 0 for a free one"), e);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "tasklens-emulator");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.executor = pool;
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * Starts an emulator without faults on a free port.
     *
     * @param handler the API
     * @return the running emulator
     */
    public static Emulator start(ApiHandler handler) {
        return builder(handler).start();
    }

    /**
     * Starts an emulator with faults on a free port.
     *
     * @param handler the API
     * @param faults which request gets which fault
     * @return the running emulator
     */
    public static Emulator start(ApiHandler handler, FaultPlan faults) {
        return builder(handler).faults(faults).start();
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
        return builder(handler).faults(faults).port(port).start();
    }

    /**
     * A builder for an emulator of this API, with no faults, no added latency and a free port.
     *
     * @param handler the API
     * @return the builder
     */
    public static Builder builder(ApiHandler handler) {
        return new Builder(handler);
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
     * Where the API is served: the {@link #baseUri()} and the base path.
     *
     * @return such as {@code http://127.0.0.1:<port>/some/prefix/}
     */
    public URI apiUri() {
        return URI.create(baseUri() + basePath);
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
     * A transport that hands requests straight to this emulator's handler, with the same faults,
     * latency and journal, without sockets: a dropped connection or a truncated body becomes a
     * retryable {@link TransportException}, a delay longer than the timeout a timeout.
     *
     * @param timeout the request timeout the transport pretends to have
     * @return the transport
     */
    public HttpTransport inMemoryTransport(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return request -> {
            Exchange exchange = exchange(request);
            Duration delay = exchange.delay();
            if (delay.compareTo(timeout) > 0) {
                throw new TransportException("no reply from " + baseUri() + " within " + timeout.toMillis()
                        + " ms (emulated)", new IOException("timeout"), true);
            }
            sleep(delay);
            if (exchange.has(Fault.DroppedConnection.class)) {
                throw new TransportException("connection to " + baseUri() + " closed without a reply (emulated)",
                        new IOException("connection reset"), true);
            }
            if (exchange.has(Fault.TruncatedBody.class)) {
                throw new TransportException("the reply from " + baseUri() + " was cut short (emulated)",
                        new IOException("truncated body"), true);
            }
            if (exchange.stalls()) {
                throw new TransportException("no reply from " + baseUri() + " within " + timeout.toMillis()
                        + " ms (emulated: the body stalled)", new IOException("timeout"), true);
            }
            return exchange.response();
        };
    }

    /** The fault (if any), the reply and how long it waits, for one request; shared by both ways in. */
    private record Exchange(Optional<Fault> fault, HttpResponse response, Duration delay) {
        boolean has(Class<? extends Fault> kind) {
            return fault.filter(kind::isInstance).isPresent();
        }

        boolean stalls() {
            return fault.filter(f -> f instanceof Fault.Hostile h && h.reply() == HostileReply.STALLED_BODY)
                    .isPresent();
        }
    }

    private Exchange exchange(HttpRequest request) {
        journal.record(request);
        Optional<Fault> fault = faults.next();
        Duration delay = latency.plus(fault.filter(Fault.Slow.class::isInstance)
                .map(slow -> ((Fault.Slow) slow).delay()).orElse(Duration.ZERO));
        return new Exchange(fault, respond(request, fault), delay);
    }

    private HttpResponse respond(HttpRequest request, Optional<Fault> fault) {
        if (!request.uri().getPath().startsWith(basePath)) {
            // A gateway mounted under a path serves nothing outside it.
            return HttpResponse.of(404, HttpHeaders.of("Content-Type", "text/plain; charset=utf-8"),
                    "no API at " + request.uri().getPath() + "; this one is served under " + basePath);
        }
        try {
            if (fault.isPresent() && fault.get() instanceof Fault.Throttle) {
                return handler.throttled();
            }
            if (fault.isPresent() && fault.get() instanceof Fault.ServerError error) {
                return handler.serverError(error.status());
            }
            if (fault.isPresent() && fault.get() instanceof Fault.MalformedBody) {
                return handler.malformed();
            }
            if (fault.isPresent() && fault.get() instanceof Fault.Hostile hostileReply) {
                return hostile.write(hostileReply.reply(), handler,
                        new EmulatorRequest(request, java.util.Optional.empty(), basePath));
            }
            return handler.handle(new EmulatorRequest(request, fault.filter(Fault::isProtocolLevel), basePath));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in a handler shows as the server error a real gateway would give, never as a hang.
            return HttpResponse.of(500, HttpHeaders.of("Content-Type", "text/plain; charset=utf-8"),
                    "emulator handler failed: " + e);
        }
    }

    private void serve(HttpExchange http) throws IOException {
        try (http) {
            Exchange exchange;
            try {
                exchange = exchange(toRequest(http));
            } catch (RuntimeException e) {
                // The request itself could not be read as HTTP (a header the request type refuses, ...).
                send(http, HttpResponse.of(400, HttpHeaders.of("Content-Type", "text/plain; charset=utf-8"),
                        "bad request: " + e.getMessage()), false);
                return;
            }
            sleep(exchange.delay());
            if (exchange.has(Fault.DroppedConnection.class)) {
                return; // closing without a reply
            }
            if (exchange.stalls()) {
                stall(http, exchange.response());
                return;
            }
            send(http, exchange.response(), exchange.has(Fault.TruncatedBody.class));
        }
    }

    /** Headers and half the body, then nothing for up to a minute, or until the client hangs up. */
    private static void stall(HttpExchange http, HttpResponse response) throws IOException {
        response.headers().entries().forEach(header -> http.getResponseHeaders().add(header.name(), header.value()));
        byte[] body = response.body();
        http.sendResponseHeaders(response.status(), Math.max(1, body.length));
        OutputStream out = http.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        sleep(Duration.ofMinutes(1));
    }

    private static void send(HttpExchange http, HttpResponse response, boolean truncate) throws IOException {
        response.headers().entries().forEach(header -> http.getResponseHeaders().add(header.name(), header.value()));
        byte[] body = response.body();
        http.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(truncate ? Arrays.copyOf(body, body.length / 2) : body);
            }
        }
    }

    /**
     * The request as the client meant it: its effective request URI (RFC 9112 §3.3). An origin-form
     * target ({@code /path?query}) takes its authority from the {@code Host} header the client sent,
     * as a gateway behind a reverse proxy sees it, and falls back to this emulator's own address
     * only for an HTTP/1.0 request without one; an absolute-form target ({@code http://host/path}, sent to a proxy)
     * names the host itself. A request with more than one {@code Host} or one that is not an
     * authority is refused, as RFC 9112 §3.2 requires.
     */
    private HttpRequest toRequest(HttpExchange http) throws IOException {
        URI target = http.getRequestURI();
        List<String> hosts = http.getRequestHeaders().getOrDefault("Host", List.of());
        if (hosts.size() > 1) {
            throw new IllegalArgumentException("the request has " + hosts.size() + " Host headers; send one");
        }
        URI uri;
        if (target.isAbsolute()) {
            uri = target;
        } else if (hosts.isEmpty()) {
            if (!http.getProtocol().equals("HTTP/1.0")) {
                throw new IllegalArgumentException("the request has no Host header; HTTP/1.1 requires one");
            }
            uri = URI.create(baseUri() + target.toString());
        } else {
            String host = hosts.get(0).trim();
            URI authority;
            try {
                authority = new URI("http://" + host);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("the Host header '" + host + "' is not a host and port");
            }
            if (authority.getHost() == null || authority.getRawPath().length() > 0 || authority.getRawQuery() != null
                    || authority.getRawUserInfo() != null) {
                throw new IllegalArgumentException("the Host header '" + host + "' is not a host and port");
            }
            uri = URI.create("http://" + host + target);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(http.getRequestMethod(), uri);
        for (Map.Entry<String, List<String>> header : http.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        return builder.body(http.getRequestBody().readAllBytes()).build();
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Checks a latency to add to replies: zero to a minute.
     *
     * @param latency the latency
     * @return the latency
     * @throws IllegalArgumentException if negative or over a minute
     */
    public static Duration checkLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative() || latency.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("a latency is 0 to 60 s, got " + latency.toMillis() + " ms");
        }
        return latency;
    }

    /**
     * Checks a base path to serve an API under.
     *
     * @param path such as {@code /some/prefix} or {@code /some/prefix/}
     * @return the path, ending with {@code /}
     * @throws IllegalArgumentException if it does not start with {@code /}
     */
    public static String checkBasePath(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a base path starts with '/', got '" + path + "'");
        }
        return path.endsWith("/") ? path : path + "/";
    }

    /** Stops serving and frees the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** How an emulator is started: the API, its faults, an added latency and the port. */
    public static final class Builder {

        private final ApiHandler handler;
        private FaultPlan faults = FaultPlan.none();
        private Duration latency = Duration.ZERO;
        private int port;
        private int journalLimit = RequestJournal.DEFAULT_LIMIT;
        private String basePath = "/";

        private Builder(ApiHandler handler) {
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /**
         * Which request gets which fault.
         *
         * @param faults the plan; none by default
         * @return this builder
         */
        public Builder faults(FaultPlan faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        /**
         * A delay added to every reply, as a distant provider has.
         *
         * @param latency the delay, zero by default
         * @return this builder
         * @throws IllegalArgumentException if negative or over a minute
         */
        public Builder latency(Duration latency) {
            this.latency = checkLatency(latency);
            return this;
        }

        /**
         * The loopback port to listen on.
         *
         * @param port the port, or 0 (the default) for a free one
         * @return this builder
         * @throws IllegalArgumentException if not 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not 0..65535");
            }
            this.port = port;
            return this;
        }

        /**
         * How many requests the journal keeps (the newest); a sandbox serving millions of requests
         * must not hold them all.
         *
         * @param limit at least 0; {@value RequestJournal#DEFAULT_LIMIT} by default
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder journalLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("a journal limit cannot be negative, got " + limit);
            }
            this.journalLimit = limit;
            return this;
        }

        /**
         * Serves the API under a path, as a gateway mounted at {@code https://host/some/prefix/}
         * does: requests outside it find no route, and a signature is checked over the whole path
         * the client sent.
         *
         * @param path such as {@code /some/prefix/}; {@code /} by default
         * @return this builder
         * @throws IllegalArgumentException if the path does not start with {@code /}
         */
        public Builder basePath(String path) {
            this.basePath = checkBasePath(path);
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running emulator
         * @throws UncheckedIOException if the port cannot be bound
         */
        public Emulator start() {
            return new Emulator(this);
        }
    }
}
