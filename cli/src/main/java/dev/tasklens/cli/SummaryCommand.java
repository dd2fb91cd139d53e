package dev.tasklens.cli;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.emulators.sandbox.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tasklens summary}: the picture at a glance, one row per source and one column per status
 * (failures first), failures per hour, the most recent failures and the oldest open task. A source
 * that fails shows as a row with its error while the others print; the exit code is then the one
 * {@code list} gives for that failure.
 */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Tasks per source and status, failures per hour, recent failures and the oldest open task.")
final class SummaryCommand implements Callable<Integer> {

    @ParentCommand
    private TasklensCommand root;

    @Mixin
    private SourceOptions sources;

    @Option(names = "--since", defaultValue = "24h", description = "Tasks created in this last span (default"
            + " ${DEFAULT-VALUE}).")
    private String since;

    @Option(names = "--output", defaultValue = "table", description = "table or json.")
    private String output;

    @Option(names = "--watch", arity = "0..1", fallbackValue = "30s", description = "Summarize again at this"
            + " interval (30s when no value is given), redrawn in place on a terminal, until Ctrl-C.")
    private String watch;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        boolean json = TaskFormat.tableOrJson(output) == TaskFormat.JSON;
        Duration span = Durations.parse(since, "--since");
        sources.check(root.environment);
        Instant to = clock.instant();
        Instant from;
        try {
            from = to.minus(span);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new InvalidQueryException("--since " + since + " reaches before any date; give a span such as 24h");
        }
        Optional<Sandbox> demo = sources.sandbox ? Optional.of(Sandbox.builder().clock(clock).start())
                : Optional.empty();
        try (TaskLens lens = sources.lens(demo, root.environment, clock, builder -> { })) {
            List<SourceDescriptor> chosen = sources.chosen(lens);
            Optional<Duration> every = Optional.ofNullable(watch).map(text -> Durations.parse(text, "--watch"));
            if (every.isPresent() && every.get().compareTo(Duration.ofSeconds(1)) < 0) {
                throw new InvalidQueryException("--watch " + watch + " is under the 1s minimum; each round lists"
                        + " the whole span");
            }
            boolean terminal = System.console() != null;
            while (true) {
                int code = once(lens, chosen, demo, json, terminal && every.isPresent(), from, to);
                if (every.isEmpty()) {
                    return code;
                }
                try {
                    Thread.sleep(every.get().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return code;
                }
                to = clock.instant();
                from = to.minus(span);
            }
        } finally {
            demo.ifPresent(Sandbox::close);
        }
    }

    /** One summary, printed; on a terminal with --watch the screen is cleared first, so it redraws in place. */
    private int once(TaskLens lens, List<SourceDescriptor> chosen, Optional<Sandbox> demo, boolean json,
            boolean redraw, Instant from, Instant to) {
        TaskSummary summary = new TaskSummary(from, to);
        Optional<RuntimeException> firstFailure = Optional.empty();
        for (SourceDescriptor descriptor : chosen) {
            summary.source(descriptor.id());
            try {
                TaskQuery.Builder query = TaskQuery.forSource(descriptor);
                Instant oldest = descriptor.lookback().map(kept -> to.minus(kept).plus(Duration.ofMinutes(1)))
                        .filter(from::isBefore).orElse(from);
                query.createdBetween(oldest, to.plusMillis(1));
                sources.scopeOf(descriptor, demo).forEach(query::scope);
                // One streaming pass: each task is counted and let go.
                lens.list(query.build()).stream().forEach(summary::add);
            } catch (TaskLensException e) {
                if (chosen.size() == 1) {
                    throw e;
                }
                summary.failed(descriptor.id(), String.valueOf(e.getMessage()));
                firstFailure = firstFailure.or(() -> Optional.of(e));
            }
        }
        if (redraw) {
            root.out.print("\u001B[H\u001B[2J");
        }
        if (json) {
            summary.printJson(root.out);
        } else {
            summary.printTable(root.out);
        }
        root.out.flush();
        return firstFailure.map(Main::exitCode).orElse(Main.OK);
    }
}
