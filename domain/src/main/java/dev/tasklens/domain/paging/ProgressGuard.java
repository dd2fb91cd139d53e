package dev.tasklens.domain.paging;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceId;
import java.util.Optional;

/**
 * Stops a listing that makes no progress: more than a given number of pages in a row, over the
 * whole listing in the order the consumer reads them, that each point to another page and bring
 * no new item. A page brings nothing new when it is empty, or when every item on it was met
 * already in this listing: delivered, or passed over (dropped by a local filter, outside its
 * partition's slice). A task met for the first time is progress even when the query does not want
 * it: a status the provider cannot filter on may leave thousands of pages between two wanted
 * tasks. Some providers
 * send such pages before the end (KooDrive documents empty pages); none sends them forever, and a
 * provider that hands out fresh tokens for the same old tasks would otherwise be followed for ever.
 * Counted over the whole listing, so a provider that answers every partition this way is stopped
 * after as many pages as one that does so to a single partition.
 */
final class ProgressGuard {

    private final SourceId source;
    private final int maxPages;
    private int inARow;

    ProgressGuard(SourceId source, int maxPages) {
        this.source = source;
        this.maxPages = maxPages;
    }

    /**
     * Records a page the consumer finished reading.
     *
     * @param broughtNew whether it brought at least one item the listing had not met
     * @param pointsFurther whether its partition goes on after it
     * @throws MalformedResponseException once too many pages in a row brought nothing new
     */
    void pageRead(boolean broughtNew, boolean pointsFurther) {
        if (broughtNew) {
            inARow = 0;
            return;
        }
        if (pointsFurther && ++inARow > maxPages) {
            throw new MalformedResponseException(source, "the provider returned " + inARow + " pages in a row that"
                    + " brought no new task (empty, or only tasks this listing had already met), each"
                    + " pointing to another; the listing stops here as making no progress. If this provider really"
                    + " does that, raise the limit with maxPagesWithoutProgress", Optional.empty());
        }
    }
}
