package dev.tasklens.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one partition of a listing stands, as a resume token records it: the page to fetch next,
 * or none once the partition was read to its end, and how many items of that page were already
 * delivered.
 *
 * @param partition the partition
 * @param next the page to resume the partition with; empty when it has finished
 * @param skip how many items at the start of that page were already delivered; 0 when finished
 */
public record PartitionPosition(Partition partition, Optional<PagePosition> next, long skip) {

    /**
     * Checks the parts.
     *
     * @param partition see the record component
     * @param next see the record component
     * @param skip see the record component
     * @throws IllegalArgumentException if the skip is negative, or set for a finished partition
     */
    public PartitionPosition {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(next, "next");
        if (skip < 0 || (next.isEmpty() && skip != 0)) {
            throw new IllegalArgumentException("a finished partition skips nothing, and a skip is never negative;"
                    + " got " + skip);
        }
    }

    /**
     * A partition to resume at a page.
     *
     * @param partition the partition
     * @param next the page to resume with
     * @param skip the items of that page already delivered
     * @return the position
     */
    public static PartitionPosition at(Partition partition, PagePosition next, long skip) {
        return new PartitionPosition(partition, Optional.of(next), skip);
    }

    /**
     * A partition read to its end.
     *
     * @param partition the partition
     * @return the position
     */
    public static PartitionPosition finished(Partition partition) {
        return new PartitionPosition(partition, Optional.empty(), 0);
    }

    /**
     * Whether the partition was read to its end.
     *
     * @return true when nothing of it remains
     */
    public boolean isFinished() {
        return next.isEmpty();
    }
}
