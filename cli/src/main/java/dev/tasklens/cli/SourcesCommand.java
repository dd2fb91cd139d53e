package dev.tasklens.cli;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.QueryFilter;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.ports.credentials.CredentialsFileException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tasklens sources}: every source an adapter on the class path provides, and its rules. */
@Command(name = "sources", mixinStandardHelpOptions = true, description = "List the sources and their rules.")
final class SourcesCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    private TasklensCommand root;

    @Override
    public Integer call() {
        PrintWriter out = root.out;
        int code = 0;
        try (TaskLens lens = TaskLens.builder().environment(root.environment).build()) {
            for (SourceDescriptor source : lens.sources()) {
                Set<QueryFilter> local = EnumSet.allOf(QueryFilter.class);
                local.removeAll(source.pushedDown());
                out.println(source.id() + " — " + source.title());
                out.println("  paging:       " + source.paging().describe());
                out.println("  pushed down:  " + names(source.pushedDown()));
                out.println("  applied here: " + names(local));
                out.println("  kept for:     " + source.lookback().map(SourcesCommand::days).orElse("not limited"));
                out.println("  scope:        " + (source.scope().isEmpty() ? "none" : source.scope().stream()
                        .map(key -> key.name() + (key.required() ? " (required)" : "") + ": " + key.description())
                        .collect(Collectors.joining("; "))));
                out.println("  environment:  " + String.join(", ",
                        ProviderEnvironment.of(source.id().value()).isEmpty() ? List.of("(see the adapter's documentation)")
                                : ProviderEnvironment.of(source.id().value())));
                // Where the keys come from, never what they are; a broken profile file is named and
                // makes the exit code 2, the other sources still print.
                String origin;
                try {
                    origin = lens.credentialsOrigin(source.id()).description();
                } catch (CredentialsFileException e) {
                    origin = "error: " + e.getMessage();
                    code = Main.USAGE;
                } catch (TaskLensException e) {
                    origin = "error: " + e.getMessage();
                    code = Math.max(code, Main.exitCode(e));
                }
                out.println("  credentials:  " + TerminalText.safe(origin));
            }
        }
        return code;
    }

    private static String names(Set<QueryFilter> filters) {
        return filters.isEmpty() ? "none" : filters.stream().map(filter -> filter.name().toLowerCase())
                .collect(Collectors.joining(", "));
    }

    private static String days(Duration duration) {
        return duration.toHours() % 24 == 0 ? duration.toDays() + " days" : duration.toHours() + " hours";
    }
}
