package dev.tasklens.domain.paging;

import dev.tasklens.domain.Cursor;
import dev.tasklens.domain.Marker;
import dev.tasklens.domain.OffsetLimit;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.PagingModel;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SingleWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A provider that serves a fixed split of items into pages with the signals of one paging model,
 * and counts its fetches. Token models name page i by the token "p" + i.
 */
final class FakeProvider implements PageFetcher<Integer> {

    private final PagingModel model;
    private final List<List<Integer>> pages;
    private final List<Integer> all;
    private final boolean counted;
    int fetches;

    private FakeProvider(PagingModel model, List<List<Integer>> pages, boolean counted) {
        this.model = model;
        this.pages = pages;
        this.all = pages.stream().flatMap(List::stream).toList();
        this.counted = counted;
    }

    /** A token model (cursor, marker) or a single window serving these pages. */
    static FakeProvider paged(PagingModel model, List<List<Integer>> pages) {
        return new FakeProvider(model, pages, false);
    }

    /** An offset/limit provider over these items; pages follow from the page size asked. */
    static FakeProvider offset(OffsetLimit model, int itemCount, boolean counted) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < itemCount; i++) {
            items.add(i);
        }
        return new FakeProvider(model, List.of(items), counted);
    }

    List<Integer> items() {
        return all;
    }

    @Override
    public ProviderPage<Integer> fetch(PageRequest request) {
        fetches++;
        if (model instanceof OffsetLimit) {
            int from = (int) (request.position() instanceof PagePosition.Offset at ? at.value() : 0);
            int to = Math.min(all.size(), from + request.pageSize());
            List<Integer> slice = from >= all.size() ? List.of() : all.subList(from, to);
            return counted ? ProviderPage.counted(slice, all.size()) : ProviderPage.uncounted(slice);
        }
        if (model instanceof SingleWindow) {
            return ProviderPage.whole(all);
        }
        int index = request.position() instanceof PagePosition.Token token
                ? Integer.parseInt(token.value().substring(1)) : 0;
        List<Integer> items = pages.get(index);
        boolean last = index == pages.size() - 1;
        String next = "p" + (index + 1);
        if (model instanceof Cursor) {
            // Both ways a provider ends a cursor list: an empty token (MPS) or none at all (KooDrive).
            return !last ? ProviderPage.withNext(items, next)
                    : pages.size() % 2 == 0 ? ProviderPage.withNext(items, "") : ProviderPage.last(items);
        }
        if (model instanceof Marker) {
            // Like Baidu's own example: the last page still names a nextMarker, with isTruncated false.
            return ProviderPage.marked(items, !last, Optional.of(next));
        }
        throw new AssertionError("unknown model " + model);
    }
}
