package dev.tasklens.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.Partition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A provider that hands out a fresh page token with every reply but nothing new on the page (the
 * same old tasks, or tasks the partition does not keep) makes no progress, and is stopped after
 * {@link Pager#DEFAULT_MAX_PAGES_WITHOUT_PROGRESS} such pages, not followed for ever.
 */
// A regression loops for ever: fail it from another thread rather than hang the build.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PagesWithoutNewItemsStopTheListingTest {

    private static final SourceId SOURCE = SourceId.of("test.source");
    private static final TaskQuery QUERY = TaskQuery.forSource(SOURCE).build();
    private static final int BOUND = Pager.DEFAULT_MAX_PAGES_WITHOUT_PROGRESS + 1;

    /** Answers every request with the same items and a token never sent before. */
    private static final class FreshTokens implements PageFetcher<String> {
        final AtomicInteger fetches = new AtomicInteger();
        private final List<String> items;

        FreshTokens(List<String> items) {
            this.items = items;
        }

        @Override
        public ProviderPage<String> fetch(dev.tasklens.domain.PageRequest request) {
            return ProviderPage.withNext(items, "fresh-" + fetches.incrementAndGet());
        }
    }

    @Test
    void theSameTaskUnderAFreshScrollTokenEachTimeStops() {
        FreshTokens provider = new FreshTokens(List.of("same-task"));
        Pager<String> pager = Pager.builder(Cursor.of(10, 100, "Limit"), QUERY, provider)
                .identity(item -> item).build();

        List<String> seen = new java.util.ArrayList<>();
        assertThatThrownBy(() -> pager.stream().forEach(seen::add))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining(BOUND + " pages in a row that brought no new task");
        assertThat(seen).containsExactly("same-task");
        // The first page brought the task; the next 101 brought nothing new.
        assertThat(provider.fetches.get()).isEqualTo(1 + BOUND);
    }

    @Test
    void theSameFiveTasksUnderNewCursorsStopAtEveryConcurrency() {
        for (Concurrency concurrency : List.of(Concurrency.sequential(), Concurrency.of(1), Concurrency.of(8))) {
            FreshTokens provider = new FreshTokens(List.of("t1", "t2", "t3", "t4", "t5"));
            Pager<String> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, provider)
                    .identity(item -> item).concurrency(concurrency).build();

            assertThatThrownBy(() -> pager.stream().count())
                    .as("concurrency %s", concurrency)
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("no new task");
            // Fetched: the pages read, plus at most the pages out ahead of the consumer.
            assertThat(provider.fetches.get()).as("concurrency %s", concurrency)
                    .isBetween(1 + BOUND, 1 + BOUND + concurrency.pages());
        }
    }

    @Test
    void pagesWhoseTasksAllFallOutsideThePartitionStopAlsoUnderALimit() {
        for (TaskQuery query : List.of(QUERY, TaskQuery.forSource(SOURCE).limit(50).build())) {
            FreshTokens provider = new FreshTokens(List.of("outside-1", "outside-2"));
            Pager<String> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), query, provider)
                    .filterPerPartition(part -> item -> !item.startsWith("outside"))
                    .identity(item -> item).concurrency(Concurrency.of(4)).build();

            assertThatThrownBy(() -> pager.stream().count())
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("no new task");
            assertThat(provider.fetches.get()).isLessThanOrEqualTo(BOUND + 4);
        }
    }

    @Test
    void aPageWithOneNewTaskResetsTheCount() {
        // 500 pages: every fifth brings a new task among old ones; never 101 without one in a row.
        AtomicInteger page = new AtomicInteger();
        Pager<String> pager = Pager.<String>builder(Cursor.of(10, 100, "pageSize"), QUERY, request -> {
            int n = page.getAndIncrement();
            List<String> items = n % 5 == 0 ? List.of("old", "new-" + n) : List.of("old");
            return n == 499 ? ProviderPage.last(items) : ProviderPage.withNext(items, "c" + n);
        }).identity(item -> item).build();

        assertThat(pager.stream().toList()).hasSize(101); // "old" once, and 100 new ones
    }

    @Test
    void manyPagesOfTasksALocalFilterDropsAreProgressNotALoop() {
        // A status the provider cannot filter on: 300 pages of distinct tasks the query does not want,
        // then the one it wants. The provider moves on with every page, so the listing follows it.
        int pages = Pager.DEFAULT_MAX_PAGES_WITHOUT_PROGRESS * 3;
        for (Concurrency concurrency : List.of(Concurrency.sequential(), Concurrency.of(4))) {
            Pager<String> pager = Pager.<String>builder(Cursor.of(10, 100, "Limit"), QUERY, request -> {
                int n = request.position() instanceof PagePosition.Token t ? Integer.parseInt(t.value()) : 0;
                return n + 1 == pages ? ProviderPage.last(List.of("wanted-" + n))
                        : ProviderPage.withNext(List.of("unwanted-" + n, "unwanted-" + n + "b"), Integer.toString(n + 1));
            }).filter(item -> item.startsWith("wanted")).identity(item -> item).concurrency(concurrency).build();

            assertThat(pager.stream().toList()).as("concurrency %s", concurrency).containsExactly("wanted-" + (pages - 1));
        }
    }

    @Test
    void theSameUnwantedTasksUnderFreshTokensStillStop() {
        // Tasks the filter drops, met again and again: the provider is not moving on.
        FreshTokens provider = new FreshTokens(List.of("unwanted-1", "unwanted-2"));
        Pager<String> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, provider)
                .filter(item -> item.startsWith("wanted")).identity(item -> item).build();

        assertThatThrownBy(() -> pager.stream().count()).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining(BOUND + " pages in a row that brought no new task");
        // The first page met the two tasks; the next 101 met nothing new.
        assertThat(provider.fetches.get()).isEqualTo(1 + BOUND);
    }

    @Test
    void aLongListingWithDistinctTokensIsNeverMistakenForALoop() {
        // More pages than a partition remembers tokens of: the bounded memory forgets old tokens
        // without raising a false alarm, and each page's new task keeps the progress guard quiet.
        int pages = ReplyGuard.TOKENS_REMEMBERED * 3;
        Pager<String> pager = Pager.<String>builder(Cursor.of(10, 100, "Limit"), QUERY, request -> {
            int n = request.position() instanceof PagePosition.Token t ? Integer.parseInt(t.value()) : 0;
            return n + 1 == pages ? ProviderPage.last(List.of("task-" + n))
                    : ProviderPage.withNext(List.of("task-" + n), Integer.toString(n + 1));
        }).identity(item -> item).build();

        assertThat(pager.stream().count()).isEqualTo(pages);
    }

    @Test
    void aPartitionRemembersABoundedNumberOfTokens() {
        RecentSet<Long> tokens = new RecentSet<>(ReplyGuard.TOKENS_REMEMBERED);
        IntStream.range(0, 50_000).forEach(i -> tokens.add((long) i));

        assertThat(tokens.size()).isLessThanOrEqualTo(ReplyGuard.TOKENS_REMEMBERED);
        assertThat(tokens.contains(49_999L)).isTrue();
        assertThat(tokens.contains(0L)).isFalse();
    }

    @Test
    void distinctIdsWithTheSameHashAreBothDelivered() {
        // "Aa" and "BB" share String.hashCode; identities are compared exactly, never by a hash alone.
        Pager<String> pager = Pager.<String>builder(Cursor.of(10, 100, "pageSize"), QUERY,
                request -> ProviderPage.last(List.of("Aa", "BB", "Aa"))).identity(item -> item).build();

        assertThat(pager.stream().toList()).containsExactly("Aa", "BB");
    }

    @Test
    void slicesThatListOnlyOldTasksStopToo() {
        // Two partitions; each answers with the other's first task under fresh tokens.
        List<Partition> plan = List.of(new Partition(java.util.Set.of(dev.tasklens.domain.TaskStatus.RUNNING),
                java.util.Optional.empty(), java.util.Optional.empty()),
                new Partition(java.util.Set.of(dev.tasklens.domain.TaskStatus.FAILED), java.util.Optional.empty(),
                        java.util.Optional.empty()));
        AtomicInteger fetches = new AtomicInteger();
        Pager<String> pager = Pager.<String>builder(Cursor.of(10, 100, "pageSize"), QUERY,
                request -> ProviderPage.withNext(List.of("shared"), "f" + fetches.incrementAndGet()))
                .identity(item -> item).partitions(plan).concurrency(Concurrency.of(8)).build();

        assertThatThrownBy(() -> pager.stream().count()).hasMessageContaining("no new task");
        assertThat(fetches.get()).isLessThanOrEqualTo(1 + BOUND + 8);
    }
}
