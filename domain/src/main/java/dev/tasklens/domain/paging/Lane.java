package dev.tasklens.domain.paging;

import dev.tasklens.domain.OffsetLimit;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PagingModel;
import dev.tasklens.domain.Partition;
import dev.tasklens.domain.PartitionPosition;
import dev.tasklens.domain.TaskQuery;
import java.util.function.Predicate;

/**
 * One partition's paging state. The fetching side (the page to fetch next, whether one is in
 * flight or waiting for the consumer) is guarded by {@link Lanes}'s lock; the delivering side (the
 * oldest page not wholly delivered) belongs to the consumer.
 *
 * @param <T> the item type
 */
final class Lane<T> {

    final Partition partition;
    /** What the source is asked for this partition's pages. */
    final TaskQuery query;
    /** The items this partition keeps: the local filters and its slice. */
    final Predicate<? super T> filter;
    final ReplyGuard<T> guard;

    // Fetching side (Lanes' lock).
    /** The page to fetch next; null once the partition has no more. */
    PagePosition next;
    long nextSkip;
    boolean inFlight;
    /** A fetched page waiting for the consumer; at most one, so a partition is never more than one page ahead. */
    Fetched<T> ready;
    /** Planned, not fetched yet and at its start: its first page may split it. */
    boolean splittable;
    /** Pages fetched so far, for fair turns among the partitions. */
    int fetched;

    // Delivering side (the consumer): the oldest page not wholly delivered (null: the partition is done).
    PagePosition undelivered;
    long undeliveredSkip;

    Lane(PartitionPosition position, TaskQuery listed, PagingModel model, int pageSize, Predicate<? super T> filter,
            ReplyGuard<T> guard, boolean splittable) {
        this.partition = position.partition();
        this.query = partition.narrow(listed);
        this.filter = filter;
        this.guard = guard;
        PagePosition at = position.next().orElse(null);
        long skip = position.skip();
        // An offset resumed with another page size starts at the page that holds it and skips up to it:
        // item 10 at pages of 4 is page 2 (items 8..11) with 2 skipped, so any page size resumes exactly.
        if (model instanceof OffsetLimit && at instanceof PagePosition.Offset offset && offset.value() % pageSize != 0) {
            long into = offset.value() % pageSize;
            at = PagePosition.offset(offset.value() - into);
            skip += into;
        }
        this.next = at;
        this.nextSkip = skip;
        this.undelivered = at;
        this.undeliveredSkip = skip;
        this.splittable = splittable && at == PagePosition.start() && skip == 0;
        if (at != null) {
            guard.startsAt(at);
        }
    }

    /** Nothing left to fetch or to hand over. */
    boolean exhausted() {
        return next == null && !inFlight && ready == null;
    }

    /** May a fetch start here: idle, nothing waiting, and more to fetch. */
    boolean idle() {
        return !inFlight && ready == null && next != null;
    }

    /** The consumer finished a page of this partition. */
    void delivered(Fetched<T> page) {
        undelivered = page.after();
        undeliveredSkip = page.afterSkip();
    }

    /** Where this partition resumes when the consumer is not reading one of its pages. */
    PartitionPosition resumePosition() {
        return undelivered == null ? PartitionPosition.finished(partition)
                : PartitionPosition.at(partition, undelivered, undeliveredSkip);
    }
}
