package dev.tasklens.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.Page;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What protects the consumer from a misbehaving provider or a misused pager. */
class PagerSafetyTest {

    private static final SourceId SOURCE = SourceId.of("test.source");
    private static final TaskQuery QUERY = TaskQuery.forSource(SOURCE).build();

    @Test
    void aTokenHandedBackAtOnceStopsTheListingAfterDeliveringItsPage() {
        List<String> seen = new ArrayList<>();
        Pager<String> pager = Pager.builder(Cursor.of(10, 100, "Limit"), QUERY, request -> ProviderPage.withNext(List.of("x"), "same")).build();

        assertThatThrownBy(() -> pager.stream().forEach(seen::add))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("test.source")
                .hasMessageContaining("'same' a second time")
                .hasMessageContaining("cannot loop forever");
        assertThat(seen).containsExactly("x");
        assertThat(pager.fetches()).isEqualTo(2);
    }

    @Test
    void aTokenCycleOfTwoIsCaughtToo() {
        Pager<String> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, request -> {
            String next = request.position() instanceof PagePosition.Token t && t.value().equals("a") ? "b" : "a";
            return ProviderPage.withNext(List.of(next), next);
        }).build();

        assertThatThrownBy(() -> pager.stream().toList()).isInstanceOf(MalformedResponseException.class);
        assertThat(pager.fetches()).isEqualTo(3);
    }

    @Test
    void aProviderReturningTheResumedTokenAgainIsCaught() {
        TaskQuery first = TaskQuery.forSource(SOURCE).limit(1).build();
        Pager<String> head = Pager.builder(Cursor.of(10, 100, "Limit"), first, request -> ProviderPage.withNext(List.of("x"), "t1")).build();
        head.stream().toList();
        TaskQuery resumed = TaskQuery.forSource(SOURCE).resumeFrom(head.resumeToken().orElseThrow()).build();

        Pager<String> tail = Pager.builder(Cursor.of(10, 100, "Limit"), resumed, request -> ProviderPage.withNext(List.of("y"), "t1")).build();

        assertThatThrownBy(() -> tail.stream().toList()).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void theLocalFilterRunsBeforeTheLimit() {
        TaskQuery query = TaskQuery.forSource(SOURCE).limit(3).build();
        List<Integer> pageOfTen = IntStream.range(0, 10).boxed().toList();
        Pager<Integer> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), query, request -> request.position() instanceof PagePosition.Start
                        ? ProviderPage.withNext(pageOfTen, "2")
                        : ProviderPage.last(IntStream.range(10, 20).boxed().toList())).filter(item -> item % 4 == 0).build();

        assertThat(pager.stream().toList()).containsExactly(0, 4, 8);
        assertThat(pager.fetches()).isEqualTo(1);
    }

    @Test
    void pagesHonourTheLimitAndPointTheTokenAtTheFirstItemNotDelivered() {
        TaskQuery query = TaskQuery.forSource(SOURCE).limit(3).build();
        Pager<Integer> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), query, request -> ProviderPage.withNext(List.of(1, 2, 3, 4, 5), "next")).build();

        List<Page<Integer>> pages = new ArrayList<>();
        pager.pages().forEach(pages::add);

        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).items()).containsExactly(1, 2, 3);
        assertThat(pages.get(0).next()).hasValueSatisfying(token -> {
            assertThat(token.position()).isEqualTo(PagePosition.start());
            assertThat(token.skip()).isEqualTo(3);
        });
    }

    @Test
    void eachPageCarriesTheProvidersTotalCountWhenSent() {
        Pager<Integer> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, request -> request.position() instanceof PagePosition.Start
                        ? ProviderPage.withNext(List.of(1, 2), "2").withTotalCount(3)
                        : ProviderPage.last(List.of(3))).build();

        List<Page<Integer>> pages = new ArrayList<>();
        pager.pages().forEach(pages::add);

        assertThat(pages.get(0).totalCount()).hasValue(3);
        assertThat(pages.get(1).totalCount()).isEmpty();
    }

    @Test
    void aPagerIsUsedOnce() {
        Pager<String> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, request -> ProviderPage.last(List.of("x"))).build();
        pager.stream().toList();

        assertThatThrownBy(pager::stream).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already consumed");
        assertThatThrownBy(pager::pages).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theResumeTokenIsEmptyOnlyAtTheEnd() {
        Pager<String> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, request -> ProviderPage.last(List.of("x", "y"))).build();
        var stream = pager.stream().iterator();
        stream.next();

        assertThat(pager.resumeToken()).isPresent();
        stream.next();
        assertThat(stream.hasNext()).isFalse();
        assertThat(pager.resumeToken()).isEmpty();
    }

    @Test
    void aPageSizeAboveTheModelsMaximumIsRefusedBeforeAnyFetch() {
        TaskQuery query = TaskQuery.forSource(SourceId.TENCENT_MPS).pageSize(500).build();

        assertThatThrownBy(() -> Pager.builder(Cursor.of(10, 100, "DescribeTasks Limit"), query, request -> {
                    throw new AssertionError("no fetch expected");
                }).build())
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("tencent.mps: page size 500 is above the maximum 100 of tencent.mps"
                        + " (DescribeTasks Limit); use 1..100");
    }

    @Test
    void nothingIsFetchedUntilTheStreamIsConsumed() {
        int[] fetches = {0};
        Pager<String> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, request -> {
            fetches[0]++;
            return ProviderPage.last(List.of("x"));
        }).build();
        var stream = pager.stream().map(String::toUpperCase);

        assertThat(fetches[0]).isZero();
        assertThat(stream.findFirst()).hasValue("X");
        assertThat(fetches[0]).isEqualTo(1);
    }

    @Test
    void endlessEmptyPagesWithNewTokensStopAsNoProgress() {
        int[] page = {0};
        Pager<String> pager = Pager.<String>builder(Cursor.of(10, 100, "pageSize"), QUERY,
                request -> ProviderPage.withNext(List.of(), "t" + page[0]++)).build();

        assertThatThrownBy(() -> pager.stream().toList())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("101 pages in a row that brought no new task")
                .hasMessageContaining("maxPagesWithoutProgress");
        assertThat(pager.fetches()).isEqualTo(101);
    }

    @Test
    void theEmptyPageLimitIsConfigurableAndAPageWithItemsResetsIt() {
        int[] page = {0};
        // Three empty pages, then one with an item, and so on: never more than three in a row.
        Pager<String> pager = Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, request -> {
            int n = page[0]++;
            return n >= 40 ? ProviderPage.last(List.of())
                    : ProviderPage.withNext(n % 4 == 3 ? List.of("x" + n) : List.of(), "t" + n);
        }).maxPagesWithoutProgress(3).build();

        assertThat(pager.stream().toList()).hasSize(10);
        assertThatThrownBy(() -> Pager.<String>builder(Cursor.of(10, 100, "pageSize"), QUERY,
                request -> ProviderPage.withNext(List.of(), "t" + page[0]++)).maxPagesWithoutProgress(3).build().stream()
                .toList()).hasMessageContaining("4 pages in a row that brought no new task");
    }

    @Test
    void aHugeTokenStopsTheListingWithItsOwnErrorAndTheResumeTokenStillPrints() {
        String huge = "t".repeat(100_000);
        Pager<String> pager = Pager.builder(Cursor.of(10, 100, "Limit"), QUERY, request -> ProviderPage.withNext(List.of("x"), huge)).build();

        assertThatThrownBy(() -> pager.stream().toList())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("page token of 100000 bytes");
        assertThat(pager.resumeToken()).isPresent();
    }

    @Test
    void resumingWithSmallerPagesSkipsExactlyWhatWasDelivered() {
        List<Integer> all = java.util.stream.IntStream.range(0, 20).boxed().toList();
        PageFetcher<Integer> provider = request -> {
            int from = request.position() instanceof PagePosition.Token t ? Integer.parseInt(t.value()) : 0;
            int to = Math.min(all.size(), from + request.pageSize());
            return to == all.size() ? ProviderPage.last(all.subList(from, to))
                    : ProviderPage.withNext(all.subList(from, to), Integer.toString(to));
        };
        Pager<Integer> first = Pager.builder(Cursor.of(10, 100, "pageSize"), TaskQuery.forSource(SOURCE).pageSize(10).limit(4).build(), provider).build();
        List<Integer> head = first.stream().toList();

        List<Integer> rest = Pager.builder(Cursor.of(10, 100, "pageSize"), TaskQuery.forSource(SOURCE).pageSize(2)
                .resumeFrom(first.resumeToken().orElseThrow()).build(), provider).build().stream().toList();

        assertThat(head).containsExactly(0, 1, 2, 3);
        assertThat(rest).first().isEqualTo(4);
        assertThat(rest).hasSize(16);
    }

    @Test
    void anItemListedTwiceByTheProviderComesOnceWhenItHasAnIdentity() {
        // A task that moved from one status scan to a later one while the listing ran.
        PageFetcher<String> provider = request -> request.position() instanceof PagePosition.Token
                ? ProviderPage.last(List.of("p1", "w1", "p2"))
                : ProviderPage.withNext(List.of("w1", "w2"), "next");

        List<String> withIdentity = Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, provider).filter(item -> true).identity(item -> item).seal(dev.tasklens.domain.TokenSeal.none()).build().stream().toList();

        assertThat(withIdentity).containsExactly("w1", "w2", "p1", "p2");
        assertThat(Pager.builder(Cursor.of(10, 100, "pageSize"), QUERY, provider).build().stream().toList()).hasSize(5);
    }

    @Test
    void aResumeTokenOfAnotherAccountIsRefusedBeforeAnyFetch() {
        PageFetcher<String> provider = request -> ProviderPage.withNext(List.of("a", "b"), "n");
        Pager<String> first = Pager.builder(Cursor.of(10, 100, "pageSize"), TaskQuery.forSource(SOURCE).limit(1)
                .build(), provider).filter(item -> true).identity(item -> item).seal(dev.tasklens.domain.TokenSeal.boundTo("AKIDONE")).build();
        first.stream().toList();
        TaskQuery resumed = TaskQuery.forSource(SOURCE).resumeFrom(first.resumeToken().orElseThrow()).build();
        int[] fetches = {0};

        assertThatThrownBy(() -> Pager.builder(Cursor.of(10, 100, "pageSize"), resumed, request -> {
            fetches[0]++;
            return provider.fetch(request);
        }).filter(item -> true).identity(item -> item).seal(dev.tasklens.domain.TokenSeal.boundTo("AKIDTWO")).build())
                .isInstanceOf(dev.tasklens.domain.InvalidQueryException.class)
                .hasMessageContaining("another endpoint or account");
        assertThat(fetches[0]).isZero();
    }

    @Test
    void anOffsetPagedListThatHandsAnItemBackStopsNamingTheOffsetRule() {
        // A provider that reads the offset as an item offset while the source sends page numbers.
        PageFetcher<String> provider = request -> {
            long offset = request.position() instanceof PagePosition.Offset at ? at.value() : 0;
            long page = offset / request.pageSize();
            List<String> items = new ArrayList<>();
            for (long i = page; i < Math.min(page + request.pageSize(), 6); i++) {
                items.add("t" + i);
            }
            return dev.tasklens.domain.ProviderPage.counted(items, 6);
        };

        assertThatThrownBy(() -> Pager.builder(dev.tasklens.domain.OffsetLimit.of(3, 100, "limit"), TaskQuery.forSource(SOURCE).pageSize(3).build(), provider).filter(item -> true).identity(item -> item).seal(dev.tasklens.domain.TokenSeal.none()).build().stream().toList())
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("'t1' a second time").hasMessageContaining("offset rule");
    }
}
