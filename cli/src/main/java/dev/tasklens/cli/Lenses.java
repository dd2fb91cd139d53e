package dev.tasklens.cli;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.SourceId;
import dev.tasklens.emulators.sandbox.Sandbox;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Builds the TaskLens a command uses: every adapter on the class path, told the environment to
 * read credentials from, where to send a source's requests, and the command's tuning (pages at
 * once, timeouts). Nothing here names a provider's
 * module, so a new adapter jar joins without a change.
 */
final class Lenses {

    private Lenses() {
    }

    static TaskLens forSandbox(Sandbox sandbox, Clock clock, Consumer<TaskLens.Builder> tuning) {
        // Its ports change from run to run; a token it printed must resume the next run's listing.
        TaskLens.Builder lens = TaskLens.builder().clock(clock).environment(sandbox.environment())
                .tokensBoundTo("the tasklens sandbox");
        tuning.accept(lens);
        sandbox.endpoints().forEach((source, uri) -> lens.endpoint(SourceId.of(source), uri));
        return lens.build();
    }

    static TaskLens forEnvironment(Map<String, String> environment, Optional<String> source, Optional<URI> endpoint,
            Optional<String> region, Clock clock, Consumer<TaskLens.Builder> tuning) {
        Map<String, String> variables = new HashMap<>(environment);
        // --region fills the provider's region variable (TENCENTCLOUD_REGION, ...).
        region.ifPresent(name -> source.filter(id -> !id.equals("all")).map(id -> SourceId.of(id).provider())
                .map(ProviderEnvironment.REGION::get)
                .ifPresent(variable -> variables.put(variable, name)));
        TaskLens.Builder lens = TaskLens.builder().clock(clock).environment(variables);
        tuning.accept(lens);
        endpoint.ifPresent(uri -> source.filter(id -> !id.equals("all"))
                .ifPresent(id -> lens.endpoint(SourceId.of(id), uri)));
        return lens.build();
    }
}
