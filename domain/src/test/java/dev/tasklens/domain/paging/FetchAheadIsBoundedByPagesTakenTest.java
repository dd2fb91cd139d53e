package dev.tasklens.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.Partition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How far a listing fetches ahead is a count of pages, not a matter of which fetch ends first: a
 * consumer that takes {@code k} pages and walks away has caused at most {@code k + min(k, c)}
 * fetches at concurrency {@code c}. An executor that runs each fetch at once, on the thread that
 * starts it, makes every run the same, so the bound is checked exactly, with no timing in the test.
 */
class FetchAheadIsBoundedByPagesTakenTest {

    private static final SourceId SOURCE = SourceId.of("test.ahead");
    private static final int PARTITIONS = 32;
    private static final int PAGES = 10;

    private static List<Partition> partitions() {
        List<Partition> plan = new ArrayList<>();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int i = 0; i < PARTITIONS; i++) {
            plan.add(new Partition(Set.of(), Optional.of(start.plusSeconds(i)), Optional.of(start.plusSeconds(i + 1))));
        }
        return plan;
    }

    @Test
    void aConsumerThatWalksAwayCausesAtMostTwiceThePagesItTook() {
        for (int concurrency : new int[] {1, 2, 8}) {
            for (int taken = 1; taken <= 40; taken++) {
                AtomicInteger fetches = new AtomicInteger();
                Pager<String> pager = Pager.<String>builder(Cursor.of(1, 100, "pageSize"),
                        TaskQuery.forSource(SOURCE).build(), request -> {
                            fetches.incrementAndGet();
                            String part = request.query().createdFrom().orElseThrow().toString();
                            int page = request.position() instanceof PagePosition.Token t ? Integer.parseInt(t.value()) : 0;
                            List<String> items = List.of(part + "#" + page);
                            return page + 1 == PAGES ? ProviderPage.last(items)
                                    : ProviderPage.withNext(items, Integer.toString(page + 1));
                        })
                        .partitions(partitions())
                        .concurrency(Concurrency.of(concurrency, Runnable::run))
                        .build();

                // Pages of one item: k items are k pages. The stream is left open, as a consumer that walks away.
                assertThat(pager.stream().limit(taken).count()).isEqualTo(taken);

                assertThat(fetches.get()).as("fetches after %s pages taken at concurrency %s", taken, concurrency)
                        .isLessThanOrEqualTo(taken + Math.min(taken, concurrency));
            }
        }
    }

    @Test
    void partitionsTakeTurnsSoThatEqualOnesEndTogether() {
        // Pages fetched per partition never differ by more than one while every partition has pages left:
        // the partition with the fewest pages fetched goes next, so none is left to run alone at the end.
        java.util.Map<String, Integer> fetched = new java.util.concurrent.ConcurrentHashMap<>();
        List<Integer> spreads = new ArrayList<>();
        Pager<String> pager = Pager.<String>builder(Cursor.of(1, 100, "pageSize"), TaskQuery.forSource(SOURCE).build(),
                request -> {
                    String part = request.query().createdFrom().orElseThrow().toString();
                    int page = request.position() instanceof PagePosition.Token t ? Integer.parseInt(t.value()) : 0;
                    fetched.merge(part, 1, Integer::sum);
                    if (fetched.size() == PARTITIONS && fetched.values().stream().allMatch(n -> n < PAGES)) {
                        spreads.add(java.util.Collections.max(fetched.values())
                                - java.util.Collections.min(fetched.values()));
                    }
                    List<String> items = List.of(part + "#" + page);
                    return page + 1 == PAGES ? ProviderPage.last(items)
                            : ProviderPage.withNext(items, Integer.toString(page + 1));
                })
                .partitions(partitions())
                .concurrency(Concurrency.of(8, Runnable::run))
                .build();

        assertThat(pager.stream().count()).isEqualTo((long) PARTITIONS * PAGES);
        assertThat(spreads).isNotEmpty().allSatisfy(spread -> assertThat(spread).isLessThanOrEqualTo(1));
    }
}
