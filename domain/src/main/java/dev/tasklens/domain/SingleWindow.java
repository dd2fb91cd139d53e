package dev.tasklens.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One request returns the whole list of a time window; there is no second page.
 * Tencent CLS {@code GET /tasks} (seed 000) works this way: it takes {@code start_time} and
 * {@code end_time} and nothing to page with.
 *
 * @param pageSize the page size limits; usually {@link PageSizeLimits#none()}
 */
public record SingleWindow(PageSizeLimits pageSize) implements PagingModel {

    /**
     * Checks the parts.
     *
     * @param pageSize see the record component
     * @throws NullPointerException if the limits are null
     */
    public SingleWindow {
        Objects.requireNonNull(pageSize, "pageSize");
    }

    /**
     * A single-window model with no page size.
     *
     * @return the model
     */
    public static SingleWindow create() {
        return new SingleWindow(PageSizeLimits.none());
    }

    /** Always the end: the only reply holds everything. */
    @Override
    public Optional<PagePosition> next(PageRequest request, ProviderPage<?> page) {
        return Optional.empty();
    }

    @Override
    public boolean allowsEmptyPagesBeforeEnd() {
        return false;
    }

    @Override
    public String describe() {
        return "single window (one request, one reply)";
    }
}
