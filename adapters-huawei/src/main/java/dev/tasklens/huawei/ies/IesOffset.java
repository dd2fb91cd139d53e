package dev.tasklens.huawei.ies;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceId;
import java.util.Optional;

/**
 * How MetaStudio's {@code offset} is read, kept in one place because the document leaves it open:
 * the request table has no paging parameters, and the response's {@code offset} is "No. of the
 * query start page. The value starts from 0" (seed 002). So {@code offset} is sent as a page
 * number, with {@code limit} the page size, and the listing's item position is
 * {@code offset × limit}.
 *
 * <p>The reading is checked on every reply, so that a provider that reads it otherwise fails the
 * listing with an error naming this rule instead of losing or repeating tasks in silence: the
 * echoed {@code offset} and {@code limit} must be the ones sent, and a page that ends the list
 * short of {@code count} is an error.
 */
final class IesOffset {

    private static final SourceId ID = SourceId.HUAWEI_IES;
    private static final String RULE = "offset is read as a page number (seed 002: \"No. of the query start"
            + " page. The value starts from 0\")";

    private IesOffset() {
    }

    /** The page number of an item position. */
    static long page(long itemOffset, int limit) {
        if (itemOffset % limit != 0) {
            throw new InvalidQueryException(ID, "the listing stands at item " + itemOffset + ", which is not the start"
                    + " of a page of " + limit + "; resume with the page size the listing was started with");
        }
        return itemOffset / limit;
    }

    /** Checks a reply against the reading; {@code items} is how many tasks the page holds. */
    static void check(long page, int limit, Optional<Long> echoedOffset, Optional<Long> echoedLimit, long count,
            int items, Optional<String> requestId) {
        if (echoedOffset.isPresent() && echoedOffset.get() != page
                || echoedLimit.isPresent() && echoedLimit.get() != limit) {
            throw new MalformedResponseException(ID, "the reply echoes offset " + echoedOffset.orElse(-1L) + " and"
                    + " limit " + echoedLimit.orElse(-1L) + " for a request of offset " + page + " and limit " + limit
                    + "; the listing stops, since " + RULE + " and the provider reads it otherwise", requestId);
        }
        long seen = page * limit + items;
        if (items < limit && seen < count) {
            throw new MalformedResponseException(ID, "the list ended at " + seen + " of the " + count + " tasks its"
                    + " count promises; the listing stops rather than lose tasks in silence, since " + RULE
                    + " and the provider may read it otherwise", requestId);
        }
    }
}
