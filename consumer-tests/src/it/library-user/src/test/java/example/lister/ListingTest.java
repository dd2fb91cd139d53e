package example.lister;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.emulators.sandbox.Sandbox;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The client, found adapters and all, used from outside the tasklens build. */
class ListingTest {

    @Test
    void theAdapterOnTheClassPathIsFoundWithoutWiring() {
        try (TaskLens lens = TaskLens.create()) {
            Set<String> sources = lens.sources().stream()
                    .map(SourceDescriptor::id).map(SourceId::value).collect(Collectors.toSet());
            assertEquals(Set.of("tencent.mps", "tencent.cls"), sources);
        }
    }

    @Test
    void listsEveryTaskOfAnEmulatedMpsAccountOnceThroughCreate() {
        // The sandbox's demo credentials, which the build put in the environment with the endpoint.
        assertEquals(Sandbox.TENCENT_SECRET_ID, System.getenv("TENCENTCLOUD_SECRET_ID"));
        try (Sandbox sandbox = Sandbox.builder().tasks(250).only(Set.of("tencent.mps")).port(18791).start();
                TaskLens lens = TaskLens.create()) {
            List<String> ids = lens.list(TaskQuery.forSource(SourceId.TENCENT_MPS).pageSize(40).build())
                    .stream().map(Task::id).collect(Collectors.toList());

            assertEquals(250, ids.size());
            assertEquals(250, Set.copyOf(ids).size());
            assertTrue(ids.stream().noneMatch(String::isBlank));
        }
    }
}
