package dev.tasklens.testkit.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tasklens.ports.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reverse proxy on a loopback port in front of one origin, as a company's gateway is: the client
 * talks to the proxy's address, and the request goes on to the origin in origin-form with the
 * {@code Host} header and the path exactly as the client sent them (so a signature made for the
 * proxy's address is what the origin sees). Optionally it is a chaos proxy ({@link Chaos}): it
 * answers some requests itself with the provider's throttling reply or a server error, cuts some
 * connections and delays others.
 *
 * <p>Requests are forwarded with {@code Connection: close} over a socket of their own, and the
 * origin's reply is read to its end and passed back whole. Thread-safe; close it to free the port.
 */
public final class ReverseProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding",
            "content-length", "te", "trailer", "upgrade", "proxy-connection");

    private final URI origin;
    private final Chaos chaos;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tasklens-reverse-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger forwarded = new AtomicInteger();

    private ReverseProxy(URI origin, Chaos chaos) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.chaos = Objects.requireNonNull(chaos, "chaos");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind a proxy to a loopback port", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /**
     * A proxy that forwards every request.
     *
     * @param origin the origin's scheme, host and port, such as an emulator's base URI
     * @return the running proxy
     */
    public static ReverseProxy to(URI origin) {
        return new ReverseProxy(origin, Chaos.none());
    }

    /**
     * A chaos proxy.
     *
     * @param origin the origin's scheme, host and port
     * @param chaos what it does to requests instead of forwarding them
     * @return the running proxy
     */
    public static ReverseProxy withChaos(URI origin, Chaos chaos) {
        return new ReverseProxy(origin, chaos);
    }

    /**
     * Where the proxy listens.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    /**
     * How many requests reached the origin.
     *
     * @return the count
     */
    public int forwarded() {
        return forwarded.get();
    }

    /**
     * What the chaos did so far.
     *
     * @return counts per kind of chaos
     */
    public Map<Chaos.Kind, Integer> chaosCounts() {
        return chaos.counts();
    }

    private void serve(HttpExchange http) throws IOException {
        try (http) {
            byte[] body = http.getRequestBody().readAllBytes();
            String target = http.getRequestURI().getRawPath()
                    + (http.getRequestURI().getRawQuery() == null ? "" : "?" + http.getRequestURI().getRawQuery());
            Chaos.Decision decision = chaos.decide(http.getRequestMethod() + " " + target + " "
                    + new String(body, StandardCharsets.UTF_8));
            switch (decision.kind()) {
                case CUT -> {
                    return; // the exchange closes without a status line
                }
                case THROTTLE, SERVER_ERROR -> {
                    reply(http, decision.reply().orElseThrow());
                    return;
                }
                case DELAY -> pause(decision.delay());
                case FORWARD -> {
                }
                default -> throw new IllegalStateException("unknown chaos " + decision.kind());
            }
            forwarded.incrementAndGet();
            relay(http, forward(http, target, body));
        }
    }

    private Origin forward(HttpExchange http, String target, byte[] body) throws IOException {
        int port = origin.getPort() == -1 ? 80 : origin.getPort();
        try (Socket socket = new Socket(origin.getHost(), port)) {
            socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
            StringBuilder head = new StringBuilder(http.getRequestMethod()).append(' ').append(target)
                    .append(" HTTP/1.1\r\n");
            for (Map.Entry<String, List<String>> header : http.getRequestHeaders().entrySet()) {
                if (HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                for (String value : header.getValue()) {
                    head.append(header.getKey()).append(": ").append(value).append("\r\n");
                }
            }
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return Origin.read(socket.getInputStream());
        }
    }

    private static void relay(HttpExchange http, Origin reply) throws IOException {
        reply.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> http.getResponseHeaders().add(name, value));
            }
        });
        send(http, reply.status(), reply.body());
    }

    private static void reply(HttpExchange http, HttpResponse response) throws IOException {
        response.headers().entries().forEach(header -> http.getResponseHeaders().add(header.name(), header.value()));
        send(http, response.status(), response.body());
    }

    private static void send(HttpExchange http, int status, byte[] body) throws IOException {
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void pause(Duration delay) {
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

    /** The origin's reply, read whole from a connection it closes. */
    private record Origin(int status, Map<String, List<String>> headers, byte[] body) {

        static Origin read(InputStream in) throws IOException {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("the origin's reply starts with '" + statusLine + "'");
            }
            Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            long length = -1;
            boolean chunked = false;
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                headers.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(value);
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream whole = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    whole.write(in.readNBytes(size));
                    line(in);
                }
                body = whole.toByteArray();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
            } else {
                body = in.readAllBytes();
            }
            return new Origin(Integer.parseInt(parts[1]), headers, body);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
