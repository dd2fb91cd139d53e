package dev.tasklens.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page exactly as a provider returned it, before the paging engine reads it: the items and
 * the provider's own continuation signals. Each {@link PagingModel} reads only the signals of its
 * kind, so build a page with the factory named after the provider's paging.
 *
 * @param items the page's items, in the provider's order
 * @param continuation the provider's token for the next page (scroll token, marker or cursor);
 *     empty when it sent none or sent an empty string
 * @param truncated the provider's "more pages follow" flag ({@link Marker} only)
 * @param totalCount the provider's count of all matching items, if sent ({@link OffsetLimit} ends
 *     the list by it; every model passes it on in {@code Page.totalCount()})
 * @param <T> the item type
 */
public record ProviderPage<T>(List<T> items, Optional<String> continuation, boolean truncated,
        OptionalLong totalCount) {

    /**
     * Copies the items and normalises an empty continuation to absent.
     *
     * @param items see the record component
     * @param continuation see the record component
     * @param truncated see the record component
     * @param totalCount see the record component
     * @throws NullPointerException if a part is null
     */
    public ProviderPage {
        items = List.copyOf(items);
        Objects.requireNonNull(continuation, "continuation");
        continuation = continuation.filter(token -> !token.isEmpty());
        Objects.requireNonNull(totalCount, "totalCount");
    }

    /**
     * The single reply of a {@link SingleWindow} source.
     *
     * @param items everything in the window
     * @param <T> the item type
     * @return the page
     */
    public static <T> ProviderPage<T> whole(List<T> items) {
        return new ProviderPage<>(items, Optional.empty(), false, OptionalLong.empty());
    }

    /**
     * A page of a {@link Cursor} source.
     *
     * @param items the page's items
     * @param next the token for the next page as sent; an empty string means the end
     * @param <T> the item type
     * @return the page
     */
    public static <T> ProviderPage<T> withNext(List<T> items, String next) {
        return new ProviderPage<>(items, Optional.of(next), false, OptionalLong.empty());
    }

    /**
     * The same page with the provider's total count of matching items.
     *
     * @param count the count
     * @return a new page
     */
    public ProviderPage<T> withTotalCount(long count) {
        return new ProviderPage<>(items, continuation, truncated, OptionalLong.of(count));
    }

    /**
     * A page of a {@link Cursor} source that sent no next token.
     *
     * @param items the page's items
     * @param <T> the item type
     * @return the page
     */
    public static <T> ProviderPage<T> last(List<T> items) {
        return new ProviderPage<>(items, Optional.empty(), false, OptionalLong.empty());
    }

    /**
     * A page of a {@link Marker} source.
     *
     * @param items the page's items
     * @param isTruncated the provider's flag that more pages follow
     * @param nextMarker the marker of the next page, when sent
     * @param <T> the item type
     * @return the page
     */
    public static <T> ProviderPage<T> marked(List<T> items, boolean isTruncated, Optional<String> nextMarker) {
        return new ProviderPage<>(items, nextMarker, isTruncated, OptionalLong.empty());
    }

    /**
     * A page of an {@link OffsetLimit} source that reports the total count.
     *
     * @param items the page's items
     * @param totalCount all matching items
     * @param <T> the item type
     * @return the page
     */
    public static <T> ProviderPage<T> counted(List<T> items, long totalCount) {
        return new ProviderPage<>(items, Optional.empty(), false, OptionalLong.of(totalCount));
    }

    /**
     * A page of an {@link OffsetLimit} source that does not report a total count.
     *
     * @param items the page's items
     * @param <T> the item type
     * @return the page
     */
    public static <T> ProviderPage<T> uncounted(List<T> items) {
        return new ProviderPage<>(items, Optional.empty(), false, OptionalLong.empty());
    }
}
