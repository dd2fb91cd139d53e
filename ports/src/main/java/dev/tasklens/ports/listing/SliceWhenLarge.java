package dev.tasklens.ports.listing;

import dev.tasklens.domain.Partition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.paging.Splitter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How many pages a partition holds, judged from its first page, and so how many slices of its
 * window it is listed as: none up to {@value #PAGES_LISTED_WHOLE} pages (a small listing costs what
 * it costs one page at a time), else a slice per {@value #PAGES_PER_SLICE} pages, up to a maximum.
 *
 * <ul>
 *   <li>The provider's count, where it gives one (MPS {@code TotalCount}, Huawei ies {@code count}).</li>
 *   <li>Otherwise the span of creation times the first page covers against the partition's window:
 *       the providers list newest first, so a page of 100 tasks from the last hour of a week says
 *       the week holds some 168 pages. A page in another order spans the window and reads as one
 *       page: the partition is then listed whole, never lost.</li>
 * </ul>
 */
final class SliceWhenLarge implements Splitter<Task> {

    /** A partition of at most this many pages is listed whole. */
    static final int PAGES_LISTED_WHOLE = 4;
    /** A slice per this many pages. */
    static final int PAGES_PER_SLICE = 2;

    private final SourceDescriptor source;
    private final Instant now;
    private final int maxSlices;

    SliceWhenLarge(SourceDescriptor source, Instant now, int maxSlices) {
        this.source = source;
        this.now = now;
        this.maxSlices = maxSlices;
    }

    @Override
    public List<Partition> split(Partition part, ProviderPage<Task> first, int pageSize) {
        Optional<Long> pages = first.totalCount().isPresent()
                ? Optional.of((first.totalCount().getAsLong() + pageSize - 1) / pageSize)
                : pagesBySpan(part, first.items());
        if (pages.isPresent() && pages.get() <= PAGES_LISTED_WHOLE) {
            return List.of(part);
        }
        long slices = pages.map(count -> (count + PAGES_PER_SLICE - 1) / PAGES_PER_SLICE).orElse((long) maxSlices);
        return source.slicesOf(part, now, (int) Math.min(maxSlices, slices));
    }

    /** The window's length over the span the page's creation times cover; empty when unknown. */
    private Optional<Long> pagesBySpan(Partition part, List<Task> items) {
        Optional<Instant> low = part.createdFrom().or(() -> source.lookback().map(now::minus));
        Instant high = part.createdTo().orElse(now);
        Optional<Instant> oldest = items.stream().flatMap(task -> task.createdAt().stream()).min(Instant::compareTo);
        Optional<Instant> newest = items.stream().flatMap(task -> task.createdAt().stream()).max(Instant::compareTo);
        if (low.isEmpty() || oldest.isEmpty() || !low.get().isBefore(high)) {
            return Optional.empty();
        }
        long span = Math.max(1, Duration.between(oldest.get(), newest.get()).toMillis());
        long window = Math.max(1, Duration.between(low.get(), high).toMillis());
        return Optional.of((window + span - 1) / span);
    }
}
