package dev.tasklens.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tasklens.domain.Page;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.PageToken;
import dev.tasklens.domain.Partition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.domain.TransportException;
import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The paging properties hold for a query split into partitions paged at once: for any split of
 * items into partitions and pages (empty pages anywhere) and any concurrency, every item comes
 * exactly once and each partition's items in its order; a listing stopped anywhere, by the consumer
 * or by a failed fetch, resumes from its token with nothing lost and nothing repeated; and under a
 * limit no page is fetched once the pages fetched hold the limit.
 */
class PartitionedPagerProperties {

    private static final SourceId SOURCE = SourceId.of("test.source");
    private static final Cursor MODEL = Cursor.of(10, 100, "Limit");
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    /**
     * A case: each partition's pages, and the concurrency.
     *
     * @param partitions per partition, its pages of item ids
     * @param concurrency pages in flight
     */
    record Split(List<List<List<String>>> partitions, int concurrency) {
        List<String> items() {
            return partitions.stream().flatMap(List::stream).flatMap(List::stream).toList();
        }

        List<String> itemsOf(int partition) {
            return partitions.get(partition).stream().flatMap(List::stream).toList();
        }

        int fetchesNeeded() {
            return partitions.stream().mapToInt(List::size).sum();
        }
    }

    private static Gen<Split> splits() {
        Gen<List<Integer>> sizes = Gen.ints(0, 6).list(1, 6);
        Gen<List<List<Integer>>> shape = sizes.list(1, 7);
        Gen<Integer> concurrency = Gen.ints(1, 5);
        return random -> {
            List<List<List<String>>> partitions = new ArrayList<>();
            int next = 0;
            int index = 0;
            for (List<Integer> pageSizes : shape.next(random)) {
                List<List<String>> pages = new ArrayList<>();
                for (int size : pageSizes) {
                    List<String> page = new ArrayList<>();
                    for (int i = 0; i < size; i++) {
                        page.add("p" + index + "-" + next++);
                    }
                    pages.add(page);
                }
                partitions.add(pages);
                index++;
            }
            return new Split(partitions, concurrency.next(random));
        };
    }

    /** Partition i is the hour from T0 + i h; the provider tells them apart by the narrowed query. */
    private static List<Partition> plan(Split split) {
        List<Partition> plan = new ArrayList<>();
        for (int i = 0; i < split.partitions().size(); i++) {
            plan.add(new Partition(Set.of(), Optional.of(T0.plus(Duration.ofHours(i))),
                    Optional.of(T0.plus(Duration.ofHours(i + 1)))));
        }
        return plan;
    }

    /** A scroll-token provider of the split's partitions, thread-safe, that counts and can fail once. */
    static final class Provider implements PageFetcher<String> {
        final Split split;
        final AtomicInteger fetches = new AtomicInteger();
        /** Per fetch, as it started: how many items the fetches completed before it had returned. */
        final List<Integer> itemsFetchedBeforeEachFetch = new ArrayList<>();
        private int itemsFetched;
        private final int failAtFetch;
        private final AtomicBoolean failed = new AtomicBoolean();

        Provider(Split split, int failAtFetch) {
            this.split = split;
            this.failAtFetch = failAtFetch;
        }

        @Override
        public ProviderPage<String> fetch(PageRequest request) {
            int number = fetches.incrementAndGet();
            synchronized (this) {
                itemsFetchedBeforeEachFetch.add(itemsFetched);
            }
            if (number == failAtFetch && failed.compareAndSet(false, true)) {
                throw new TransportException(SOURCE, "connection reset", null, false);
            }
            int partition = (int) Duration.between(T0, request.query().createdFrom().orElseThrow()).toHours();
            List<List<String>> pages = split.partitions().get(partition);
            int page = request.position() instanceof PagePosition.Token token
                    ? Integer.parseInt(token.value().substring(1)) : 0;
            List<String> items = pages.get(page);
            synchronized (this) {
                itemsFetched += items.size();
            }
            return page + 1 < pages.size() ? ProviderPage.withNext(items, "n" + (page + 1)) : ProviderPage.last(items);
        }
    }

    private static TaskQuery query() {
        return TaskQuery.forSource(SOURCE).build();
    }

    private static Pager<String> start(Split split, TaskQuery query, Provider provider) {
        return Pager.builder(MODEL, query, provider).filterPerPartition(part -> item -> true).identity(item -> item).seal(TokenSeal.none()).partitions(plan(split)).concurrency(Concurrency.of(split.concurrency())).build();
    }

