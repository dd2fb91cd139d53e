package dev.tasklens.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.Marker;
import dev.tasklens.domain.OffsetLimit;
import dev.tasklens.domain.Page;
import dev.tasklens.domain.PageToken;
import dev.tasklens.domain.PagingModel;
import dev.tasklens.domain.SingleWindow;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For any split of N items into pages (empty pages anywhere the model allows them), the engine
 * yields exactly the N items, in order, once each, with the fewest fetches; stops early under a
 * limit; and resumes from any stopping point without loss or repetition.
 */
class PagerProperties {

    private static final SourceId SOURCE = SourceId.of("test.source");
    private static final List<PagingModel> TOKEN_MODELS = List.of(
            Cursor.of(10, 100, "Limit"), Cursor.of(10, 100, "pageSize"), Marker.of(10, 100, "maxSize"));

    /** One test case: a model and a split of items into pages. */
    record Split(PagingModel model, List<List<Integer>> pages) {
        int itemCount() {
            return pages.stream().mapToInt(List::size).sum();
        }

        /** The 1-based index of the page holding item k (1-based); the number of fetches needed to reach it. */
        int pagesNeededFor(int k) {
            int seen = 0;
            for (int i = 0; i < pages.size(); i++) {
                seen += pages.get(i).size();
                if (seen >= k) {
                    return i + 1;
                }
            }
            return pages.size();
        }
    }

    private static Gen<Split> tokenSplits() {
        Gen<PagingModel> model = Gen.of(TOKEN_MODELS);
        // Page sizes 0..7: empty pages may stand anywhere, also first and last.
        Gen<List<Integer>> sizes = Gen.ints(0, 7).list(1, 12);
        return random -> new Split(model.next(random), numbered(sizes.next(random)));
    }

