package dev.tasklens.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.TransportException;
import dev.tasklens.emulators.faults.Fault;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The engine as a client sees it: request targets, handler failures, latency, the journal. */
class EmulatorOnTheWireTest {

    /** Echoes what it was asked, so a test can see the request as the handler received it. */
    private static final ApiHandler ECHO = exchange -> HttpResponse.of(200, HttpHeaders.of("Content-Type",
            "text/plain"), exchange.request().method() + " " + exchange.request().uri() + " host="
            + exchange.request().headers().firstValue("Host").orElse("-"));

    private static final ApiHandler BROKEN = exchange -> {
        throw new IllegalStateException("the handler tripped over its own feet");
    };

    /** One request written by hand on a socket, so the request line is exactly what a proxy client sends. */
    private static String exchangeRaw(URI base, String requestHead) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int read; (read = in.read(buffer)) > 0; ) {
                reply.write(buffer, 0, read);
            }
            return reply.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAbsoluteFormTargetIsServedWithTheHostTheClientAddressed() throws IOException {
        // RFC 9112 §3.2.2: "a server MUST accept the absolute-form in requests"; it is what a client
        // that uses the emulator as its HTTP proxy sends.
        try (Emulator emulator = Emulator.start(ECHO)) {
            String reply = exchangeRaw(emulator.baseUri(), "POST http://mps.tencentcloudapi.com/?a=b HTTP/1.1\r\n"
                    + "Host: mps.tencentcloudapi.com\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

            assertThat(reply).startsWith("HTTP/1.1 200");
            assertThat(reply).endsWith("POST http://mps.tencentcloudapi.com/?a=b host=mps.tencentcloudapi.com");
            assertThat(emulator.journal().requests().get(0).uri().getHost()).isEqualTo("mps.tencentcloudapi.com");
        }
    }

    @Test
    void anOriginFormTargetTakesItsAuthorityFromTheHostHeader() throws IOException {
        // RFC 9112 §3.3: the effective request URI of an origin-form target is built from the Host
        // header, which is what a gateway behind a reverse proxy sees and a signature covers.
        try (Emulator emulator = Emulator.start(ECHO)) {
            String reply = exchangeRaw(emulator.baseUri(), "GET /tasks?x=1 HTTP/1.1\r\nHost: proxy.example:8443\r\n"
                    + "Connection: close\r\n\r\n");

            assertThat(reply).endsWith("GET http://proxy.example:8443/tasks?x=1 host=proxy.example:8443");
        }
    }

    @Test
    void anOriginFormTargetWithoutAHostIsRelativeToTheEmulator() throws IOException {
        try (Emulator emulator = Emulator.start(ECHO)) {
            String reply = exchangeRaw(emulator.baseUri(), "GET /tasks?x=1 HTTP/1.0\r\n\r\n");

            assertThat(reply).contains("GET " + emulator.baseUri() + "/tasks?x=1");
        }
    }

    @Test
    void aRequestWithTwoHostsOrAnInvalidHostIsRefused() throws IOException {
        // RFC 9112 §3.2: "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1
        // request message that lacks a Host header field and to any request message that contains
        // more than one Host header field line or a Host header field with an invalid field value."
        try (Emulator emulator = Emulator.start(ECHO)) {
            assertThat(exchangeRaw(emulator.baseUri(), "GET /tasks HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 400").contains("2 Host headers");
            assertThat(exchangeRaw(emulator.baseUri(), "GET /tasks HTTP/1.1\r\nHost: a.example/evil\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 400").contains("is not a host and port");
            assertThat(exchangeRaw(emulator.baseUri(), "GET /tasks HTTP/1.1\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 400").contains("no Host header");
        }
    }

    @Test
    void aHandlerThatThrowsAnswers500WithItsMessageOverSockets() throws IOException {
        try (Emulator emulator = Emulator.start(BROKEN)) {
            String reply = exchangeRaw(emulator.baseUri(), "GET /anything HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n");

            assertThat(reply).startsWith("HTTP/1.1 500");
            assertThat(reply).contains("the handler tripped over its own feet");
        }
    }

    @Test
    void aHandlerThatThrowsAnswersTheSame500InMemory() {
        try (Emulator emulator = Emulator.start(BROKEN)) {
            HttpResponse reply = emulator.inMemoryTransport(Duration.ofSeconds(1))
                    .send(HttpRequest.get(URI.create(emulator.baseUri() + "/anything")).build());

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.bodyText()).contains("IllegalStateException", "the handler tripped over its own feet");
        }
    }

    @Test
    void aLatencyDelaysEveryReplyAndCountsAgainstTheTimeout() {
        try (Emulator emulator = Emulator.builder(ECHO).latency(Duration.ofMillis(120)).start()) {
            HttpTransport patient = emulator.inMemoryTransport(Duration.ofSeconds(5));
            HttpRequest request = HttpRequest.get(URI.create(emulator.baseUri() + "/x")).build();

            long started = System.nanoTime();
            assertThat(patient.send(request).status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(120));
            assertThatThrownBy(() -> emulator.inMemoryTransport(Duration.ofMillis(50)).send(request))
                    .isInstanceOf(TransportException.class).hasMessageContaining("within 50 ms");
        }
    }

    @Test
    void aSlowFaultAddsToTheLatency() {
        FaultPlan plan = FaultPlan.first(new Fault.Slow(Duration.ofMillis(300)));
        try (Emulator emulator = Emulator.builder(ECHO).latency(Duration.ofMillis(300)).faults(plan).start()) {
            HttpRequest request = HttpRequest.get(URI.create(emulator.baseUri() + "/x")).build();

            assertThatThrownBy(() -> emulator.inMemoryTransport(Duration.ofMillis(450)).send(request))
                    .isInstanceOf(TransportException.class);
            assertThat(emulator.inMemoryTransport(Duration.ofMillis(450)).send(request).status()).isEqualTo(200);
        }
    }

    @Test
    void theJournalKeepsTheNewestRequestsAndCountsThemAll() {
        try (Emulator emulator = Emulator.builder(ECHO).journalLimit(3).start()) {
            HttpTransport transport = emulator.inMemoryTransport(Duration.ofSeconds(1));
            for (int i = 0; i < 10; i++) {
                transport.send(HttpRequest.get(URI.create(emulator.baseUri() + "/r" + i)).build());
            }

            assertThat(emulator.journal().size()).isEqualTo(10);
            assertThat(emulator.journal().requests()).extracting(request -> request.uri().getPath())
                    .containsExactly("/r7", "/r8", "/r9");
        }
    }

    @Test
    void aBusyPortIsRefusedWithAMessageThatSaysWhatToDo() {
        try (Emulator first = Emulator.start(ECHO)) {
            assertThatThrownBy(() -> Emulator.builder(ECHO).port(first.baseUri().getPort()).start())
                    .hasMessageContaining("in use").hasMessageContaining("choose another port");
        }
    }

    @Test
    void wrongSettingsAreRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> Emulator.builder(ECHO).port(70_000)).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> Emulator.builder(ECHO).latency(Duration.ofMillis(-1)))
                .hasMessageContaining("0 to 60 s");
        assertThatThrownBy(() -> Emulator.builder(ECHO).journalLimit(-1)).hasMessageContaining("negative");
    }

    @Test
    void manyConnectionsAreServedAtOnceDespiteTheLatency() throws Exception {
        try (Emulator emulator = Emulator.builder(ECHO).latency(Duration.ofMillis(200)).start()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] clients = new Thread[16];
            long started = System.nanoTime();
            for (int i = 0; i < clients.length; i++) {
                clients[i] = new Thread(() -> {
                    try {
                        String reply = exchangeRaw(emulator.baseUri(), "GET /x HTTP/1.1\r\nHost: x\r\n"
                                + "Connection: close\r\n\r\n");
                        if (!reply.startsWith("HTTP/1.1 200")) {
                            failure.set(new AssertionError(reply));
                        }
                    } catch (IOException | RuntimeException e) {
                        failure.set(e);
                    }
                });
                clients[i].start();
            }
            for (Thread client : clients) {
                client.join();
            }

            assertThat(failure.get()).isNull();
            // Sixteen requests one after another would take 3.2 s.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3_000));
        }
    }
}
