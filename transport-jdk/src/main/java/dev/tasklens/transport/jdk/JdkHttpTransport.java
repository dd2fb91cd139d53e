package dev.tasklens.transport.jdk;

import dev.tasklens.domain.TransportException;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * The default {@link HttpTransport}: one {@link HttpClient} per transport, so connections are
 * reused across requests; HTTP/1.1 unless configured otherwise; connect and request timeouts.
 *
 * <ul>
 *   <li>The request is sent as given: no header is added (a signature may cover every header),
 *       and redirects are never followed (a signed request must not be replayed elsewhere).</li>
 *   <li>A reply with {@code Content-Encoding: gzip} is decoded; a reply body larger than the
 *       limit (default 16 MiB) is refused with a {@link TransportException} instead of filling
 *       the heap.</li>
 *   <li>Plain {@code http://} is allowed only to loopback addresses (an emulator on this machine),
 *       unless {@link Builder#allowPlainHttp()} opts in.</li>
 *   <li>The request timeout covers the whole reply, body included: a server that sends its body
 *       one byte a second, or never ends it, fails the request when the timeout runs out.</li>
 *   <li>{@link #close()} fails the requests in flight and every later one at once, and shuts down
 *       the transport's threads.</li>
 * </ul>
 */
public final class JdkHttpTransport implements HttpTransport {

    /** The default limit on a reply body. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L * 1024 * 1024;
    /** The default time to establish a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default time to wait for a whole reply. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    // The JDK client sets these itself and refuses them (java.net.http.HttpRequest.Builder#header).
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection", "expect",
            "upgrade");

    /** Dropped on close, so that the JDK client can be collected and its selector thread end (JDK 17 has no close). */
    private volatile HttpClient client;
    private final ExecutorService ownExecutor;
    private final Duration requestTimeout;
    private final Duration connectTimeout;
    private final long maxResponseBytes;
    private final boolean allowPlainHttp;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

    private JdkHttpTransport(Builder builder) {
        this.requestTimeout = builder.requestTimeout;
        this.connectTimeout = builder.connectTimeout;
        this.maxResponseBytes = builder.maxResponseBytes;
        this.allowPlainHttp = builder.allowPlainHttp;
        HttpClient.Builder client = HttpClient.newBuilder()
                .version(builder.version)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(builder.connectTimeout);
        builder.proxy.ifPresent(client::proxy);
        if (builder.executor.isPresent()) {
            this.ownExecutor = null;
            client.executor(builder.executor.get());
        } else {
            // Never shut down: a completion the JDK client hands it after close must still run, or the
            // client counts that exchange as pending for ever and its selector thread never ends. Idle
            // threads end on their own a second after the last task.
            this.ownExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.SECONDS,
                    new SynchronousQueue<>(), new DaemonThreads());
            client.executor(ownExecutor);
        }
        this.client = client.build();
    }

    /**
     * A transport with the defaults: HTTP/1.1, 10 s connect timeout, 30 s request timeout, 16 MiB
     * reply limit, plain HTTP to loopback only.
     *
     * @return the transport
     */
    public static JdkHttpTransport create() {
        return builder().build();
    }

    /**
     * Starts a configured transport.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HttpResponse send(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        URI uri = request.uri();
        checkScheme(uri);
        // A caller's bound (a retry's share of its call's deadline) shortens the transport's own.
        Duration timeout = request.timeout().filter(bound -> bound.compareTo(requestTimeout) < 0)
                .orElse(requestTimeout);
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .method(request.method(), request.bodyLength() == 0 && !request.method().equals("POST")
                        && !request.method().equals("PUT")
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (HttpHeaders.Header header : request.headers().entries()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (name.equals("host")) {
                checkHost(uri, header.value());
            } else if (!SET_BY_CLIENT.contains(name)) {
                jdk.header(header.name(), header.value());
            }
        }
        HttpClient open = client;
        if (closed.get() || open == null) {
            throw closedError(uri);
        }
        // The JDK's request timeout stops at the headers; the deadline here covers the whole body too.
        CompletableFuture<java.net.http.HttpResponse<byte[]>> exchange = open.sendAsync(jdk.build(),
                info -> new LimitedBody(maxResponseBytes));
        inFlight.add(exchange);
        java.net.http.HttpResponse<byte[]> reply;
        try {
            reply = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new TransportException("no reply from " + authority(uri) + " within "
                    + seconds(timeout) + " (headers and body)", e, true);
        } catch (CancellationException e) {
            throw closedError(uri);
        } catch (ExecutionException e) {
            throw failure(request, uri, timeout, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for " + authority(uri), e, false);
        } finally {
            inFlight.remove(exchange);
        }
        HttpHeaders headers = toHeaders(reply.headers().map());
        byte[] body = decode(reply.body(), uri, headers);
        return HttpResponse.of(reply.statusCode(), headers, body);
    }

    private TransportException failure(HttpRequest request, URI uri, Duration timeout, Throwable cause) {
        if (cause instanceof LimitedBody.TooLarge) {
            return tooLarge(uri, false);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new TransportException("could not connect to " + authority(uri) + " within "
                    + connectTimeout.toMillis() + " ms", cause, true);
        }
        if (cause instanceof HttpTimeoutException) {
            return new TransportException("no reply from " + authority(uri) + " within " + seconds(timeout), cause,
                    true);
        }
        if (cause instanceof java.net.ConnectException) {
            return new TransportException("connection refused by " + authority(uri), cause, true);
        }
        if (cause instanceof java.nio.channels.UnresolvedAddressException
                || cause instanceof java.net.UnknownHostException) {
            return new TransportException("unknown host " + uri.getHost(), cause, true);
        }
        if (closed.get()) {
            return closedError(uri);
        }
        return new TransportException(request.method() + " " + authority(uri) + " failed: " + inWords(cause), cause,
                true);
    }

    /** What went wrong, in words rather than a Java class name. */
    private static String inWords(Throwable cause) {
        String detail = cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")";
        if (cause instanceof java.util.zip.ZipException) {
            return "the reply's compressed body is corrupt" + detail;
        }
        if (cause instanceof java.net.ProtocolException) {
            return "the reply does not follow HTTP" + detail;
        }
        if (cause instanceof java.io.EOFException || String.valueOf(cause.getMessage()).contains("content-length")
                || String.valueOf(cause.getMessage()).contains("closed")) {
            return "the connection was closed before the reply was complete" + detail;
        }
        if (cause instanceof java.io.IOException) {
            return "the connection failed" + detail;
        }
        return "an unexpected error" + detail;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static TransportException closedError(URI uri) {
        return new TransportException("the HTTP transport is closed (TaskLens.close() closes it), so no request to "
                + authority(uri) + " is sent; build a new TaskLens to list again", false);
    }

    private TransportException tooLarge(URI uri, boolean gzip) {
        return new TransportException("the reply from " + authority(uri) + " is larger than the limit of "
                + maxResponseBytes + " bytes" + (gzip ? " (after gzip decoding)" : "") + "; raise it with"
                + " JdkHttpTransport.builder().maxResponseBytes(...) if such replies are expected", false);
    }

    private void checkScheme(URI uri) {
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            // The JDK client refuses it with an exception that names itself; say it plainly, and never retry.
            throw new TransportException("port " + uri.getPort() + " of " + uri.getHost() + " is not 1..65535;"
                    + " fix the endpoint", false);
        }
        if (uri.getScheme().equalsIgnoreCase("http") && !allowPlainHttp && !isLoopback(uri.getHost())) {
            throw new TransportException("refusing plain http:// to " + authority(uri) + ": credentials and"
                    + " signatures would cross the network unencrypted. Use https://, or opt in with"
                    + " JdkHttpTransport.builder().allowPlainHttp() for a trusted network", false);
        }
    }

    private static void checkHost(URI uri, String host) {
        String expected = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        if (!host.equalsIgnoreCase(expected) && !host.equalsIgnoreCase(uri.getHost())) {
            throw new TransportException("the request's Host header '" + host + "' differs from its URI's host "
                    + expected + "; the JDK client sends the URI's, so sign the request for that host", false);
        }
    }

    /** Loopback by name or literal, without a DNS lookup. */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        boolean literal = bare.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private byte[] decode(byte[] raw, URI uri, HttpHeaders headers) {
        boolean gzip = headers.firstValue("Content-Encoding").map(value -> value.trim().equalsIgnoreCase("gzip"))
                .orElse(false);
        if (!gzip) {
            return raw;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(chunk)) >= 0) {
                total += read;
                if (total > maxResponseBytes) {
                    throw tooLarge(uri, true);
                }
                out.write(chunk, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new TransportException("reading the reply from " + authority(uri) + " failed: " + inWords(e), e, true);
        }
    }

    private static HttpHeaders toHeaders(Map<String, List<String>> map) {
        HttpHeaders.Builder headers = HttpHeaders.builder();
        map.forEach((name, values) -> {
            if (!name.startsWith(":")) { // HTTP/2 pseudo-headers
                values.forEach(value -> headers.add(name, value));
            }
        });
        return headers.build();
    }

    private static String authority(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /**
     * Stops the transport: a request in flight fails at once, a request sent afterwards fails
     * without being sent, and the JDK client is let go. Its threads and connections end with it: at
     * once on a JDK whose {@code HttpClient} can be closed (21 and later), else once it is collected
     * (on JDK 17 a client's selector thread ends when nothing references the client and no exchange
     * is pending, which cancelling the ones in flight ensures). The transport's own worker threads
     * end a second after their last task; an executor the caller supplied is left running.
     */
    @Override
    public void close() {
        closed.set(true);
        inFlight.forEach(exchange -> exchange.cancel(true));
        HttpClient open = client;
        client = null;
        if (open instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing only releases resources; a failure to do so leaves nothing to report to the caller.
            }
        }
    }

    /**
     * Whether {@link #close()} was called on a transport that runs its own threads.
     *
     * @return true once closed (always false when the caller supplied the executor)
     */
    public boolean isClosed() {
        return ownExecutor != null && closed.get();
    }

    private static final class DaemonThreads implements ThreadFactory {
        private static final AtomicInteger TRANSPORTS = new AtomicInteger();
        private final int transport = TRANSPORTS.incrementAndGet();
        private final AtomicInteger threads = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "tasklens-http-" + transport + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Configures a {@link JdkHttpTransport}. Not thread-safe. */
    public static final class Builder {
        private HttpClient.Version version = HttpClient.Version.HTTP_1_1;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        private Optional<ProxySelector> proxy = Optional.empty();
        private Optional<java.util.concurrent.Executor> executor = Optional.empty();
        private boolean allowPlainHttp;

        private Builder() {
        }

        /**
         * Uses HTTP/2 where the server offers it (the default is HTTP/1.1).
         *
         * @return this builder
         */
        public Builder http2() {
            this.version = HttpClient.Version.HTTP_2;
            return this;
        }

        /**
         * Sets how long to wait for a connection.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /**
         * Sets how long to wait for a whole reply.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "request timeout");
            return this;
        }

        /**
         * Sets the largest reply body accepted (after gzip decoding).
         *
         * @param bytes at least 1
         * @return this builder
         */
        public Builder maxResponseBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the reply limit must be at least 1 byte, got " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Routes requests through proxies.
         *
         * @param selector the proxy selector, such as {@code ProxySelector.of(address)}
         * @return this builder
         */
        public Builder proxy(ProxySelector selector) {
            this.proxy = Optional.of(Objects.requireNonNull(selector, "proxy selector"));
            return this;
        }

        /**
         * Never uses a proxy, whatever the system's proxy settings: for link-local addresses such
         * as a cloud's instance metadata service, which no proxy can reach.
         *
         * @return this builder
         */
        public Builder noProxy() {
            this.proxy = Optional.of(java.net.http.HttpClient.Builder.NO_PROXY);
            return this;
        }

        /**
         * Runs the client's work on an executor the caller owns (and closes).
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(java.util.concurrent.Executor executor) {
            this.executor = Optional.of(Objects.requireNonNull(executor, "executor"));
            return this;
        }

        /**
         * Allows plain {@code http://} to hosts other than loopback. Credentials' signatures then
         * cross the network unencrypted: use only on a trusted network.
         *
         * @return this builder
         */
        public Builder allowPlainHttp() {
            this.allowPlainHttp = true;
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the transport; close it when done
         */
        public JdkHttpTransport build() {
            return new JdkHttpTransport(this);
        }

        private static Duration positive(Duration duration, String what) {
            Objects.requireNonNull(duration, what);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + duration);
            }
            return duration;
        }
    }
}
