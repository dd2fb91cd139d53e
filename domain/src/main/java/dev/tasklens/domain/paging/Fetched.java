package dev.tasklens.domain.paging;

import dev.tasklens.domain.PagePosition;
import java.util.List;
import java.util.OptionalLong;

/**
 * A fetched page that passed the reply guards, ready for the consumer.
 *
 * @param position where it was fetched
 * @param items its items
 * @param start the first item not yet delivered (a resumed page's skip)
 * @param total the provider's total count, if it gave one
 * @param after the page after it; null at the end of the partition
 * @param afterSkip the skip carried on into that page (a token made with larger pages)
 * @param <T> the item type
 */
record Fetched<T>(PagePosition position, List<T> items, int start, OptionalLong total, PagePosition after,
        long afterSkip) {

    /** Items the consumer has not seen yet, from {@code index}. */
    int remaining(int index) {
        return items.size() - index;
    }
}
