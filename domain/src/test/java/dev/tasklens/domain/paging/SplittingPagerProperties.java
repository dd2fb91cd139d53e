package dev.tasklens.domain.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.PageToken;
import dev.tasklens.domain.Partition;
import dev.tasklens.domain.Partitioning;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A partition whose first page points to another may be cut into slices of its window while the
 * listing runs: the listing still delivers every task exactly once, resumes exactly from any point
 * (the token records the slices), and a partition that fits in one page is never cut.
 */
class SplittingPagerProperties {

    private static final SourceId SOURCE = SourceId.of("test.source");
    private static final Cursor MODEL = Cursor.of(10, 100, "Limit");
    private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");

    /**
     * A case.
     *
     * @param tasks how many tasks
     * @param spanSeconds the window, from T0
     * @param pageSize the page size
     * @param slices the slices a cut makes at most
     * @param counted whether the provider says how many tasks a partition holds
     * @param concurrency pages in flight
     */
    record Case(int tasks, int spanSeconds, int pageSize, int slices, boolean counted, int concurrency) {
        List<Task> all() {
            List<Task> all = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                all.add(Task.builder(SOURCE, "t" + i).type("x").status(TaskStatus.RUNNING, "r")
                        .createdAt(T0.plusMillis((long) i * spanSeconds * 1000 / Math.max(1, tasks))).build());
            }
            return all;
        }

        Instant end() {
            return T0.plusSeconds(spanSeconds);
        }
    }

    private static Gen<Case> cases() {
        return random -> new Case(random.nextInt(250), 1 + random.nextInt(500), 1 + random.nextInt(20),
                1 + random.nextInt(6), random.nextBoolean(), 2 + random.nextInt(4));
    }

    /** A provider that narrows to whole seconds around the window (as MPS does) and pages by offset. */
    static final class Provider implements PageFetcher<Task> {
        final List<Task> all;
        final boolean counted;
        final AtomicInteger fetches = new AtomicInteger();

        Provider(Case c) {
            this.all = c.all();
            this.counted = c.counted();
        }

        @Override
        public ProviderPage<Task> fetch(PageRequest request) {
            fetches.incrementAndGet();
            Instant from = request.query().createdFrom().orElse(Instant.MIN).minusSeconds(1);
            Instant to = request.query().createdTo().orElse(Instant.MAX.minusSeconds(5)).plusSeconds(1);
            List<Task> selected = all.stream().filter(task -> {
                Instant at = task.createdAt().orElseThrow();
                return !at.isBefore(from) && at.isBefore(to);
            }).toList();
            int offset = request.position() instanceof PagePosition.Token token ? Integer.parseInt(token.value()) : 0;
            List<Task> page = selected.subList(offset, Math.min(selected.size(), offset + request.pageSize()));
            ProviderPage<Task> reply = offset + request.pageSize() < selected.size()
                    ? ProviderPage.withNext(page, Integer.toString(offset + request.pageSize()))
                    : ProviderPage.last(page);
            return counted ? reply.withTotalCount(selected.size()) : reply;
        }
    }

    private static TaskQuery query(Case c) {
        return TaskQuery.forSource(SOURCE).createdBetween(T0, c.end()).pageSize(c.pageSize()).build();
    }

    private static Pager<Task> start(Case c, TaskQuery query, Provider provider) {
        Partitioning.ByWindow window = Partitioning.byWindow(Duration.ofSeconds(1));
        Splitter<Task> splitter = (part, first, pageSize) -> window.slice(part, Optional.empty(), c.end(), c.slices());
        // This provider widens every window by a second on each side, far more than a real one (MPS
        // rounds to whole seconds, and slices fall on whole seconds): at page size 1 a slice can read
        // more pages of its neighbours' tasks in a row than the progress guard's default allows. The
        // property is about every task once, so the guard is set above what the listing can read (every
        // slice and the first page of the whole), where it still stops an engine that loops.
        int pagesAtMost = (c.slices() + 1) * (c.tasks() / c.pageSize() + 2);
        return Pager.builder(MODEL, query, provider).filterPerPartition(part -> part::holds).identity(Task::id)
                .seal(TokenSeal.none()).partitions(List.of(Partition.whole(query)))
                .concurrency(Concurrency.of(c.concurrency())).splitter(splitter).maxPagesWithoutProgress(pagesAtMost)
                .build();
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    @TestFactory
    Stream<DynamicTest> aSplitListingDeliversEveryTaskOnce() {
        return Property.forAll(300, cases(), c -> {
            Provider provider = new Provider(c);

            List<Task> listed = start(c, query(c), provider).stream().toList();

            assertThat(ids(listed)).containsExactlyInAnyOrderElementsOf(ids(c.all()));
            if (c.tasks() <= c.pageSize()) {
                assertThat(provider.fetches.get()).as("a partition of one page is never cut").isEqualTo(1);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aSplitListingStoppedAnywhereResumesExactly() {
        return Property.forAll(300, cases(), Gen.ints(0, 260), (c, stopAfter) -> {
            Pager<Task> pager = start(c, query(c), new Provider(c));
            List<Task> head = new ArrayList<>();
            try (Stream<Task> tasks = pager.stream()) {
                tasks.limit(stopAfter).forEach(head::add);
            }
            Optional<PageToken> token = pager.resumeToken();
            List<Task> tail = token.map(t -> start(c, query(c).toBuilder().resumeFrom(PageToken.parse(t.value()))
                    .build(), new Provider(c)).stream().toList()).orElse(List.of());

            List<Task> whole = new ArrayList<>(head);
            whole.addAll(tail);
            assertThat(ids(whole)).containsExactlyInAnyOrderElementsOf(ids(c.all()));
        });
    }
}
