package dev.tasklens.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Pages addressed by item offset and size, with a total count in each reply. Huawei MetaStudio
 * {@code GET /v2/{project_id}/ies/task} (seed 002) returns {@code offset}, {@code limit} and
 * {@code count}.
 *
 * <p>End-of-list rule: the list ends when the items seen reach the reported total; without a
 * total, when a page comes back shorter than asked for. An empty page always ends it, since the
 * offset could not advance.
 *
 * @param pageSize the page size limits
 */
public record OffsetLimit(PageSizeLimits pageSize) implements PagingModel {

    /**
     * Checks the parts.
     *
     * @param pageSize see the record component
     * @throws NullPointerException if the limits are null
     */
    public OffsetLimit {
        Objects.requireNonNull(pageSize, "pageSize");
    }

    /**
     * An offset/limit model.
     *
     * @param defaultSize the page size when the query sets none
     * @param maxSize the provider's maximum
     * @param parameter the provider's name for the page-size parameter
     * @return the model
     */
    public static OffsetLimit of(int defaultSize, int maxSize, String parameter) {
        return new OffsetLimit(PageSizeLimits.of(defaultSize, maxSize, parameter));
    }

    @Override
    public Optional<PagePosition> next(PageRequest request, ProviderPage<?> page) {
        if (page.items().isEmpty()) {
            return Optional.empty();
        }
        long offset = request.position() instanceof PagePosition.Offset at ? at.value() : 0L;
        long nextOffset = offset + page.items().size();
        boolean more = page.totalCount().isPresent()
                ? nextOffset < page.totalCount().getAsLong()
                : page.items().size() >= request.pageSize();
        return more ? Optional.of(PagePosition.offset(nextOffset)) : Optional.empty();
    }

    @Override
    public boolean allowsEmptyPagesBeforeEnd() {
        return false;
    }

    @Override
    public String describe() {
        return "offset/limit with total count (page size " + pageSize.describe() + ")";
    }
}
