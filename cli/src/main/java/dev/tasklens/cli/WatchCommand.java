package dev.tasklens.cli;

import dev.tasklens.client.TaskLens;
import dev.tasklens.client.TaskWatch;
import dev.tasklens.client.WatchQuery;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.watch.ChangeKind;
import dev.tasklens.domain.watch.TaskChange;
import dev.tasklens.emulators.sandbox.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tasklens watch}: task changes as they happen, one line each. The first poll reports the
 * tasks there are as {@code NEW}, as {@code kubectl get -w} lists first; then each poll reports what
 * changed. With {@code --state FILE} the position of every source is written atomically after each
 * poll's changes are printed, so a watch killed and started again on the same file misses nothing
 * and repeats at most the changes printed after the last write.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Report task changes as they happen. Credentials come from the providers' environment"
                + " variables, never from flags.")
final class WatchCommand implements Callable<Integer> {

    /** The exit code of {@code --exit-status} when a watched task failed. */
    static final int A_TASK_FAILED = 1;

    @ParentCommand
    private TasklensCommand root;

    @Mixin
    private SourceOptions sources;

    @Option(names = "--churn", description = "With --sandbox: about this many task changes a second (default 2).")
    private Integer churn;

    @Option(names = "--status", split = ",", description = "Report only changes to these statuses.")
    private List<String> statuses = new ArrayList<>();

    @Option(names = "--since", description = "The first poll lists tasks created in this last span (default: all"
            + " the provider keeps).")
    private String since;

    @Option(names = "--interval", defaultValue = "30s", description = "Time between polls (default ${DEFAULT-VALUE},"
            + " at least 1s), jittered by a tenth.")
    private String interval;

    @Option(names = "--stale", description = "Report a task still open past this age, once: 2h.")
    private String stale;

    @Option(names = "--output", defaultValue = "table", description = "table or json (one object per line).")
    private String output;

    @Option(names = "--state", description = "Keep the position in this file, written after each poll's changes.")
    private Path state;

    @Option(names = "--resume", description = "Continue one source's watch from the position it printed.")
    private String resume;

    @Option(names = "--until", description = "'done': stop when every watched task has ended.")
    private String until;

    @Option(names = "--exit-status", description = "With --until done: exit " + A_TASK_FAILED + " if a watched task"
            + " failed.")
    private boolean exitStatus;

    @Option(names = "--give-up-after", defaultValue = "" + WatchQuery.DEFAULT_GIVE_UP_AFTER, description = "End"
            + " the watch when this many polls of a source fail in a row (default ${DEFAULT-VALUE}); each failed"
            + " poll says so on stderr and its window is listed again at the next interval.")
    private int giveUpAfter;

