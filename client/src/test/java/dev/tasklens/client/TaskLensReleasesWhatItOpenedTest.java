package dev.tasklens.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.tencent.MpsApi;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.tencent.TencentModule;
import dev.tasklens.tencent.TencentSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A TaskLens that is closed gives back what it opened: after many rounds of (build, list a task,
 * close) over real sockets, the HTTP client threads have ended and the open files are back to
 * where they started, give or take a few. Waits on the threads' end with a deadline, never a sleep.
 */
class TaskLensReleasesWhatItOpenedTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ID = "AKIDEXAMPLE0123456789";
    private static final String KEY = "example-secret";
    private static final int ROUNDS = 100;

    @Test
    void closingReleasesTheClientThreadsAndSocketsOfEveryRound() throws Exception {
        List<EmulatedTask> tasks = SeededTasks.generate(3, 400, NOW, Duration.ofDays(1));
        try (Emulator mps = Emulator.start(new MpsApi(tasks, Map.of(ID, KEY), CLOCK))) {
            TencentSettings settings = new TencentSettings(CredentialsProvider.of(Credentials.of(ID, KEY)),
                    Optional.of(URI.create(mps.baseUri() + "/")), Optional.empty(), Optional.empty());
            // One warm-up round: classes, the shared page threads and the emulator's own sockets settle.
            round(settings);
            awaitClientThreadsEnd(Duration.ofSeconds(60));
            long filesBefore = openFiles();

            for (int i = 0; i < ROUNDS; i++) {
                round(settings);
            }

            // A closed client's selector thread ends at its next wake-up (every 3 s at most) once the
            // client is unreachable and no exchange is pending. A stranded exchange (its completion
            // refused by an executor shut down under it) kept them alive until its 30-s request
            // timeout, so the deadline sits well below that and well above one wake-up.
            assertThat(awaitClientThreadsEnd(Duration.ofSeconds(15))).as("HTTP client threads still alive").isZero();
            assertThat(openFiles()).as("open files after %s rounds (%s before)", ROUNDS, filesBefore)
                    .isLessThanOrEqualTo(filesBefore + 8);
        }
    }

    private static void round(TencentSettings settings) {
        try (TaskLens lens = TaskLens.builder().clock(CLOCK).module(new TencentModule(settings)).build()) {
            List<Task> one = lens.list(TaskQuery.forSource(SourceId.TENCENT_MPS).pageSize(10).build()).stream()
                    .limit(1).toList();
            assertThat(one).hasSize(1);
        }
    }

    private static List<Thread> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("HttpClient-") && thread.isAlive()).toList();
    }

    /** Joins the JDK client's threads; a closed client's end once it is unreachable. Returns those left. */
    private static int awaitClientThreadsEnd(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<Thread> alive = clientThreads();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            alive.get(0).join(Math.max(1, Math.min(1_000, (deadline - System.nanoTime()) / 1_000_000)));
            alive = clientThreads();
        }
        return alive.size();
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
