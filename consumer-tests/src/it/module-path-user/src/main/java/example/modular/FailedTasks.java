package example.modular;

import dev.tasklens.client.TaskLens;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Lists a source's tasks from inside a named module. */
public final class FailedTasks {

    private FailedTasks() {
    }

    public static List<String> sourceIds() {
        try (TaskLens lens = TaskLens.create()) {
            return lens.sources().stream().map(SourceDescriptor::id).map(SourceId::value).sorted()
                    .collect(Collectors.toList());
        }
    }

    public static List<Task> all(SourceId source, Map<String, String> environment, java.net.URI endpoint,
            Map<String, String> scope) {
        try (TaskLens lens = TaskLens.builder().environment(environment).endpoint(source, endpoint).build()) {
            TaskQuery.Builder query = TaskQuery.forSource(source).pageSize(40);
            scope.forEach(query::scope);
            return lens.list(query.build()).stream().collect(Collectors.toList());
        }
    }
}