    @Option(names = "--timeout", description = "How long one call to a provider may take, retries included"
            + " (default 50s).")
    private String timeout;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        boolean json = TaskFormat.tableOrJson(output) == TaskFormat.JSON;
        Duration every = Durations.parse(interval, "--interval");
        if (every.compareTo(WatchQuery.MIN_INTERVAL) < 0) {
            throw new InvalidQueryException("--interval " + interval + " is under the 1s minimum; each poll lists"
                    + " the whole window");
        }
        Optional<Duration> staleAfter = Optional.ofNullable(stale).map(text -> Durations.parse(text, "--stale"));
        Optional<Duration> firstSpan = Optional.ofNullable(since).map(text -> Durations.parse(text, "--since"));
        Optional<Duration> callTimeout = Optional.ofNullable(timeout).map(text -> Durations.parse(text, "--timeout"));
        checkOptions();
        List<TaskStatus> wanted = statuses.stream().map(ListCommand::status).toList();
        Map<String, String> positions = readState();
        Optional<Sandbox> demo = sources.sandbox ? Optional.of(Sandbox.builder().clock(clock)
                .churn(churn == null ? 2 : churn).start()) : Optional.empty();
        java.util.function.Consumer<TaskLens.Builder> tuning = lens -> callTimeout.ifPresent(lens::callTimeout);
        try (TaskLens lens = sources.lens(demo, root.environment, clock, tuning)) {
            List<SourceDescriptor> chosen = sources.chosen(lens);
            Map<String, TaskWatch> watches = new TreeMap<>();
            try {
                for (SourceDescriptor descriptor : chosen) {
                    String id = descriptor.id().value();
                    WatchQuery.Builder query = WatchQuery.forSource(descriptor.id()).interval(every).statuses(wanted)
                            .giveUpAfter(giveUpAfter);
                    sources.scopeOf(descriptor, demo).forEach(query::scope);
                    staleAfter.ifPresent(query::staleAfter);
                    firstSpan.ifPresent(span -> query.since(clock.instant().minus(span)));
                    Optional.ofNullable(resume).or(() -> Optional.ofNullable(positions.get(id)))
                            .ifPresent(query::resumeFrom);
                    watches.put(id, lens.watch(query.build()));
                }
                return follow(watches, json);
            } finally {
                watches.values().forEach(TaskWatch::close);
            }
        } finally {
            demo.ifPresent(Sandbox::close);
        }
    }

    /** One poll of one source, as the poller threads hand them to the printing thread. */
    private record Polled(String source, TaskWatch watch, TaskWatch.PollResult poll, RuntimeException failure) {
    }

    private int follow(Map<String, TaskWatch> watches, boolean json) {
        BlockingQueue<Polled> polled = new LinkedBlockingQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (Map.Entry<String, TaskWatch> watch : watches.entrySet()) {
            Thread reader = new Thread(() -> {
                try {
                    for (TaskWatch.PollResult poll : watch.getValue().polls()) {
                        polled.add(new Polled(watch.getKey(), watch.getValue(), poll, null));
                    }
                } catch (RuntimeException e) {
                    polled.add(new Polled(watch.getKey(), watch.getValue(), null, e));
                }
            }, "tasklens-watch-reader-" + watch.getKey());
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
        PrintWriter out = root.out;
        Map<String, Integer> open = new TreeMap<>();
        boolean[] failed = {false};
        Thread interrupted = new Thread(() -> {
            root.err.println();
            root.err.println("tasklens: watch stopped; " + whereToContinue(watches));
            root.err.flush();
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            while (true) {
                Polled next = polled.take();
                if (next.failure() != null) {
                    root.err.println("tasklens: " + next.source() + ": " + whereToContinue(watches));
                    throw next.failure();
                }
                if (next.poll().failure().isPresent()) {
                    // Nothing of it is reported, the position stays, and it says nothing of the open tasks.
                    root.err.println("tasklens: " + next.source() + ": a poll failed (" + next.poll().failedInARow()
                            + " in a row; the watch ends at " + giveUpAfter + "), its window is listed again at the"
                            + " next one: " + next.poll().failure().get().getMessage());
                    root.err.flush();
                    next.watch().handled(next.poll());
                    continue;
                }
                StringBuilder lines = new StringBuilder();
                for (TaskChange change : next.poll().changes()) {
                    failed[0] |= change.kind() == ChangeKind.FAILED
                            || change.kind() == ChangeKind.NEW && change.task().status() == TaskStatus.FAILED;
                    lines.append(json ? JsonLine.of(change) : line(change)).append('\n');
                }
                out.print(lines);
                out.flush();
                next.watch().handled(next.poll());
                writeState(watches);
                open.put(next.source(), next.poll().openTasks());
                if ("done".equals(until) && open.size() == watches.size()
                        && open.values().stream().allMatch(count -> count == 0)) {
                    return exitStatus && failed[0] ? A_TASK_FAILED : Main.OK;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.OK;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it prints where to continue
            }
            readers.forEach(Thread::interrupt);
        }
    }

    private String whereToContinue(Map<String, TaskWatch> watches) {
        if (state != null) {
            return "continue with --state " + state;
        }
        if (watches.size() == 1) {
            return "continue with --resume " + watches.values().iterator().next().position();
        }
        return "give --state FILE to continue a watch of several sources";
    }

    /** One change as a table line: when, what, which task, from which status to which. */
    private static String line(TaskChange change) {
        String move = change.previous().filter(previous -> previous != change.task().status())
                .map(previous -> previous + " -> " + change.task().status()).orElse(change.task().status().name());
        return String.format(Locale.ROOT, "%s  %-8s  %-15s  %s  %s  %s%s", change.observedAt(), change.kind(),
                change.task().source().value(), TerminalText.safe(change.task().id()), move,
                TerminalText.safe(change.task().type()),
                change.task().message().map(message -> "  " + TerminalText.safe(message)).orElse(""));
    }

    private void checkOptions() {
        if (until != null && !until.equals("done")) {
            throw new InvalidQueryException("--until '" + until + "' is not 'done'");
        }
        if (exitStatus && until == null) {
            throw new InvalidQueryException("--exit-status goes with --until done: a watch that never ends has no"
                    + " exit status");
        }
        if (giveUpAfter < 1 || giveUpAfter > WatchQuery.MAX_GIVE_UP_AFTER) {
            throw new InvalidQueryException("--give-up-after " + giveUpAfter + " is not 1.." + WatchQuery.MAX_GIVE_UP_AFTER
                    + " failed polls in a row (1 ends the watch at the first failure)");
        }
        if (churn != null && (!sources.sandbox || churn < 0 || churn > 10_000)) {
            throw new InvalidQueryException("--churn " + churn + " needs --sandbox and 0..10000 changes a second");
        }
        if (sources.source.equals("all") && resume != null) {
            throw new InvalidQueryException("--resume continues one source's watch; name it with --source, or keep"
                    + " several sources' positions with --state");
        }
        if (resume != null && state != null) {
            throw new InvalidQueryException("give --resume or --state, not both");
        }
        sources.check(root.environment);
    }

    /** Each source's position, one {@code source=position} line each. */
    private Map<String, String> readState() {
        Map<String, String> positions = new TreeMap<>();
        if (state == null || !Files.exists(state)) {
            return positions;
        }
        try {
            for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (equals < 1) {
                    throw new InvalidQueryException("--state " + state + " is not a file tasklens wrote (a line without"
                            + " source=position); give another file, or delete it to start again");
                }
                positions.put(line.substring(0, equals), line.substring(equals + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --state " + state + ": " + e.getMessage(), e);
        }
        return positions;
    }

    /** Written to a file beside it and moved over it, so that a kill at any moment leaves a whole file. */
    private void writeState(Map<String, TaskWatch> watches) {
        if (state == null) {
            return;
        }
        StringBuilder text = new StringBuilder("# tasklens watch positions, written after each poll's changes\n");
        watches.forEach((id, watch) -> text.append(id).append('=').append(watch.position()).append('\n'));
        Path temporary = state.resolveSibling(state.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, state, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --state " + state + ": " + e.getMessage(), e);
        }
    }
}
