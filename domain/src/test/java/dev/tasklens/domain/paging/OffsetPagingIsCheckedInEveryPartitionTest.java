package dev.tasklens.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.OffsetLimit;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.Partition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Offset paging can only be checked by what comes back: a provider that reads the offset otherwise
 * than it is sent (Huawei MetaStudio's {@code offset} is a page number, seed 002) returns pages that
 * overlap, and a listing that dropped the repeats in silence would never reach the tail. The check
 * holds in every partition, whatever the partitioning; and a resume at any item works with any page
 * size.
 */
class OffsetPagingIsCheckedInEveryPartitionTest {

    private static final SourceId SOURCE = SourceId.of("test.offsets");
    private static final int ITEMS = 30;

    /** Each partition's 30 items; the offset is read as a page number instead of an item count. */
    private static ProviderPage<String> misreadOffset(PageRequest request) {
        String prefix = request.query().statuses().iterator().next().name();
        long offset = request.position() instanceof PagePosition.Offset at ? at.value() : 0;
        long first = offset / request.pageSize(); // the misreading: an item offset taken as a page number
        List<String> items = new ArrayList<>();
        for (long i = first; i < Math.min(first + request.pageSize(), ITEMS); i++) {
            items.add(prefix + "-" + i);
        }
        return ProviderPage.counted(items, ITEMS);
    }

    private static List<Partition> twoPartitions() {
        return List.of(new Partition(Set.of(TaskStatus.RUNNING), Optional.empty(), Optional.empty()),
                new Partition(Set.of(TaskStatus.FAILED), Optional.empty(), Optional.empty()));
    }

    @Test
    void anOffsetReadOtherwiseStopsAPartitionedListing() {
        for (Concurrency concurrency : List.of(Concurrency.sequential(), Concurrency.of(8))) {
            Pager<String> pager = Pager.builder(OffsetLimit.of(5, 100, "limit"),
                    TaskQuery.forSource(SOURCE).pageSize(5).build(), OffsetPagingIsCheckedInEveryPartitionTest::misreadOffset)
                    .identity(item -> item).partitions(twoPartitions()).concurrency(concurrency).build();

            assertThatThrownBy(() -> pager.stream().toList())
                    .as("concurrency %s", concurrency)
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("a second time in one part of the listing")
                    .hasMessageContaining("offset rule");
        }
    }

    @Test
    void theSameItemInTwoPartitionsIsNotAnOffsetError() {
        // Both partitions list "shared" (a task that changed status between the two scans): it comes once.
        PageFetcher<String> provider = request -> {
            String prefix = request.query().statuses().iterator().next().name();
            return ProviderPage.counted(List.of(prefix + "-1", "shared"), 2);
        };
        Pager<String> pager = Pager.builder(OffsetLimit.of(5, 100, "limit"), TaskQuery.forSource(SOURCE).build(),
                provider).identity(item -> item).partitions(twoPartitions()).build();

        assertThat(pager.stream().toList()).containsExactly("RUNNING-1", "shared", "FAILED-1");
    }

    @Test
    void aResumeAtAnyItemWorksWithAnotherPageSize() {
        List<Long> offsetsAsked = new ArrayList<>();
        // A strict provider: the offset must be the start of a page of the size asked (page numbers).
        PageFetcher<String> provider = request -> {
            long offset = request.position() instanceof PagePosition.Offset at ? at.value() : 0;
            offsetsAsked.add(offset);
            assertThat(offset % request.pageSize()).as("offset %s at pages of %s", offset, request.pageSize())
                    .isZero();
            List<String> items = new ArrayList<>();
            for (long i = offset; i < Math.min(offset + request.pageSize(), ITEMS); i++) {
                items.add("t" + i);
            }
            return ProviderPage.counted(items, ITEMS);
        };
        Pager<String> head = Pager.builder(OffsetLimit.of(5, 100, "limit"),
                TaskQuery.forSource(SOURCE).pageSize(5).limit(10).build(), provider).identity(item -> item).build();
        List<String> first = head.stream().toList();

        offsetsAsked.clear();
        List<String> rest = Pager.builder(OffsetLimit.of(5, 100, "limit"), TaskQuery.forSource(SOURCE).pageSize(4)
                .resumeFrom(head.resumeToken().orElseThrow()).build(), provider).identity(item -> item).build()
                .stream().toList();

        assertThat(first).hasSize(10);
        // Item 10 at pages of 4 is page 2 (items 8..11), its first two skipped.
        assertThat(offsetsAsked.get(0)).isEqualTo(8L);
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        assertThat(all).doesNotHaveDuplicates().hasSize(ITEMS);
    }
}
