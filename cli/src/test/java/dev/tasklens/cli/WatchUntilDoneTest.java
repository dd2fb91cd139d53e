package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.TaskStatus;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.TaskCatalog;
import dev.tasklens.emulators.tencent.MpsApi;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code watch --until done} ends when every watched task has ended, and {@code --exit-status} says
 * whether one failed: an MPS emulator whose two open tasks have ended after the first poll (its
 * three status scans) answers every later request with them ended. A poll whose reply cannot be
 * trusted is said on stderr and made good by the next; refused credentials end the watch at once.
 */
class WatchUntilDoneTest {

    private static final String ID = "AKIDUNTILDONE0000000";
    private static final String KEY = "until-done-secret";

    private static TaskCatalog catalog(TaskStatus a, TaskStatus b, Instant created) {
        return TaskCatalog.of(List.of(task("a", a, created), task("b", b, created)));
    }

    private static EmulatedTask task(String id, TaskStatus status, Instant created) {
        return new EmulatedTask("task-" + id, id, "transcode", status, created,
                status == TaskStatus.PENDING ? Optional.empty() : Optional.of(created.plusSeconds(1)),
                status.isTerminal() ? Optional.of(created.plusSeconds(2)) : Optional.empty());
    }

    private static CliTest.Run watchUntilDone(TaskStatus endOfB, String... more) {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        TaskCatalog open = catalog(TaskStatus.RUNNING, TaskStatus.PENDING, created);
        TaskCatalog ended = catalog(TaskStatus.SUCCEEDED, endOfB, created);
        AtomicInteger requests = new AtomicInteger();
        // MPS lists one status at a time: the first poll is three requests.
        Supplier<TaskCatalog> tasks = () -> requests.incrementAndGet() <= 3 ? open : ended;
        try (Emulator mps = Emulator.start(new MpsApi(tasks, Map.of(ID, KEY), Clock.systemUTC()))) {
            List<String> args = new java.util.ArrayList<>(List.of("watch", "--source", "tencent.mps", "--endpoint",
                    mps.baseUri() + "/", "--interval", "1s", "--until", "done", "--output", "json"));
            args.addAll(List.of(more));
            return CliTest.run(Map.of("TENCENTCLOUD_SECRET_ID", ID, "TENCENTCLOUD_SECRET_KEY", KEY),
                    args.toArray(new String[0]));
        }
    }

    @Test
    void itEndsWhenEveryTaskHasEndedAndExitsOneWhenOneFailed() {
        CliTest.Run failed = watchUntilDone(TaskStatus.FAILED, "--exit-status");

        assertThat(failed.code()).as(failed.err()).isEqualTo(WatchCommand.A_TASK_FAILED);
        assertThat(failed.lines()).hasSize(4);
        assertThat(failed.lines().get(2) + failed.lines().get(3)).contains("\"kind\":\"FINISHED\"",
                "\"kind\":\"FAILED\"");
    }

    @Test
    void withoutExitStatusOrAFailureItExitsZero() {
        assertThat(watchUntilDone(TaskStatus.FAILED).code()).isZero();
        assertThat(watchUntilDone(TaskStatus.SUCCEEDED, "--exit-status").code()).isZero();
    }

    @Test
    void aPollWhoseReplyCannotBeTrustedIsSaidAndTheNextPollMakesItGood() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        TaskCatalog open = catalog(TaskStatus.RUNNING, TaskStatus.PENDING, created);
        TaskCatalog ended = catalog(TaskStatus.SUCCEEDED, TaskStatus.FAILED, created);
        AtomicInteger requests = new AtomicInteger();
        MpsApi mpsApi = new MpsApi(() -> requests.get() <= 4 ? open : ended, Map.of(ID, KEY), Clock.systemUTC());
        // A poll is four scans (waiting, processing, finished without and with failed subtasks). The
        // second poll's get a reply without its task list; later ones the ended tasks.
        try (Emulator mps = Emulator.start(request -> {
            int number = requests.incrementAndGet();
            return number > 4 && number <= 8
                    ? HttpResponse.of(200, HttpHeaders.of("Content-Type", "application/json"),
                            "{\"Response\":{\"RequestId\":\"r-" + number + "\"}}")
                    : mpsApi.handle(request);
        })) {
            CliTest.Run run = CliTest.run(Map.of("TENCENTCLOUD_SECRET_ID", ID, "TENCENTCLOUD_SECRET_KEY", KEY),
                    "watch", "--source", "tencent.mps", "--endpoint", mps.baseUri() + "/", "--interval", "1s",
                    "--until", "done", "--output", "json", "--exit-status");

            assertThat(run.code()).as(run.err()).isEqualTo(WatchCommand.A_TASK_FAILED);
            assertThat(run.err()).contains("tencent.mps: a poll failed (1 in a row; the watch ends at 10)",
                    "the reply has no TaskSet list");
            assertThat(run.lines()).hasSize(4);
            assertThat(run.lines().get(2) + run.lines().get(3)).contains("\"kind\":\"FINISHED\"",
                    "\"kind\":\"FAILED\"");
        }
    }

    @Test
    void aWatchThatMayNotFailEndsAtItsFirstFailedPollWithWhereToContinue() {
        AtomicInteger requests = new AtomicInteger();
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
        MpsApi mpsApi = new MpsApi(() -> catalog(TaskStatus.RUNNING, TaskStatus.PENDING, created), Map.of(ID, KEY),
                Clock.systemUTC());
        try (Emulator mps = Emulator.start(request -> requests.incrementAndGet() > 4
                ? HttpResponse.of(200, HttpHeaders.of("Content-Type", "application/json"), "{\"Response\":{}}")
                : mpsApi.handle(request))) {
            CliTest.Run run = CliTest.run(Map.of("TENCENTCLOUD_SECRET_ID", ID, "TENCENTCLOUD_SECRET_KEY", KEY),
                    "watch", "--source", "tencent.mps", "--endpoint", mps.baseUri() + "/", "--interval", "1s",
                    "--give-up-after", "1", "--output", "json");

            assertThat(run.code()).as(run.err()).isEqualTo(4);
            assertThat(run.lines()).hasSize(2);
            assertThat(run.err()).contains("continue with --resume tw1.").doesNotContain("a poll failed");
        }
    }
}
