package dev.tasklens.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Each reply says whether more follows ({@code isTruncated}) and where the next page starts
 * ({@code nextMarker}). Baidu VOD {@code GET /v2/tasks} (seed 004).
 *
 * <p>The truncated flag decides, not the marker: Baidu's own example reply carries a
 * {@code nextMarker} together with {@code "isTruncated": false}, and that reply is the last.
 * A reply that says it is truncated but names no next marker cannot be continued and is
 * reported as malformed rather than silently cut short.
 *
 * @param pageSize the page size limits
 */
public record Marker(PageSizeLimits pageSize) implements PagingModel {

    /**
     * Checks the parts.
     *
     * @param pageSize see the record component
     * @throws NullPointerException if the limits are null
     */
    public Marker {
        Objects.requireNonNull(pageSize, "pageSize");
    }

    /**
     * A marker model.
     *
     * @param defaultSize the page size when the query sets none
     * @param maxSize the provider's maximum
     * @param parameter the provider's name for the page-size parameter
     * @return the model
     */
    public static Marker of(int defaultSize, int maxSize, String parameter) {
        return new Marker(PageSizeLimits.of(defaultSize, maxSize, parameter));
    }

    @Override
    public Optional<PagePosition> next(PageRequest request, ProviderPage<?> page) {
        if (!page.truncated()) {
            return Optional.empty();
        }
        String marker = page.continuation().orElseThrow(() -> new MalformedResponseException(
                request.query().source(),
                "the reply says more pages follow (isTruncated true) but names no nextMarker; the listing"
                        + " cannot continue without losing tasks",
                Optional.empty()));
        return Optional.of(PagePosition.token(marker));
    }

    @Override
    public boolean allowsEmptyPagesBeforeEnd() {
        return true;
    }

    @Override
    public String describe() {
        return "marker, isTruncated false ends the list (page size " + pageSize.describe() + ")";
    }
}
