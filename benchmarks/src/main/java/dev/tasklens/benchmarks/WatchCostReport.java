package dev.tasklens.benchmarks;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.domain.watch.TaskChange;
import dev.tasklens.domain.watch.WatchPoll;
import dev.tasklens.domain.watch.WatchPosition;
import dev.tasklens.domain.watch.WatchRules;
import dev.tasklens.domain.watch.WatchState;
import dev.tasklens.emulators.ManualClock;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.ChurningCatalog;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.tencent.MpsApi;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.tencent.TencentModule;
import dev.tasklens.tencent.TencentSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a watch costs, against re-listing everything at each interval: an MPS account of N tasks
 * (the week's backlog ended, the last half hour's still open) in which 1 % of N change per hour,
 * watched at a 30 s interval for one simulated hour on a clock the report moves, through the MPS
 * emulator in memory. Counts requests per hour for both, the longest delay from a change to the
 * poll that reports it, and the watch's state (open tasks, ids kept, the position's length) for
 * several N. Run from the project root once the benchmarks module is packaged (benchmarks/README.md
 * gives the commands).
 */
public final class WatchCostReport {

    private static final String ID = "AKIDWATCHCOST0000000";
    private static final String KEY = "watch-cost-secret";
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final SourceId MPS = SourceId.TENCENT_MPS;

    private WatchCostReport() {
    }

    /**
     * Prints the report.
     *
     * @param args none
     */
    public static void main(String[] args) {
        System.out.println("| tasks | naive requests/hour | watch requests/hour | watch / naive | longest delay"
                + " | open tasks | ids kept | position (chars) |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int tasks : new int[] {10_000, 100_000}) {
            run(tasks);
        }
    }

    private static void run(int count) {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T00:00:00Z"));
        Instant start = clock.instant();
        List<EmulatedTask> backlog = new ArrayList<>();
        for (EmulatedTask task : SeededTasks.generate(17, count, start, Duration.ofDays(6))) {
            boolean recent = task.createdAt().isAfter(start.minus(Duration.ofMinutes(30)));
            backlog.add(recent || task.status().isTerminal() ? task : new EmulatedTask(task.id(), task.name(),
                    task.type(), TaskStatus.SUCCEEDED, task.createdAt(), task.startedAt().or(() ->
                            Optional.of(task.createdAt())), Optional.of(task.createdAt().plusSeconds(600))));
        }
        ChurningCatalog catalog = new ChurningCatalog(backlog, 29, "churn-");
        AtomicLong requests = new AtomicLong();
        try (Emulator emulator = Emulator.start(new MpsApi(catalog, Map.of(ID, KEY), clock))) {
            HttpTransport memory = emulator.inMemoryTransport(Duration.ofSeconds(30));
            HttpTransport counted = request -> {
                requests.incrementAndGet();
                return memory.send(request);
            };
            TencentSettings settings = new TencentSettings(CredentialsProvider.of(Credentials.of(ID, KEY)),
                    Optional.of(URI.create(emulator.baseUri() + "/")), Optional.empty(), Optional.empty());
            try (TaskLens lens = TaskLens.builder().withoutDiscovery().transport(counted).clock(clock)
                    .sleeper(duration -> { }).module(new TencentModule(settings)).build()) {
                WatchRules rules = WatchRules.retainedFor(Duration.ofDays(7));
                // Naive: the whole retention, every interval.
                long before = requests.get();
                lens.list(TaskQuery.forSource(MPS).createdAfter(clock.instant().minus(Duration.ofDays(7))
                        .plusSeconds(60)).build()).stream().count();
                long naivePerPoll = requests.get() - before;

                WatchState state = poll(lens, rules, WatchState.start(MPS), clock, new ArrayList<>());
                long watchStart = requests.get();
                double perInterval = count * 0.01 * INTERVAL.toSeconds() / HOUR.toSeconds();
                double owed = 0;
                Duration longest = Duration.ZERO;
                Map<String, Instant> changedAt = new HashMap<>();
                for (Instant end = clock.instant().plus(HOUR); clock.instant().isBefore(end); ) {
                    owed += perInterval;
                    // The changes happen just after a poll: the next one is a whole interval away.
                    clock.advance(Duration.ofSeconds(1));
                    for (ChurningCatalog.Change change : catalog.churn((int) owed, clock.instant())) {
                        changedAt.put(change.id() + " " + change.status(), change.at());
                    }
                    owed -= (int) owed;
                    clock.advance(INTERVAL.minusSeconds(1));
                    List<TaskChange> changes = new ArrayList<>();
                    state = poll(lens, rules, state, clock, changes);
                    for (TaskChange change : changes) {
                        Instant at = changedAt.remove(change.task().id() + " " + change.task().status());
                        if (at != null && Duration.between(at, change.observedAt()).compareTo(longest) > 0) {
                            longest = Duration.between(at, change.observedAt());
                        }
                    }
                }
                long watchPerHour = requests.get() - watchStart;
                long naivePerHour = naivePerPoll * (HOUR.toSeconds() / INTERVAL.toSeconds());
                System.out.printf(Locale.ROOT, "| %,d | %,d | %,d | %.2f %% | %d s (%d unreported) | %,d | %,d | %,d |%n",
                        count, naivePerHour, watchPerHour, 100.0 * watchPerHour / naivePerHour, longest.toSeconds(),
                        changedAt.size(), state.open().size(), state.recent().size(),
                        WatchPosition.write(state, TokenSeal.none()).length());
            }
        }
    }

    private static WatchState poll(TaskLens lens, WatchRules rules, WatchState state, Clock clock,
            List<TaskChange> changes) {
        Instant now = clock.instant();
        Instant from = state.windowStart(now, rules).orElse(now.minus(rules.retention()).plusSeconds(60));
        WatchPoll poll = state.poll(now, rules);
        for (Task task : (Iterable<Task>) lens.list(TaskQuery.forSource(MPS).createdBetween(from,
                now.plusMillis(1)).build()).stream()::iterator) {
            changes.addAll(poll.accept(task));
        }
        WatchPoll.Result result = poll.finish();
        changes.addAll(result.changes());
        return result.next();
    }
}
