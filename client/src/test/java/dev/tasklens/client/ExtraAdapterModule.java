package dev.tasklens.client;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.ports.source.TaskSource;
import java.util.List;

/**
 * Stands for a new provider's adapter jar: a Guice module registered under
 * META-INF/services/com.google.inject.Module (in this module's test resources).
 */
public final class ExtraAdapterModule extends AbstractModule {

    static final SourceId ID = SourceId.of("extra.tasks");

    /** Created by ServiceLoader. */
    public ExtraAdapterModule() {
    }

    @ProvidesIntoSet
    TaskSource extra() {
        return new TaskSource() {
            @Override
            public SourceDescriptor descriptor() {
                return SourceDescriptor.builder(ID, Cursor.of(10, 10, "size")).title("an added provider").build();
            }

            @Override
            public ProviderPage<Task> fetchPage(PageRequest request) {
                return ProviderPage.last(List.of(Task.builder(ID, "x-1").type("demo")
                        .status(TaskStatus.SUCCEEDED, "ok").build()));
            }
        };
    }
}
