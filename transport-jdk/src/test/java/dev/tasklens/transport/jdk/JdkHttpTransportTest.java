package dev.tasklens.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tasklens.domain.TransportException;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport against a real HTTP server on loopback. */
class JdkHttpTransportTest {

    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final List<Map<String, List<String>>> receivedHeaders = new CopyOnWriteArrayList<>();
    private final List<String> receivedTargets = new CopyOnWriteArrayList<>();
    private JdkHttpTransport transport;

    @BeforeEach
    void startServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            receivedHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            receivedTargets.add(exchange.getRequestURI().toString());
            exchange.getRequestBody().readAllBytes();
            route(exchange);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        server.stop(0);
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        switch (path) {
            case "/slow" -> {
                sleep(2_000);
                reply(exchange, 200, "late".getBytes(StandardCharsets.UTF_8), Map.of());
            }
            case "/gzip" -> {
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                    gzip.write("{\"TaskSet\":[]}".getBytes(StandardCharsets.UTF_8));
                }
                reply(exchange, 200, zipped.toByteArray(), Map.of("Content-Encoding", "gzip"));
            }
            case "/big" -> reply(exchange, 200, new byte[4096], Map.of());
            case "/short" -> {
                // Promises 100 bytes, sends 10 and hangs up.
                exchange.sendResponseHeaders(200, 100);
                exchange.getResponseBody().write(new byte[10]);
                exchange.getResponseBody().flush();
                exchange.close();
            }
            case "/badzip" -> reply(exchange, 200, "not gzip at all".getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Encoding", "gzip"));
            case "/drip" -> drip(exchange, 2_000_000_000L);
            case "/endless" -> drip(exchange, 0);
            case "/hang" -> {
                sleep(3_000);
                reply(exchange, 200, "late".getBytes(StandardCharsets.UTF_8), Map.of());
            }
            case "/redirect" -> reply(exchange, 302, new byte[0], Map.of("Location", "https://elsewhere.example/"));
            default -> reply(exchange, 200, "ok".getBytes(StandardCharsets.UTF_8), Map.of("X-Request-Id", "r-1"));
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Headers at once, then a byte every 50 ms for at most 5 s: a 2 GB Content-Length, or chunks (0). */
    private static void drip(HttpExchange exchange, long length) {
        try (exchange) {
            exchange.sendResponseHeaders(200, length);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 100; i++) {
                out.write('x');
                out.flush();
                sleep(50);
            }
        } catch (IOException clientGone) {
            // the client gave up, as it should
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void theRequestIsSentAsGivenAndTheReplyComesBackWhole() {
        transport = JdkHttpTransport.create();

        HttpResponse response = transport.send(HttpRequest.post(uri("/tasks?a=%2F"), "{}".getBytes(StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").header("X-TC-Action", "DescribeTasks").build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("ok");
        assertThat(response.headers().firstValue("x-request-id")).contains("r-1");
        assertThat(receivedTargets).containsExactly("/tasks?a=%2F");
        Map<String, List<String>> sent = receivedHeaders.get(0);
        assertThat(sent).containsEntry("X-tc-action", List.of("DescribeTasks"));
        assertThat(sent.keySet()).doesNotContain("Accept-encoding");
    }

    @Test
    void noProxyGoesStraightToTheServerWhateverProxyWasSetBefore() {
        List<java.net.URI> asked = new CopyOnWriteArrayList<>();
        java.net.ProxySelector recording = new java.net.ProxySelector() {
            @Override
            public List<java.net.Proxy> select(java.net.URI target) {
                asked.add(target);
                return List.of(new java.net.Proxy(java.net.Proxy.Type.HTTP, new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), 9)));
            }

            @Override
            public void connectFailed(java.net.URI target, java.net.SocketAddress address, IOException error) {
            }
        };
        transport = JdkHttpTransport.builder().proxy(recording).noProxy().build();

        HttpResponse response = transport.send(HttpRequest.get(uri("/page/1")).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(receivedTargets).containsExactly("/page/1");
        assertThat(asked).isEmpty();
    }

    @Test
    void connectionsAreReused() {
        transport = JdkHttpTransport.create();

        for (int i = 0; i < 5; i++) {
            transport.send(HttpRequest.get(uri("/page/" + i)).build());
        }

        assertThat(receivedTargets).hasSize(5);
        assertThat(clientPorts).as("client ports seen by the server, one per connection").hasSize(1);
    }

    @Test
    void aSlowReplyTimesOutWithARetryableError() {
        transport = JdkHttpTransport.builder().requestTimeout(Duration.ofMillis(200)).build();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(uri("/slow")).build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("no reply from http://127.0.0.1:")
                .hasMessageContaining("within 0.2 s")
                .satisfies(error -> assertThat(((TransportException) error).isRetryable()).isTrue());
    }

    @Test
    void aBrokenReplyIsToldInWordsWithoutJavaClassNames() {
        transport = JdkHttpTransport.builder().build();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(uri("/short")).build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("the connection was closed before the reply was complete")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("java.", "Exception"));
        assertThatThrownBy(() -> transport.send(HttpRequest.get(uri("/badzip")).build()))
                .isInstanceOf(TransportException.class)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("java.", "Exception"));
    }

    @Test
    void aPortOutOfRangeIsRefusedPlainlyAndNotRetried() {
        transport = JdkHttpTransport.builder().build();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(URI.create("http://127.0.0.1:99999/")).build()))
                .isInstanceOf(TransportException.class)
                .hasMessage("port 99999 of 127.0.0.1 is not 1..65535; fix the endpoint")
                .satisfies(error -> assertThat(((TransportException) error).isRetryable()).isFalse());
    }