    /** Every item of every partition once, each partition's in its order. */
    private static void assertWhole(Split split, List<String> listed) {
        assertThat(listed).containsExactlyInAnyOrderElementsOf(split.items());
        for (int i = 0; i < split.partitions().size(); i++) {
            String prefix = "p" + i + "-";
            assertThat(listed.stream().filter(item -> item.startsWith(prefix)).toList())
                    .containsExactlyElementsOf(split.itemsOf(i));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyItemComesOnceWithOneFetchPerPage() {
        return Property.forAll(300, splits(), split -> {
            Provider provider = new Provider(split, 0);

            List<String> listed = start(split, query(), provider).stream().toList();

            assertWhole(split, listed);
            assertThat(provider.fetches.get()).isEqualTo(split.fetchesNeeded());
        });
    }

    @TestFactory
    Stream<DynamicTest> aListingStoppedAnywhereResumesWithNothingLostOrRepeated() {
        return Property.forAll(300, splits(), Gen.ints(0, 40), (split, stopAfter) -> {
            Pager<String> pager = start(split, query(), new Provider(split, 0));
            List<String> head = new ArrayList<>();
            try (Stream<String> items = pager.stream()) {
                items.limit(stopAfter).forEach(head::add);
            }
            Optional<PageToken> token = pager.resumeToken();
            List<String> tail = token.map(t -> start(split, query().toBuilder()
                    .resumeFrom(PageToken.parse(t.value())).build(), new Provider(split, 0)).stream().toList())
                    .orElse(List.of());

            List<String> whole = new ArrayList<>(head);
            whole.addAll(tail);
            assertWhole(split, whole);
            if (stopAfter < split.items().size()) {
                assertThat(token).as("a listing stopped early says where to go on").isPresent();
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> pageByPageEachTokenResumesAfterItsPage() {
        return Property.forAll(300, splits(), Gen.ints(1, 12), (split, stopAfter) -> {
            List<String> read = new ArrayList<>();
            Optional<PageToken> next = Optional.empty();
            int pages = 0;
            for (Page<String> page : start(split, query(), new Provider(split, 0)).pages()) {
                read.addAll(page.items());
                next = page.next();
                if (++pages == stopAfter) {
                    break;
                }
            }
            next.ifPresent(token -> start(split, query().toBuilder().resumeFrom(token).build(),
                    new Provider(split, 0)).stream().forEach(read::add));

            assertWhole(split, read);
        });
    }

    @TestFactory
    Stream<DynamicTest> aFailedFetchEndsTheListingAndItsTokenResumesExactly() {
        return Property.forAll(300, splits(), Gen.ints(1, 30), (split, failAt) -> {
            Provider failing = new Provider(split, failAt);
            Pager<String> pager = start(split, query(), failing);
            List<String> head = new ArrayList<>();
            Iterable<String> items = () -> pager.stream().iterator();
            if (failAt <= split.fetchesNeeded()) {
                assertThatThrownBy(() -> items.forEach(head::add)).isInstanceOf(TransportException.class)
                        .hasMessageContaining("connection reset");
            } else {
                items.forEach(head::add);
            }
            int sentWhenItFailed = failing.fetches.get();
            List<String> tail = pager.resumeToken().map(token -> start(split, query().toBuilder()
                    .resumeFrom(token).build(), new Provider(split, 0)).stream().toList()).orElse(List.of());

            List<String> whole = new ArrayList<>(head);
            whole.addAll(tail);
            assertWhole(split, whole);
            assertThat(failing.fetches.get()).as("no request after the listing failed").isEqualTo(sentWhenItFailed);
        });
    }

    @TestFactory
    Stream<DynamicTest> underALimitNoPageIsFetchedOnceThePagesFetchedHoldIt() {
        return Property.forAll(300, splits(), Gen.ints(1, 40), (split, limit) -> {
            Provider provider = new Provider(split, 0);
            TaskQuery limited = query().toBuilder().limit(limit).build();
            Pager<String> pager = start(split, limited, provider);

            List<String> head = pager.stream().toList();
            List<String> tail = pager.resumeToken().map(token -> start(split, query().toBuilder()
                    .resumeFrom(token).build(), new Provider(split, 0)).stream().toList()).orElse(List.of());

            assertThat(head).hasSize(Math.min(limit, split.items().size()));
            assertThat(provider.itemsFetchedBeforeEachFetch).allSatisfy(fetched ->
                    assertThat(fetched).as("items already fetched when a page was asked for").isLessThan(limit));
            List<String> whole = new ArrayList<>(head);
            whole.addAll(tail);
            assertWhole(split, whole);
        });
    }

    @TestFactory
    Stream<DynamicTest> anItemFoundByTwoPartitionsComesOnce() {
        return Property.forAll(200, splits(), split -> {
            // Every partition's first item is also listed by the partition after it (a task that moved
            // from one status scan to the next while both were read).
            List<List<List<String>>> moved = new ArrayList<>();
            for (int i = 0; i < split.partitions().size(); i++) {
                List<List<String>> pages = new ArrayList<>();
                split.partitions().get(i).forEach(page -> pages.add(new ArrayList<>(page)));
                if (i > 0 && !split.itemsOf(i - 1).isEmpty()) {
                    pages.get(pages.size() - 1).add(split.itemsOf(i - 1).get(0));
                }
                moved.add(pages);
            }
            Split twice = new Split(moved, split.concurrency());

            List<String> listed = start(twice, query(), new Provider(twice, 0)).stream().toList();

            assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(split.items());
        });
    }

    @TestFactory
    Stream<DynamicTest> pagesInFlightNeverExceedTheConcurrency() {
        return Property.forAll(100, splits(), split -> {
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            Provider provider = new Provider(split, 0);
            PageFetcher<String> slow = request -> {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(1);
                    return provider.fetch(request);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                } finally {
                    inFlight.decrementAndGet();
                }
            };

            List<String> listed = Pager.builder(MODEL, query(), slow).filterPerPartition(part -> item -> true).identity(item -> item).seal(TokenSeal.none()).partitions(plan(split)).concurrency(Concurrency.of(split.concurrency())).build().stream().toList();

            assertWhole(split, listed);
            assertThat(most.get()).isBetween(1, split.concurrency());
        });
    }
}
