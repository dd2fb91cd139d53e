package dev.tasklens.cli;

import dev.tasklens.client.TaskLens;
import dev.tasklens.tencent.TencentModule;
import dev.tasklens.tencent.TencentSettings;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the TaskLens a command uses: every adapter on the class path, and, where the command
 * line points a provider elsewhere (the sandbox, {@code --endpoint}, {@code --region}), that
 * provider's module with those settings instead of the discovered one.
 */
final class Lenses {

    private Lenses() {
    }

    static TaskLens forSandbox(Sandbox sandbox, Clock clock) {
        return TaskLens.builder().clock(clock).module(new TencentModule(sandbox.tencentSettings())).build();
    }

    static TaskLens forEnvironment(Map<String, String> environment, Optional<String> source, Optional<URI> endpoint,
            Optional<String> region, Clock clock) {
        TencentSettings fromEnvironment = TencentSettings.fromEnvironment(environment);
        boolean mps = source.filter("tencent.mps"::equals).isPresent();
        boolean cls = source.filter("tencent.cls"::equals).isPresent();
        TencentSettings tencent = new TencentSettings(fromEnvironment.credentials(),
                mps ? endpoint : Optional.empty(),
                region.or(fromEnvironment::clsRegion),
                cls ? endpoint : Optional.empty());
        return TaskLens.builder().clock(clock).module(new TencentModule(tencent)).build();
    }
}