    @Test
    void aRequestsOwnTimeoutShortensTheTransports() {
        transport = JdkHttpTransport.builder().requestTimeout(Duration.ofSeconds(30)).build();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(uri("/drip")).timeout(Duration.ofMillis(300)).build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("within 0.3 s");
    }

    @Test
    void aBodyThatDripsIsCutAtTheTimeoutNotAtItsEnd() {
        transport = JdkHttpTransport.builder().requestTimeout(Duration.ofMillis(500)).build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(uri("/drip")).build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("within 0.5 s (headers and body)");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anEndlessChunkedBodyIsCutAtTheTimeout() {
        transport = JdkHttpTransport.builder().requestTimeout(Duration.ofMillis(500)).build();
        long started = System.nanoTime();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(uri("/endless")).build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("within 0.5 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void closingFailsARequestInFlightAtOnceAndSendsNothingAfter() throws Exception {
        transport = JdkHttpTransport.builder().requestTimeout(Duration.ofSeconds(20)).build();
        java.util.concurrent.CompletableFuture<Throwable> inFlight = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> {
                    try {
                        transport.send(HttpRequest.get(uri("/hang")).build());
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                });
        while (receivedTargets.isEmpty()) {
            Thread.sleep(10);
        }

        transport.close();

        Throwable failure = inFlight.get(2, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(TransportException.class).hasMessageContaining("transport is closed");
        assertThatThrownBy(() -> transport.send(HttpRequest.get(uri("/")).build()))
                .isInstanceOf(TransportException.class).hasMessageContaining("transport is closed");
        assertThat(receivedTargets).containsExactly("/hang");
    }

    @Test
    void aRefusedConnectionSaysSoPlainly() {
        transport = JdkHttpTransport.create();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(URI.create("http://127.0.0.1:1/")).build()))
                .isInstanceOf(TransportException.class)
                .hasMessage("connection refused by http://127.0.0.1:1");
    }

    @Test
    void aGzipReplyIsDecoded() {
        transport = JdkHttpTransport.create();

        assertThat(transport.send(HttpRequest.get(uri("/gzip")).build()).bodyText()).isEqualTo("{\"TaskSet\":[]}");
    }

    @Test
    void anOversizeReplyIsRefusedSayingHowToRaiseTheLimit() {
        transport = JdkHttpTransport.builder().maxResponseBytes(1024).build();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(uri("/big")).build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("larger than the limit of 1024 bytes")
                .hasMessageContaining("maxResponseBytes")
                .satisfies(error -> assertThat(((TransportException) error).isRetryable()).isFalse());
    }

    @Test
    void redirectsAreNeverFollowed() {
        transport = JdkHttpTransport.create();

        HttpResponse response = transport.send(HttpRequest.get(uri("/redirect")).build());

        assertThat(response.status()).isEqualTo(302);
        assertThat(receivedTargets).containsExactly("/redirect");
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeAnyConnection() {
        transport = JdkHttpTransport.create();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(URI.create("http://tasks.example.com/")).build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("refusing plain http:// to http://tasks.example.com")
                .hasMessageContaining("allowPlainHttp()");
        assertThat(receivedTargets).isEmpty();
    }

    @Test
    void plainHttpToAnotherHostIsAllowedWhenOptedIn() {
        // A proxy on loopback receives the request, so nothing leaves this machine.
        transport = JdkHttpTransport.builder().allowPlainHttp()
                .proxy(ProxySelector.of(server.getAddress())).build();

        HttpResponse response = transport.send(HttpRequest.get(URI.create("http://tasks.example.com/via-proxy")).build());

        assertThat(response.status()).isEqualTo(200);
        assertThat(receivedTargets).singleElement().asString().endsWith("/via-proxy");
    }

    @Test
    void loopbackIsRecognisedWithoutALookup() {
        assertThat(JdkHttpTransport.isLoopback("127.0.0.1")).isTrue();
        assertThat(JdkHttpTransport.isLoopback("127.8.9.10")).isTrue();
        assertThat(JdkHttpTransport.isLoopback("[::1]")).isTrue();
        assertThat(JdkHttpTransport.isLoopback("localhost")).isTrue();
        assertThat(JdkHttpTransport.isLoopback("10.0.0.1")).isFalse();
        assertThat(JdkHttpTransport.isLoopback("example.com")).isFalse();
    }

    @Test
    void aHostHeaderForAnotherHostIsRefused() {
        transport = JdkHttpTransport.create();

        assertThatThrownBy(() -> transport.send(HttpRequest.get(uri("/")).header("Host", "mps.tencentcloudapi.com")
                .build()))
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("differs from its URI's host");
    }

    @Test
    void closingStopsTheTransportsThreads() throws InterruptedException {
        transport = JdkHttpTransport.create();
        transport.send(HttpRequest.get(uri("/")).build());

        transport.close();

        assertThat(transport.isClosed()).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (liveTransportThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(liveTransportThreads()).isZero();
    }

    private static long liveTransportThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("tasklens-http-") && thread.isAlive())
                .count();
    }
}