    private static List<List<Integer>> numbered(List<Integer> sizes) {
        List<List<Integer>> pages = new ArrayList<>();
        int next = 0;
        for (int size : sizes) {
            List<Integer> page = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                page.add(next++);
            }
            pages.add(page);
        }
        return pages;
    }

    private static TaskQuery query() {
        return TaskQuery.forSource(SOURCE).build();
    }

    @TestFactory
    Stream<DynamicTest> tokenModelsYieldEveryItemOnceInOrderWithOneFetchPerPage() {
        return Property.forAll(300, tokenSplits(), split -> {
            FakeProvider provider = FakeProvider.paged(split.model(), split.pages());

            List<Integer> items = Pager.builder(split.model(), query(), provider).build().stream().collect(Collectors.toList());

            assertThat(items).containsExactlyElementsOf(provider.items());
            assertThat(provider.fetches).isEqualTo(split.pages().size());
        });
    }

    @TestFactory
    Stream<DynamicTest> streamLimitFetchesNoPageBeyondTheLastItemTaken() {
        return Property.forAll(300, tokenSplits(), Gen.ints(0, 90), (split, k) -> {
            int take = Math.min(k, split.itemCount());
            FakeProvider provider = FakeProvider.paged(split.model(), split.pages());

            List<Integer> items = Pager.builder(split.model(), query(), provider).build().stream().limit(k).toList();

            assertThat(items).containsExactlyElementsOf(provider.items().subList(0, take));
            // Asking for more than there is reads every page; otherwise no page after item k is fetched.
            int expected = k > split.itemCount() ? split.pages().size() : k == 0 ? 0 : split.pagesNeededFor(k);
            assertThat(provider.fetches).isEqualTo(expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> queryLimitStopsFetchingAndTheResumeTokenContinuesExactly() {
        return Property.forAll(300, tokenSplits(), Gen.ints(1, 60), (split, limit) -> {
            FakeProvider first = FakeProvider.paged(split.model(), split.pages());
            TaskQuery limited = TaskQuery.forSource(SOURCE).limit(limit).build();
            Pager<Integer> pager = Pager.builder(split.model(), limited, first).build();

            List<Integer> head = pager.stream().toList();
            Optional<PageToken> token = pager.resumeToken();
            List<Integer> tail = token.map(t -> Pager.builder(split.model(), TaskQuery.forSource(SOURCE).resumeFrom(PageToken.parse(t.value())).build(), FakeProvider.paged(split.model(), split.pages())).build().stream().toList())
                    .orElse(List.of());

            int expectedHead = Math.min(limit, split.itemCount());
            assertThat(head).containsExactlyElementsOf(first.items().subList(0, expectedHead));
            assertThat(first.fetches).isEqualTo(
                    limit > split.itemCount() ? split.pages().size() : split.pagesNeededFor(limit));
            List<Integer> whole = new ArrayList<>(head);
            whole.addAll(tail);
            assertThat(whole).containsExactlyElementsOf(first.items());
        });
    }

    @TestFactory
    Stream<DynamicTest> pagesCarryTokensThatResumeAfterThem() {
        return Property.forAll(300, tokenSplits(), Gen.ints(0, 12), (split, stopAfter) -> {
            FakeProvider provider = FakeProvider.paged(split.model(), split.pages());
            List<Integer> read = new ArrayList<>();
            Optional<PageToken> next = Optional.empty();
            int pagesRead = 0;
            for (Page<Integer> page : Pager.builder(split.model(), query(), provider).build().pages()) {
                read.addAll(page.items());
                next = page.next();
                if (++pagesRead == stopAfter) {
                    break;
                }
            }
            next.ifPresent(token -> read.addAll(Pager.builder(split.model(), TaskQuery.forSource(SOURCE).resumeFrom(token).build(), FakeProvider.paged(split.model(), split.pages())).build().stream().toList()));

            assertThat(read).containsExactlyElementsOf(provider.items());
        });
    }

    @TestFactory
    Stream<DynamicTest> offsetLimitYieldsEveryItemWithTheFewestFetches() {
        return Property.forAll(200, Gen.ints(0, 200), Gen.ints(1, 100), Gen.booleans(),
                (itemCount, pageSize, counted) -> {
            OffsetLimit model = OffsetLimit.of(10, 100, "limit");
            FakeProvider provider = FakeProvider.offset(model, itemCount, counted);

            List<Integer> items = Pager.builder(model, TaskQuery.forSource(SOURCE).pageSize(pageSize).build(), provider).build()
                    .stream().toList();

            assertThat(items).containsExactlyElementsOf(provider.items());
            int fullPages = (itemCount + pageSize - 1) / pageSize;
            // Without a total count, only a short page proves the end: a list that fills its last page
            // needs one more (empty) fetch. With the count, the last full page is known to be last.
            int expected = counted
                    ? Math.max(1, fullPages)
                    : itemCount / pageSize + 1;
            assertThat(provider.fetches).isEqualTo(expected);
        });
    }

    @TestFactory
    Stream<DynamicTest> offsetLimitResumesMidPage() {
        return Property.forAll(200, Gen.ints(1, 120), Gen.ints(1, 30), Gen.ints(1, 120),
                (itemCount, pageSize, limit) -> {
            OffsetLimit model = OffsetLimit.of(10, 100, "limit");
            TaskQuery query = TaskQuery.forSource(SOURCE).pageSize(pageSize).build();
            Pager<Integer> pager = Pager.builder(model, query.toBuilder().limit(limit).build(), FakeProvider.offset(model, itemCount, true)).build();

            List<Integer> read = new ArrayList<>(pager.stream().toList());
            pager.resumeToken().ifPresent(token -> read.addAll(Pager.builder(model, query.toBuilder().resumeFrom(token).build(), FakeProvider.offset(model, itemCount, true)).build()
                    .stream().toList()));

            assertThat(read).containsExactlyElementsOf(FakeProvider.offset(model, itemCount, true).items());
        });
    }

    @TestFactory
    Stream<DynamicTest> singleWindowFetchesOnce() {
        return Property.forAll(100, tokenSplits(), split -> {
            SingleWindow model = SingleWindow.create();
            FakeProvider provider = FakeProvider.paged(model, split.pages());

            List<Integer> items = Pager.builder(model, query(), provider).build().stream().toList();

            assertThat(items).containsExactlyElementsOf(provider.items());
            assertThat(provider.fetches).isEqualTo(1);
        });
    }
}
