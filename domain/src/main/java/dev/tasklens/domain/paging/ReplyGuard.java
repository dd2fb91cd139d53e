package dev.tasklens.domain.paging;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.OffsetLimit;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.PageToken;
import dev.tasklens.domain.PagingModel;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.SourceId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks one partition's replies pass before the consumer sees them: the model's end-of-list
 * rule, then the guards that keep a faulty or hostile provider from making a listing loop or lose
 * tasks in silence. One per partition; its replies come one at a time.
 *
 * <ul>
 *   <li>A provider token handed back a second time stops the listing. The partition remembers a
 *       64-bit hash of its last {@value #TOKENS_REMEMBERED} tokens (bounded, however long the
 *       listing): a collision could only stop a listing early with this error, never skip a page.
 *       A loop longer than that brings only tasks already delivered, which the consumer's
 *       {@link ProgressGuard} stops.</li>
 *   <li>A provider token longer than {@link PageToken#MAX_PROVIDER_TOKEN_BYTES} stops it (a resume
 *       token carries every partition's).</li>
 *   <li>Offset paging ({@link OffsetLimit}): an item handed back within the same partition, among
 *       its last {@value #OFFSET_PAGES_REMEMBERED} pages, stops it. Nothing else in one partition
 *       could list it again, so it means the provider reads the offset otherwise than the source
 *       sends it (an item count for a page number: each page then overlaps the one before, and
 *       the tail is never reached), or the list shifted under the reader. Checked per partition,
 *       so it holds however the query is partitioned.</li>
 * </ul>
 *
 * @param <T> the item type
 */
final class ReplyGuard<T> {

    /** How many of its page tokens a partition remembers to tell a repeated one. */
    static final int TOKENS_REMEMBERED = 1_000;
    /** How many of its last pages an offset-paged partition remembers the items of. */
    static final int OFFSET_PAGES_REMEMBERED = 4;

    private final SourceId source;
    private final PagingModel model;
    private final RecentSet<Long> tokens = new RecentSet<>(TOKENS_REMEMBERED);
    /** Identities of the partition's last items, for offset paging; null otherwise. */
    private final RecentSet<String> offsetItems;
    private final Function<? super T, String> identity;

    ReplyGuard(SourceId source, PagingModel model, Optional<Function<? super T, String>> identity, int pageSize) {
        this.source = source;
        this.model = model;
        this.identity = identity.orElse(null);
        this.offsetItems = model instanceof OffsetLimit && identity.isPresent()
                ? new RecentSet<>(2 * OFFSET_PAGES_REMEMBERED * pageSize) : null;
    }

    /** The partition starts (or resumes) at this position: its token counts as seen. */
    void startsAt(PagePosition position) {
        if (position instanceof PagePosition.Token token) {
            tokens.add(hash(token.value()));
        }
    }

    /**
     * Applies the end-of-list rule and the guards to a reply.
     *
     * @param request the request that fetched it
     * @param skip how many of its first items were already delivered
     * @param page the reply
     * @return the page for the consumer
     * @throws MalformedResponseException if a guard stops the listing
     */
    Fetched<T> accept(PageRequest request, long skip, ProviderPage<T> page) {
        Optional<PagePosition> after = model.next(request, page);
        if (after.isPresent() && after.get() instanceof PagePosition.Token token) {
            checkToken(token.value());
        }
        if (offsetItems != null) {
            checkOffsetItems(page);
        }
        // A skip longer than the page (a token made with larger pages) goes on into the next pages.
        int start = (int) Math.min(skip, page.items().size());
        return new Fetched<>(request.position(), page.items(), start, page.totalCount(), after.orElse(null),
                after.isPresent() ? skip - start : 0);
    }

    private void checkToken(String token) {
        if (!tokens.add(hash(token))) {
            throw new MalformedResponseException(source, "the provider returned the page token '" + abbreviate(token)
                    + "' a second time; the listing stops here so that it cannot loop forever. The tasks returned"
                    + " so far are complete up to this point; retry later, and report it to the provider if it"
                    + " persists", Optional.empty());
        }
        int length = token.getBytes(StandardCharsets.UTF_8).length;
        if (length > PageToken.MAX_PROVIDER_TOKEN_BYTES) {
            throw new MalformedResponseException(source, "the provider returned a page token of " + length
                    + " bytes, more than the " + PageToken.MAX_PROVIDER_TOKEN_BYTES + " a listing carries; the"
                    + " listing stops here", Optional.empty());
        }
    }

    private void checkOffsetItems(ProviderPage<T> page) {
        for (T item : page.items()) {
            String key = identity.apply(item);
            if (!offsetItems.add(key)) {
                throw new MalformedResponseException(source, "offset paging handed back '" + abbreviate(key)
                        + "' a second time in one part of the listing: the provider reads the offset otherwise"
                        + " than this source's offset rule sends it, or the list shifted while it was read; the"
                        + " listing stops rather than lose tasks in silence", Optional.empty());
            }
        }
    }

    /** FNV-1a, 64 bits. */
    private static long hash(String token) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < token.length(); i++) {
            hash ^= token.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
