package dev.tasklens.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Each reply names the cursor of the next page; no cursor means the end. Pages may be partial
 * or even empty before the end: Huawei KooDrive (seed 003) says "It is possible that partial or
 * empty result pages are returned before the end of the result list has been reached", so an
 * empty page with a cursor is never taken as the end.
 *
 * @param pageSize the page size limits
 */
public record Cursor(PageSizeLimits pageSize) implements PagingModel {

    /**
     * Checks the parts.
     *
     * @param pageSize see the record component
     * @throws NullPointerException if the limits are null
     */
    public Cursor {
        Objects.requireNonNull(pageSize, "pageSize");
    }

    /**
     * A cursor model.
     *
     * @param defaultSize the page size when the query sets none
     * @param maxSize the provider's maximum
     * @param parameter the provider's name for the page-size parameter
     * @return the model
     */
    public static Cursor of(int defaultSize, int maxSize, String parameter) {
        return new Cursor(PageSizeLimits.of(defaultSize, maxSize, parameter));
    }

    @Override
    public Optional<PagePosition> next(PageRequest request, ProviderPage<?> page) {
        return page.continuation().map(PagePosition::token);
    }

    @Override
    public boolean allowsEmptyPagesBeforeEnd() {
        return true;
    }

    @Override
    public String describe() {
        return "cursor, pages may be partial or empty before the end (page size " + pageSize.describe() + ")";
    }
}
