package dev.tasklens.cli;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.QueryFilter;
import dev.tasklens.domain.SourceDescriptor;
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
final class SourcesCommand implements Runnable {

    @ParentCommand
    private TasklensCommand root;

    @Override
    public void run() {
        PrintWriter out = root.out;
        try (TaskLens lens = TaskLens.create()) {
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
            }
        }
    }

    private static String names(Set<QueryFilter> filters) {
        return filters.isEmpty() ? "none" : filters.stream().map(filter -> filter.name().toLowerCase())
                .collect(Collectors.joining(", "));
    }

    private static String days(Duration duration) {
        return duration.toHours() % 24 == 0 ? duration.toDays() + " days" : duration.toHours() + " hours";
    }
}
