package dev.tasklens.domain;

/**
 * A filter of {@link TaskQuery} that a source may push down to its provider. A filter a source
 * does not push down is applied locally by the paging engine, so a query means the same on
 * every source.
 */
public enum QueryFilter {
    /** {@link TaskQuery#statuses()}. */
    STATUS,
    /** {@link TaskQuery#createdFrom()} and {@link TaskQuery#createdTo()}. */
    CREATED_TIME
}
