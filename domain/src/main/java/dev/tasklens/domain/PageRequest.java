package dev.tasklens.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What the paging engine asks a source for: one page of a query, from a position.
 *
 * @param query the query being listed
 * @param position where the page starts
 * @param pageSize how many items to ask for (already checked against the source's limits)
 * @param term the provider's term the page's partition asks for, where the source splits a status
 *     by terms ({@link Partition#term()}); empty elsewhere
 */
public record PageRequest(TaskQuery query, PagePosition position, int pageSize, Optional<String> term) {

    /**
     * Checks the parts.
     *
     * @param query see the record component
     * @param position see the record component
     * @param pageSize see the record component
     * @param term see the record component
     * @throws IllegalArgumentException if the page size is not positive
     */
    public PageRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(position, "position");
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
    }

    /**
     * A request without a term.
     *
     * @param query the query being listed
     * @param position where the page starts
     * @param pageSize how many items to ask for
     * @throws IllegalArgumentException if the page size is not positive
     */
    public PageRequest(TaskQuery query, PagePosition position, int pageSize) {
        this(query, position, pageSize, Optional.empty());
    }

    /**
     * The provider's page token this page starts at (scroll token, marker or cursor).
     *
     * @return the token; empty at the start of a partition or for an offset
     */
    public Optional<String> token() {
        return position instanceof PagePosition.Token at ? Optional.of(at.value()) : Optional.empty();
    }
}
