package dev.tasklens.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Each reply carries a token for the next page; an empty (or absent) token means the list has
 * ended. Tencent MPS {@code DescribeTasks} (seed 001): "当该字段为空字符串,说明已无更多数据"
 * (an empty {@code ScrollToken} means there is no more data).
 *
 * <p>An empty page that still carries a token is followed, not taken as the end, so that no
 * task is lost; a token handed back twice stops the listing with an error instead.
 *
 * @param pageSize the page size limits
 */
public record ScrollToken(PageSizeLimits pageSize) implements PagingModel {

    /**
     * Checks the parts.
     *
     * @param pageSize see the record component
     * @throws NullPointerException if the limits are null
     */
    public ScrollToken {
        Objects.requireNonNull(pageSize, "pageSize");
    }

    /**
     * A scroll-token model.
     *
     * @param defaultSize the page size when the query sets none
     * @param maxSize the provider's maximum
     * @param parameter the provider's name for the page-size parameter
     * @return the model
     */
    public static ScrollToken of(int defaultSize, int maxSize, String parameter) {
        return new ScrollToken(PageSizeLimits.of(defaultSize, maxSize, parameter));
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
        return "scroll token, empty token ends the list (page size " + pageSize.describe() + ")";
    }
}
