package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.emulators.sandbox.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that stalls ends a listing of every source within the call's bound, with exit 4 and the
 * time in its message: one that never answers, one whose Content-Length promises more than it sends,
 * and one whose chunked body trickles. The bounds are set small here ({@code --timeout 2s
 * --attempt-timeout 1s}); that the defaults (15 s per attempt, 50 s per call) end a call within 60 s
 * is shown on a fake clock in {@code ResilienceTest}.
 */
class StalledServerTest {

    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    enum Stall {
        SILENT, CONTENT_LENGTH_LARGER_THAN_BODY, TRICKLING_CHUNKS
    }

    static List<Object[]> cases() {
        List<Object[]> cases = new java.util.ArrayList<>();
        for (String source : Sandbox.sourceIds()) {
            for (Stall stall : Stall.values()) {
                cases.add(new Object[] {source, stall});
            }
        }
        return cases;
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        for (Socket socket : held) {
            socket.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void aStalledServerEndsTheListingWithinTheCallsBound(String source, Stall stall) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> serve(stall), "stalling-server");
        acceptor.setDaemon(true);
        acceptor.start();
        List<String> args = new java.util.ArrayList<>(List.of("list", "--source", source, "--endpoint",
                "http://127.0.0.1:" + server.getLocalPort() + "/", "--timeout", "2s", "--attempt-timeout", "1s"));
        Map<String, String> environment;
        try (Sandbox sandbox = Sandbox.builder().only(java.util.Set.of(source)).start()) {
            environment = new HashMap<>(sandbox.environment());
            sandbox.scopes().getOrDefault(source, Map.of()).forEach((key, value) -> {
                args.add("--scope");
                args.add(key + "=" + value);
            });
        }

        long started = System.nanoTime();
        CliTest.Run run = CliTest.run(environment, args.toArray(new String[0]));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.code()).as(run.err()).isEqualTo(Main.PROVIDER);
        assertThat(run.err()).hasLineCount(1).containsPattern("within \\d+(\\.\\d)? s")
                .doesNotContain("java.", "Exception");
        // 2 s of bound and the start of the command; far below the 30 s a single old attempt took.
        assertThat(took).isLessThan(Duration.ofSeconds(20));
    }

    private void serve(Stall stall) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                held.add(socket);
                OutputStream out = socket.getOutputStream();
                switch (stall) {
                    case SILENT -> {
                    }
                    case CONTENT_LENGTH_LARGER_THAN_BODY -> out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json"
                            + "\r\nContent-Length: 100000\r\n\r\n{\"a\":").getBytes(StandardCharsets.US_ASCII));
                    case TRICKLING_CHUNKS -> {
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
                                + "\r\n\r\n1\r\n{\r\n").getBytes(StandardCharsets.US_ASCII));
                        Thread trickle = new Thread(() -> trickle(out), "trickle");
                        trickle.setDaemon(true);
                        trickle.start();
                    }
                    default -> throw new IllegalStateException(stall.name());
                }
                out.flush();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** A space every half second, for ever: a body that never ends but never goes quiet for long. */
    private static void trickle(OutputStream out) {
        try {
            while (true) {
                Thread.sleep(500);
                out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up, or the test ended
        }
    }
}
