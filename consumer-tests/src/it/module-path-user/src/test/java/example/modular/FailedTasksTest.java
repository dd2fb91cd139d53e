package example.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.emulators.sandbox.Sandbox;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Runs on the module path: ServiceLoader, Guice and JSON-B work through the module descriptors. */
class FailedTasksTest {

    @Test
    void runsAsANamedModule() {
        assertTrue(FailedTasks.class.getModule().isNamed());
        assertTrue(TaskLensModule.isNamed());
    }

    @Test
    void theAdaptersAreFoundThroughTheirServiceDeclarations() {
        assertEquals(List.of("tencent.cls", "tencent.mps"), FailedTasks.sourceIds());
    }

    @Test
    void listsEveryTaskOfAnEmulatedMpsAccountOnce() {
        try (Sandbox sandbox = Sandbox.builder().tasks(120).only(Set.of("tencent.mps")).start()) {
            List<Task> tasks = FailedTasks.all(SourceId.TENCENT_MPS, sandbox.environment(),
                    sandbox.endpoints().get("tencent.mps"), sandbox.scopes().getOrDefault("tencent.mps", Map.of()));
            Set<String> ids = tasks.stream().map(Task::id).collect(Collectors.toSet());
            assertEquals(120, tasks.size());
            assertEquals(120, ids.size());
        }
    }

    private static final class TaskLensModule {
        static boolean isNamed() {
            return dev.tasklens.client.TaskLens.class.getModule().isNamed();
        }
    }
}
