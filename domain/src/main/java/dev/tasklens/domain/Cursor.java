package dev.tasklens.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Each reply names the page after it by a provider token; no token (or an empty one) ends the list,
 * and only that does: pages may be partial or even empty before the end. One rule for the APIs that
 * page this way under their own names:
 * <ul>
 *   <li>Tencent MPS {@code DescribeTasks} {@code ScrollToken} (seed 001):
 *       "当该字段为空字符串,说明已无更多数据" (an empty token means there is no more data).</li>
 *   <li>Huawei KooDrive {@code nextCursor} (seed 003): "It is possible that partial or empty result
 *       pages are returned before the end of the result list has been reached".</li>
 * </ul>
 * An empty page that still names a token is followed, not taken as the end, so no task is lost; a
 * token handed back twice, and pages that bring nothing new, stop the listing instead.
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
        return "cursor, no cursor ends the list, pages may be partial or empty before (page size "
                + pageSize.describe() + ")";
    }
}
