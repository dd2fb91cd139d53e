package dev.tasklens.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Filters a source does not push down are applied locally, and only those. */
class LocalFilterTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    private static Task task(TaskStatus status, Instant createdAt) {
        Task.Builder builder = Task.builder(SourceId.TENCENT_CLS, "t-" + status + createdAt).type("shipping")
                .status(status, status.name().toLowerCase());
        if (createdAt != null) {
            builder.createdAt(createdAt);
        }
        return builder.build();
    }

    private static final TaskQuery QUERY = TaskQuery.forSource(SourceId.TENCENT_CLS)
            .status(TaskStatus.FAILED)
            .createdBetween(T0, T0.plusSeconds(3600))
            .build();

    @Test
    void aSourceThatPushesNothingDownFiltersBothLocally() {
        SourceDescriptor none = SourceDescriptor.builder(SourceId.TENCENT_CLS, SingleWindow.create()).build();

        var filter = none.localFilter(QUERY);

        assertThat(filter.test(task(TaskStatus.FAILED, T0))).isTrue();
        assertThat(filter.test(task(TaskStatus.RUNNING, T0))).isFalse();
        assertThat(filter.test(task(TaskStatus.FAILED, T0.plusSeconds(3600)))).as("upper bound is exclusive")
                .isFalse();
        assertThat(filter.test(task(TaskStatus.FAILED, null))).as("no creation time cannot be shown inside")
                .isFalse();
    }

    @Test
    void aPushedDownFilterIsNotAppliedAgain() {
        SourceDescriptor statusPushed = SourceDescriptor.builder(SourceId.TENCENT_CLS, SingleWindow.create())
                .pushesDown(QueryFilter.STATUS).build();

        var filter = statusPushed.localFilter(QUERY);

        assertThat(filter.test(task(TaskStatus.RUNNING, T0))).isTrue();
        assertThat(filter.test(task(TaskStatus.RUNNING, T0.minusSeconds(1)))).isFalse();
    }
}
