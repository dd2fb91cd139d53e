package dev.tasklens.cli;

import dev.tasklens.client.MultiListing;
import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.Page;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.paging.Concurrency;
import dev.tasklens.domain.paging.Pager;
import dev.tasklens.emulators.sandbox.Sandbox;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tasklens list}: lists the tasks of one source, or of every source. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List tasks. Credentials come from the providers' environment variables, never from flags.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    private TasklensCommand root;

    @Mixin
    private SourceOptions sources;

    @Option(names = "--status", split = ",", description = "Statuses: PENDING,RUNNING,SUCCEEDED,FAILED,FINISHED.")
    private List<String> statuses = new ArrayList<>();

    @Option(names = "--since", description = "Tasks created in this last span: 30m, 24h, 2d.")
    private String since;

    @Option(names = "--from", converter = InstantConverter.class,
            description = "Tasks created at or after this instant (ISO 8601, e.g. 2026-11-20T00:00:00Z).")
    private Instant from;

    @Option(names = "--to", converter = InstantConverter.class,
            description = "Tasks created before this instant (ISO 8601).")
    private Instant to;

    @Option(names = "--limit", description = "Stop after this many tasks.")
    private Long limit;

    @Option(names = "--page-size", description = "Tasks per request (within the source's limits).")
    private Integer pageSize;

    @Option(names = "--output", defaultValue = "table", description = "table, json (one object per line) or csv.")
    private String output;

    @Option(names = "--resume", description = "Continue a listing from the token it printed.")
    private String resume;

    @Option(names = "--concurrency", defaultValue = "" + Concurrency.DEFAULT_PAGES,
            description = "Pages fetched at once per source, 1.."
            + Concurrency.MAX_PAGES + " (default ${DEFAULT-VALUE}); 1 lists one page at a time.")
    private int concurrency;

    @Option(names = "--timeout", description = "How long one call to a provider may take, retries and waits"
            + " included (default 50s): a server that stalls fails the listing within it, and throttling is retried"
            + " until it passes.")
    private String timeout;

    @Option(names = "--attempt-timeout", description = "How long one attempt at a call may take, connection, headers"
            + " and body together (default 15s).")
    private String attemptTimeout;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        TaskFormat format = format();
        checkOptions();
        Optional<ResumeToken> resumed = Optional.ofNullable(resume).flatMap(ResumeToken::parse);
        resumed.ifPresent(this::takeFiltersFrom);
        PrintWriter out = root.out;
        Optional<Sandbox> demo = sources.sandbox ? Optional.of(Sandbox.builder().clock(clock).start())
                : Optional.empty();
        Consumer<TaskLens.Builder> tuning = tuning();
        try (TaskLens lens = sources.lens(demo, root.environment, clock, tuning)) {
            List<SourceDescriptor> chosen = sources.chosen(lens);
            checkScope(chosen);
            List<TaskQuery> queries = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (SourceDescriptor descriptor : chosen) {
                try {
                    TaskQuery query = query(descriptor, demo, clock, resumed);
                    // The source's own rules (how far back it keeps tasks), before any source runs.
                    descriptor.check(query, clock.instant());
                    queries.add(query);
                } catch (InvalidQueryException e) {
                    if (chosen.size() == 1) {
                        throw e;
                    }
                    // One source that cannot run does not stop the others.
                    refused.add(descriptor.id().value());
                    root.err.println("tasklens: " + TerminalText.safe(String.valueOf(e.getMessage())));
                }
            }
            if (queries.isEmpty()) {
                throw new InvalidQueryException("no source could be listed: " + String.join(", ", refused));
            }
            format.start(out);
            if (queries.size() == 1 && chosen.size() == 1) {
                listOne(lens, queries.get(0), format, out);
            } else {
                listAll(lens, queries, format, out);
            }
            if (!refused.isEmpty()) {
                root.err.println("tasklens: listed " + queries.size() + " of " + chosen.size() + " sources; not "
                        + String.join(", ", refused));
                return Main.USAGE;
            }
            return Main.OK;
        } finally {
            demo.ifPresent(Sandbox::close);
        }
    }

    private void listOne(TaskLens lens, TaskQuery query, TaskFormat format, PrintWriter out) {
        Pager<Task> pager = lens.list(query);
        List<Task> table = new ArrayList<>();
        long[] listed = {0};
        Progress progress = new Progress(root.err, System.console() != null);
        // Interrupted (Ctrl-C) mid-way: say where to resume (best effort, from the shutdown thread).
        boolean[] finished = {false};
        Thread interrupted = new Thread(() -> {
            if (!finished[0]) {
                pager.resumeToken().ifPresent(token -> root.err.println("\ntasklens: interrupted; continue with"
                        + " --resume " + ResumeToken.of(query, token).value()));
                root.err.flush();
            }
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            // A page at a time: printed in one write and flushed, so that lines appear as their page
            // arrives without a system call per line.
            for (Page<Task> page : pager.pages()) {
                listed[0] += page.items().size();
                progress.tasks(page.items().size(), pager.fetches());
                if (format == TaskFormat.TABLE) {
                    table.addAll(page.items());
                } else {
                    format.print(out, page.items(), false);
                    out.flush();
                }
            }
        } catch (TaskLensException e) {
            if (listed[0] > 0) {
                format.print(out, table, colour());
                out.flush();
                pager.resumeToken().ifPresent(token -> root.err.println("tasklens: stopped after " + listed[0]
                        + " tasks; continue with --resume " + ResumeToken.of(query, token).value()));
            }
            throw e;
        } finally {
            finished[0] = true;
            progress.done();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it prints the token itself
            }
        }
        format.print(out, table, colour());
        if (query.limit().isPresent() && listed[0] >= query.limit().getAsLong()) {
            // Taken in chunks: say where the next chunk starts, as an interruption does.
            out.flush();
            pager.resumeToken().ifPresent(token -> root.err.println("tasklens: stopped after " + listed[0]
                    + " tasks; continue with --resume " + ResumeToken.of(query, token).value()));
        }
    }

    /** Pages at once and the timeouts, read before anything runs so that a bad value is refused first. */
    private Consumer<TaskLens.Builder> tuning() {
        Optional<Duration> call = Optional.ofNullable(timeout).map(text -> Durations.parse(text, "--timeout"));
        Optional<Duration> attempt = Optional.ofNullable(attemptTimeout)
                .map(text -> Durations.parse(text, "--attempt-timeout"));
        return lens -> {
            lens.concurrency(concurrency);
            call.ifPresent(lens::callTimeout);
            attempt.ifPresent(lens::attemptTimeout);
        };
    }

    /** Options that contradict each other, refused before anything runs. */
    private void checkOptions() {
        if (concurrency < 1 || concurrency > Concurrency.MAX_PAGES) {
            throw new InvalidQueryException("--concurrency " + concurrency + " is out of range; use 1.."
                    + Concurrency.MAX_PAGES + " pages at once (" + Concurrency.DEFAULT_PAGES + " by default)");
        }
        if (sources.source.equals("all") && resume != null) {
            throw new InvalidQueryException("--resume continues one source's listing; name it with --source");
        }
        sources.check(root.environment);
    }

    /** A scope name no chosen source takes is a typing mistake: say which names there are. */
    private void checkScope(List<SourceDescriptor> chosen) {
        for (String name : sources.scope.keySet()) {
            boolean known = chosen.stream().anyMatch(descriptor -> descriptor.scope().stream()
                    .anyMatch(key -> key.name().equals(name)));
            if (!known) {
                String names = chosen.stream().flatMap(descriptor -> descriptor.scope().stream()
                        .map(key -> descriptor.id() + ": " + key.name())).collect(java.util.stream.Collectors
                        .joining(", "));
                throw new InvalidQueryException("--scope " + name + " is not a scope of " + sources.source + "; "
                        + (names.isEmpty() ? "it takes none" : "the scopes are " + names));
            }
        }
    }

    /**
     * With {@code --resume}, the query is the token's: its window as it was resolved, its statuses
     * and scope. Flags that say otherwise are refused; {@code --since} is taken as the same window.
     */
    private void takeFiltersFrom(ResumeToken token) {
        if (!token.source().equals(sources.source)) {
            throw new InvalidQueryException("--resume: the token continues a listing of " + token.source()
                    + ", not of " + sources.source);
        }
        Set<TaskStatus> asked = new java.util.TreeSet<>();
        for (String status : statuses) {
            asked.add(status(status));
        }
        if (!asked.isEmpty() && !asked.equals(new java.util.TreeSet<>(token.statuses()))) {
            throw new InvalidQueryException("--resume: the token's listing has --status "
                    + token.statuses() + "; drop --status or give the same");
        }
        if (from != null && !Optional.of(from).equals(token.from()) || to != null && !Optional.of(to).equals(token.to())) {
            throw new InvalidQueryException("--resume: the token's listing has another --from/--to; drop them, the"
                    + " token carries its window");
        }
        for (Map.Entry<String, String> entry : sources.scope.entrySet()) {
            if (!entry.getValue().equals(token.scope().get(entry.getKey()))) {
                throw new InvalidQueryException("--resume: the token's listing has another --scope " + entry.getKey()
                        + "; drop --scope, the token carries it");
            }
        }
    }

    private void listAll(TaskLens lens, List<TaskQuery> queries, TaskFormat format, PrintWriter out) {
        MultiListing listing = lens.listAll(queries);
        if (format == TaskFormat.TABLE) {
            format.print(out, listing.sortedByCreationTime(), colour());
        } else {
            listing.stream().forEach(task -> format.print(out, List.of(task), false));
        }
        listing.failures().forEach((id, error) -> root.err.println("tasklens: " + id + " failed: "
                + TerminalText.safe(String.valueOf(error.getMessage()))));
        if (!listing.failures().isEmpty()) {
            throw listing.failures().values().iterator().next();
        }
    }

    static TaskStatus status(String status) {
        try {
            return TaskStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("status '" + status + "' is not one of PENDING, RUNNING, SUCCEEDED,"
                    + " FAILED, FINISHED");
        }
    }

    private TaskQuery query(SourceDescriptor descriptor, Optional<Sandbox> demo, Clock clock,
            Optional<ResumeToken> resumed) {
        TaskQuery.Builder query = TaskQuery.forSource(descriptor);
        if (resumed.isPresent()) {
            ResumeToken token = resumed.get();
            token.statuses().forEach(query::status);
            token.from().ifPresent(query::createdAfter);
            token.to().ifPresent(query::createdBefore);
            token.scope().forEach(query::scope);
            Optional.ofNullable(limit).ifPresent(query::limit);
            Optional.ofNullable(pageSize).ifPresent(query::pageSize);
            return query.resumeFrom(token.page()).build();
        }
        for (String status : statuses) {
            query.status(status(status));
        }
        if (since != null) {
            if (from != null) {
                throw new InvalidQueryException("give --since or --from, not both");
            }
            Duration span = Durations.parse(since, "--since");
            Instant start;
            try {
                start = clock.instant().minus(span);
            } catch (java.time.DateTimeException | ArithmeticException e) {
                throw new InvalidQueryException("--since " + since + " reaches before any date; give a span such as"
                        + " 2d");
            }
            query.createdAfter(start);
        }
        Optional.ofNullable(from).ifPresent(query::createdAfter);
        Optional.ofNullable(to).ifPresent(query::createdBefore);
        sources.scopeOf(descriptor, demo).forEach(query::scope);
        Optional.ofNullable(limit).ifPresent(query::limit);
        Optional.ofNullable(pageSize).ifPresent(query::pageSize);
        Optional.ofNullable(resume).ifPresent(query::resumeFrom);
        return query.build();
    }

    private TaskFormat format() {
        try {
            return TaskFormat.valueOf(output.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("--output '" + output + "' is not one of table, json, csv");
        }
    }

    private static boolean colour() {
        return System.console() != null;
    }
}
