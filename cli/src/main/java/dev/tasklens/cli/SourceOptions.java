package dev.tasklens.cli;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.emulators.sandbox.Sandbox;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * Which sources a command reads and where (the options {@code list}, {@code watch} and {@code
 * summary} share): the source or {@code all}, the sandbox, an endpoint, a region and scope
 * parameters; and what follows from them: the checks made before anything runs, the TaskLens to
 * read with, the sources chosen and each one's scope.
 */
final class SourceOptions {

    @Option(names = "--source", required = true, description = "Source id (see 'tasklens sources'), or 'all'.")
    String source;

    @Option(names = "--sandbox", description = "Read the built-in emulators with demo data (no account needed).")
    boolean sandbox;

    @Option(names = "--endpoint", converter = UriConverter.class,
            description = "Send the source's requests here instead.")
    URI endpoint;

    @Option(names = "--region", description = "The provider region (CLS: ap-guangzhou, ...).")
    String region;

    @Option(names = "--scope", description = "Source-specific parameter key=value, e.g. shipper_id=...")
    Map<String, String> scope = new LinkedHashMap<>();

    /** Options that contradict each other, and endpoints or regions that cannot be right, refused first. */
    void check(Map<String, String> environment) {
        if (source.equals("all") && endpoint != null) {
            throw new InvalidQueryException("--endpoint applies to one source; name it with --source (an endpoint"
                    + " serves one API)");
        }
        if (sandbox && endpoint != null) {
            throw new InvalidQueryException("--sandbox reads the built-in emulators, at their own addresses; give"
                    + " --sandbox or --endpoint, not both");
        }
        if (endpoint != null) {
            EndpointCheck.check(endpoint);
        }
        if (!sandbox) {
            EndpointCheck.checkVariables(environment);
        }
        if (region != null && !region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new InvalidQueryException("--region '" + region + "' is not a region name such as ap-guangzhou,"
                    + " cn-north-4 or bj");
        }
    }

    /** The TaskLens to read with: the sandbox's, or the environment's with the endpoint and region given. */
    TaskLens lens(Optional<Sandbox> demo, Map<String, String> environment, Clock clock,
            Consumer<TaskLens.Builder> tuning) {
        return demo.map(box -> Lenses.forSandbox(box, clock, tuning))
                .orElseGet(() -> Lenses.forEnvironment(environment, Optional.of(source), Optional.ofNullable(endpoint),
                        Optional.ofNullable(region), clock, tuning));
    }

    /**
     * 'all' means every source that can be read: all in the sandbox, else those whose credentials
     * chain finds credentials (environment, profile file, instance role).
     */
    List<SourceDescriptor> chosen(TaskLens lens) {
        List<SourceDescriptor> chosen = source.equals("all") ? lens.sources().stream()
                .filter(descriptor -> sandbox || lens.credentialsOrigin(descriptor.id()).found())
                .toList()
                : List.of(lens.source(SourceId.of(source)).orElseThrow(() -> new InvalidQueryException(
                        "no source '" + source + "'; 'tasklens sources' lists them")));
        if (chosen.isEmpty()) {
            throw new InvalidQueryException("no source found credentials (environment, profile files, instance"
                    + " roles); 'tasklens sources' says where each one looked");
        }
        return chosen;
    }

    /** The scope a source is read with: the --scope parameters it takes, then the sandbox's defaults. */
    Map<String, String> scopeOf(SourceDescriptor descriptor, Optional<Sandbox> demo) {
        Map<String, String> given = new LinkedHashMap<>(scope);
        demo.map(box -> box.scopes().getOrDefault(descriptor.id().value(), Map.of())).orElse(Map.of())
                .forEach(given::putIfAbsent);
        Map<String, String> taken = new LinkedHashMap<>();
        descriptor.scope().stream().filter(key -> given.containsKey(key.name()))
                .forEach(key -> taken.put(key.name(), given.get(key.name())));
        return taken;
    }
}
