package dev.tasklens.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.ThrottledException;
import dev.tasklens.domain.paging.Pager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A listing of several sources: typed failures stop one source, bugs stop all, close releases everyone. */
class MultiListingTest {

    private static final TaskQuery MPS = TaskQuery.forSource(SourceId.TENCENT_MPS).build();
    private static final TaskQuery CLS = TaskQuery.forSource(SourceId.TENCENT_CLS).scope("shipper_id", "s").build();

    private static Pager<Task> oneTask(String id) {
        return Pager.<Task>builder(Cursor.of(10, 100, "pageSize"), MPS, request -> ProviderPage.last(List.of(
                Task.builder(SourceId.TENCENT_MPS, id).type("x").status(TaskStatus.RUNNING, "PROCESSING").build())))
                .build();
    }

    private static Pager<Task> failing(RuntimeException error) {
        return Pager.<Task>builder(Cursor.of(10, 100, "pageSize"), CLS, request -> {
            throw error;
        }).build();
    }

    @Test
    void aTypedFailureStopsItsSourceAloneAndIsReported() {
        try (MultiListing listing = new MultiListing(List.of(SourceId.TENCENT_MPS, SourceId.TENCENT_CLS),
                List.of(oneTask("t1"), failing(new ThrottledException(SourceId.TENCENT_CLS, "RequestLimitExceeded",
                        "slow down", Optional.empty(), Optional.empty()))))) {
            assertThat(listing.stream().map(Task::id).toList()).containsExactly("t1");
            assertThat(listing.failures()).containsOnlyKeys(SourceId.TENCENT_CLS);
            assertThat(listing.failures().get(SourceId.TENCENT_CLS)).isInstanceOf(ThrottledException.class);
        }
    }

    @Test
    void aBugInASourceEndsTheListingAsItselfNotAsAProviderFailure() {
        try (MultiListing listing = new MultiListing(List.of(SourceId.TENCENT_MPS, SourceId.TENCENT_CLS),
                List.of(oneTask("t1"), failing(new IllegalStateException("a bug in an adapter"))))) {
            assertThatThrownBy(() -> listing.stream().toList())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("a bug in an adapter");
            assertThat(listing.failures()).isEmpty();
        }
    }

    @Test
    void closingReleasesAConsumerWaitingOnAnotherThreadAndRecordsNoFailure() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Pager<Task> stuck = Pager.<Task>builder(Cursor.of(10, 100, "pageSize"), MPS, request -> {
            fetching.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ProviderPage.last(List.of());
        }).build();
        MultiListing listing = new MultiListing(List.of(SourceId.TENCENT_MPS), List.of(stuck));
        CompletableFuture<List<Task>> consumer = CompletableFuture.supplyAsync(() -> listing.stream().toList());
        assertThat(fetching.await(30, TimeUnit.SECONDS)).as("the fetch started").isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .contains("tasklens-list-" + SourceId.TENCENT_MPS);

        listing.close();

        assertThat(consumer.get(30, TimeUnit.SECONDS)).as("the consumer is released").isEmpty();
        release.countDown();
        assertThat(listing.failures()).isEmpty();
    }

    @Test
    void aClosedListingIsEmptyAtOnce() {
        MultiListing listing = new MultiListing(List.of(SourceId.TENCENT_MPS), List.of(oneTask("t1")));
        listing.close();

        assertThat(listing.stream().toList()).isEmpty();
    }
}
