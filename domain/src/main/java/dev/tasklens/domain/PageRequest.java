package dev.tasklens.domain;

import java.util.Objects;

/**
 * What the paging engine asks a source for: one page of a query, from a position.
 *
 * @param query the query being listed
 * @param position where the page starts
 * @param pageSize how many items to ask for (already checked against the source's limits)
 */
public record PageRequest(TaskQuery query, PagePosition position, int pageSize) {

    /**
     * Checks the parts.
     *
     * @param query see the record component
     * @param position see the record component
     * @param pageSize see the record component
     * @throws IllegalArgumentException if the page size is not positive
     */
    public PageRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(position, "position");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
    }
}
