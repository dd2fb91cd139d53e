package dev.tasklens.ports.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.QueryFilter;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.ports.source.TaskSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceListingTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final SourceId KOODRIVE = SourceId.HUAWEI_KOODRIVE;

    /** A source that pushes the status filter down but not the time filter, and records its requests. */
    private static final class RecordingSource implements TaskSource {
        final List<PageRequest> requests = new ArrayList<>();

        @Override
        public SourceDescriptor descriptor() {
            return SourceDescriptor.builder(KOODRIVE, Cursor.of(100, 100, "pageSize"))
                    .lookback(Duration.ofDays(7)).pushesDown(QueryFilter.STATUS).build();
        }

        @Override
        public ProviderPage<Task> fetchPage(PageRequest request) {
            requests.add(request);
            return ProviderPage.last(List.of(
                    task("old", TaskStatus.SUCCEEDED, NOW.minus(Duration.ofDays(2))),
                    task("new", TaskStatus.RUNNING, NOW.minusSeconds(60))));
        }
    }

    private static Task task(String id, TaskStatus status, Instant created) {
        return Task.builder(KOODRIVE, id).type("0").status(status, status.name()).createdAt(created).build();
    }

    @Test
    void aQueryBreakingTheLookbackFailsBeforeAnyRequest() {
        RecordingSource source = new RecordingSource();
        SourceListing listing = SourceListing.of(source, Clock.fixed(NOW, ZoneOffset.UTC));
        TaskQuery query = TaskQuery.forSource(KOODRIVE).createdAfter(NOW.minus(Duration.ofDays(30))).build();

        assertThatThrownBy(() -> listing.list(query)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("reaches further back than this source keeps tasks");
        assertThat(source.requests).isEmpty();
    }

    @Test
    void filtersNotPushedDownAreAppliedLocallyAndPushedOnesAreLeftToTheProvider() {
        RecordingSource source = new RecordingSource();
        SourceListing listing = SourceListing.of(source, Clock.fixed(NOW, ZoneOffset.UTC));
        TaskQuery query = TaskQuery.forSource(KOODRIVE).status(TaskStatus.SUCCEEDED)
                .createdAfter(NOW.minus(Duration.ofDays(1))).build();

        List<String> ids = listing.list(query).stream().map(Task::id).toList();

        // The time filter ran here ("old" is out); the status filter was the provider's job, so the
        // RUNNING task that this fake provider returned anyway is kept.
        assertThat(ids).containsExactly("new");
        assertThat(source.requests).singleElement()
                .satisfies(request -> assertThat(request.pageSize()).isEqualTo(100));
    }
}
