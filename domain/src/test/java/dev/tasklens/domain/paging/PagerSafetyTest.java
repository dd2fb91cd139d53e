package dev.tasklens.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.Page;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.ScrollToken;
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
        Pager<String> pager = Pager.start(ScrollToken.of(10, 100, "Limit"), QUERY,
                request -> ProviderPage.withNext(List.of("x"), "same"));

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
        Pager<String> pager = Pager.start(Cursor.of(10, 100, "pageSize"), QUERY, request -> {
            String next = request.position() instanceof PagePosition.Token t && t.value().equals("a") ? "b" : "a";
            return ProviderPage.withNext(List.of(next), next);
        });

        assertThatThrownBy(() -> pager.stream().toList()).isInstanceOf(MalformedResponseException.class);
        assertThat(pager.fetches()).isEqualTo(3);
    }

    @Test
    void aProviderReturningTheResumedTokenAgainIsCaught() {
        TaskQuery first = TaskQuery.forSource(SOURCE).limit(1).build();
        Pager<String> head = Pager.start(ScrollToken.of(10, 100, "Limit"), first,
                request -> ProviderPage.withNext(List.of("x"), "t1"));
        head.stream().toList();
        TaskQuery resumed = TaskQuery.forSource(SOURCE).resumeFrom(head.resumeToken().orElseThrow()).build();

        Pager<String> tail = Pager.start(ScrollToken.of(10, 100, "Limit"), resumed,
                request -> ProviderPage.withNext(List.of("y"), "t1"));

        assertThatThrownBy(() -> tail.stream().toList()).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void theLocalFilterRunsBeforeTheLimit() {
        TaskQuery query = TaskQuery.forSource(SOURCE).limit(3).build();
        List<Integer> pageOfTen = IntStream.range(0, 10).boxed().toList();
        Pager<Integer> pager = Pager.start(Cursor.of(10, 100, "pageSize"), query,
                request -> request.position() instanceof PagePosition.Start
                        ? ProviderPage.withNext(pageOfTen, "2")
                        : ProviderPage.last(IntStream.range(10, 20).boxed().toList()),
                item -> item % 4 == 0);

        assertThat(pager.stream().toList()).containsExactly(0, 4, 8);
        assertThat(pager.fetches()).isEqualTo(1);
    }

    @Test
    void pagesHonourTheLimitAndPointTheTokenAtTheFirstItemNotDelivered() {
        TaskQuery query = TaskQuery.forSource(SOURCE).limit(3).build();
        Pager<Integer> pager = Pager.start(Cursor.of(10, 100, "pageSize"), query,
                request -> ProviderPage.withNext(List.of(1, 2, 3, 4, 5), "next"));

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
        Pager<Integer> pager = Pager.start(Cursor.of(10, 100, "pageSize"), QUERY,
                request -> request.position() instanceof PagePosition.Start
                        ? ProviderPage.withNext(List.of(1, 2), "2").withTotalCount(3)
                        : ProviderPage.last(List.of(3)));

        List<Page<Integer>> pages = new ArrayList<>();
        pager.pages().forEach(pages::add);

        assertThat(pages.get(0).totalCount()).hasValue(3);
        assertThat(pages.get(1).totalCount()).isEmpty();
    }

    @Test
    void aPagerIsUsedOnce() {
        Pager<String> pager = Pager.start(Cursor.of(10, 100, "pageSize"), QUERY,
                request -> ProviderPage.last(List.of("x")));
        pager.stream().toList();

        assertThatThrownBy(pager::stream).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already consumed");
        assertThatThrownBy(pager::pages).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theResumeTokenIsEmptyOnlyAtTheEnd() {
        Pager<String> pager = Pager.start(Cursor.of(10, 100, "pageSize"), QUERY,
                request -> ProviderPage.last(List.of("x", "y")));
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

        assertThatThrownBy(() -> Pager.start(ScrollToken.of(10, 100, "DescribeTasks Limit"), query,
                request -> {
                    throw new AssertionError("no fetch expected");
                }))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("tencent.mps: page size 500 is above the maximum 100 of tencent.mps"
                        + " (DescribeTasks Limit); use 1..100");
    }

    @Test
    void nothingIsFetchedUntilTheStreamIsConsumed() {
        int[] fetches = {0};
        Pager<String> pager = Pager.start(Cursor.of(10, 100, "pageSize"), QUERY, request -> {
            fetches[0]++;
            return ProviderPage.last(List.of("x"));
        });
        var stream = pager.stream().map(String::toUpperCase);

        assertThat(fetches[0]).isZero();
        assertThat(stream.findFirst()).hasValue("X");
        assertThat(fetches[0]).isEqualTo(1);
    }
}
