package dev.tasklens.domain.paging;

import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.ProviderPage;

/**
 * Fetches one page from a provider. The paging engine calls it only when the consumer needs
 * the next item, and never twice for the same position in one listing.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<T> {

    /**
     * Fetches one page.
     *
     * @param request the query, the position and the page size
     * @return the provider's page
     * @throws dev.tasklens.domain.TaskLensException when the provider or the transport fails
     */
    ProviderPage<T> fetch(PageRequest request);
}
