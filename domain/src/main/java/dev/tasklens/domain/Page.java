package dev.tasklens.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a listing, as users see it.
 *
 * @param items the page's items (after any filter applied locally)
 * @param next the token to resume from after this page; empty on the last page
 * @param totalCount the provider's count of all items matching the request that fetched this
 *     page, when it reports one (MPS {@code TotalCount}, Huawei {@code count})
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<PageToken> next, OptionalLong totalCount) {

    /**
     * Copies the items.
     *
     * @param items see the record component
     * @param next see the record component
     * @param totalCount see the record component
     * @throws NullPointerException if a part is null
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(totalCount, "totalCount");
    }

    /**
     * Whether this is the last page.
     *
     * @return true when no page follows
     */
    public boolean isLast() {
        return next.isEmpty();
    }
}
