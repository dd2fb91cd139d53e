package dev.tasklens.domain.paging;

import dev.tasklens.domain.PartitionPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The consumer's side of a listing: the page it is reading, the items it delivered, and the rules
 * applied as it reads. Used by the consumer's thread only.
 *
 * <ul>
 *   <li>An item is delivered when its partition keeps it (local filters, slice) and, given an
 *       identity, when no item with an equal identity was delivered among the last {@link
 *       Pager#DEDUPLICATION_WINDOW} (compared exactly, so a distinct item is never held back; one
 *       seen again after that many others, or after a stop and a resume, may come twice).</li>
 *   <li>The limit caps the items delivered.</li>
 *   <li>Each page read is reported to the {@link ProgressGuard}, with whether it brought a new
 *       item: one delivered, or, given an identity, one its partition does not keep (a local filter
 *       or another slice's window) that the listing meets for the first time among the last {@link
 *       Pager#DEDUPLICATION_WINDOW} it passed over. Without an identity only a delivered item is new.</li>
 * </ul>
 *
 * @param <T> the item type
 */
final class Delivery<T> {

    private final Lanes<T> lanes;
    private final Function<? super T, String> identity;
    private final RecentSet<String> delivered;
    private final RecentSet<String> passedOver;
    private final ProgressGuard progress;
    private final OptionalLong limit;

    private Lane<T> lane;
    private Fetched<T> page;
    private int index;
    private boolean broughtNew;
    private long count;

    Delivery(Lanes<T> lanes, Optional<Function<? super T, String>> identity, ProgressGuard progress,
            OptionalLong limit) {
        this.lanes = lanes;
        this.identity = identity.orElse(null);
        this.delivered = identity.isPresent() ? new RecentSet<>(Pager.DEDUPLICATION_WINDOW) : null;
        this.passedOver = identity.isPresent() ? new RecentSet<>(Pager.DEDUPLICATION_WINDOW) : null;
        this.progress = progress;
        this.limit = limit;
    }

    /** The next item to deliver, or empty at the end of the listing or of its limit. */
    Optional<T> nextItem() {
        while (!limitReached()) {
            if (page != null) {
                List<T> items = page.items();
                while (index < items.size()) {
                    T item = items.get(index++);
                    if (keeps(item)) {
                        return Optional.of(item);
                    }
                }
            }
            if (!advance()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The items kept from the next page, or empty at the end of the listing. */
    Optional<List<T>> nextPage() {
        if (limitReached() || !advance()) {
            return Optional.empty();
        }
        List<T> kept = new ArrayList<>();
        List<T> items = page.items();
        while (index < items.size() && !limitReached()) {
            T item = items.get(index++);
            if (keeps(item)) {
                kept.add(item);
            }
        }
        return Optional.of(kept);
    }

    /** The provider's count on the page last read. */
    OptionalLong total() {
        return page == null ? OptionalLong.empty() : page.total();
    }

    boolean limitReached() {
        return limit.isPresent() && count >= limit.getAsLong();
    }

    /** Where a lane resumes, if the consumer is reading one of its pages. */
    Optional<PartitionPosition> reading(Lane<T> of) {
        if (of != lane || page == null) {
            return Optional.empty();
        }
        if (index < page.items().size()) {
            return Optional.of(PartitionPosition.at(lane.partition, page.position(), index));
        }
        return Optional.of(page.after() == null ? PartitionPosition.finished(lane.partition)
                : PartitionPosition.at(lane.partition, page.after(), page.afterSkip()));
    }

    private boolean keeps(T item) {
        if (delivered == null) {
            return lane.filter.test(item) && deliver();
        }
        String id = identity.apply(item);
        if (delivered.contains(id)) {
            return false;
        }
        if (!lane.filter.test(item)) {
            // Not wanted here (a filter the provider does not apply, another slice's task), but met for
            // the first time: the provider is moving through its list, which is progress, not a loop.
            broughtNew |= passedOver.add(id);
            return false;
        }
        delivered.add(id);
        return deliver();
    }

    private boolean deliver() {
        count++;
        broughtNew = true;
        return true;
    }

    /** Finishes the page read and takes the next one. */
    private boolean advance() {
        if (page != null) {
            Fetched<T> read = page;
            lane.delivered(read);
            lane = null;
            page = null;
            try {
                progress.pageRead(broughtNew, read.after() != null);
            } catch (RuntimeException stopped) {
                throw lanes.fail(stopped);
            }
        }
        Optional<Lanes.Taken<T>> taken = lanes.take(count);
        if (taken.isEmpty()) {
            return false;
        }
        lane = taken.get().lane();
        page = taken.get().page();
        index = page.start();
        broughtNew = false;
        return true;
    }
}
