package dev.tasklens.domain.paging;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.OffsetLimit;
import dev.tasklens.domain.Page;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageRequest;
import dev.tasklens.domain.PageSizeLimits;
import dev.tasklens.domain.PageToken;
import dev.tasklens.domain.PagingModel;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TokenSeal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One listing of one query: a lazy {@link #stream()} of items or an iteration of {@link
 * #pages()}, driven by a {@link PagingModel} and a {@link PageFetcher}.
 *
 * <ul>
 *   <li>Lazy: a page is fetched only when the consumer asks for an item beyond those already
 *       fetched, so {@code stream().limit(k)} fetches no page past the one holding item k.</li>
 *   <li>Each model's end-of-list rule decides when to stop; empty and partial pages are followed
 *       where the model allows them.</li>
 *   <li>A provider token handed back twice in one listing stops it with a {@link
 *       MalformedResponseException}, and so do more than {@link #DEFAULT_MAX_EMPTY_PAGES} empty
 *       pages in a row (each with a new token): a faulty provider cannot make it run forever.</li>
 *   <li>Given an identity ({@link #start(PagingModel, TaskQuery, PageFetcher, Predicate,
 *       Function, TokenSeal)}), each item comes at most once per listing, although a provider may
 *       list it again (a task that changes status while its statuses are scanned one after the
 *       other). The identities of the last {@link #DEDUPLICATION_WINDOW} items are kept; an item
 *       seen again after that many others may come twice, and so may one that changes between a
 *       stop and a resume.</li>
 *   <li>The query's {@link TaskQuery#limit()} caps the items over all pages; a query's {@link
 *       TaskQuery#resumeFrom()} token starts where an earlier listing stopped.</li>
 *   <li>Memory stays flat however many items flow: one page is held at a time, plus an 8-byte
 *       hash per provider token seen (for the loop check) and the bounded set of identities.</li>
 *   <li>A resume token is bound to the query, and to where the listing runs ({@link TokenSeal});
 *       resumed with another page size, it skips exactly the items already delivered.</li>
 * </ul>
 *
 * <p>A pager is used once, by one thread: call either {@link #stream()} or {@link #pages()},
 * once. Afterwards {@link #resumeToken()} says where to continue.
 *
 * @param <T> the item type
 */
public final class Pager<T> {

    /** How many empty pages in a row a listing follows before it stops as making no progress. */
    public static final int DEFAULT_MAX_EMPTY_PAGES = 100;
    /** How many items' identities a listing remembers to deliver each at most once. */
    public static final int DEDUPLICATION_WINDOW = 100_000;

    private final PagingModel model;
    private final TaskQuery query;
    private final PageFetcher<T> fetcher;
    private final Predicate<? super T> filter;
    private final int pageSize;
    private final Set<Long> seenTokens = new HashSet<>();
    private final Function<? super T, String> identity;
    private final TokenSeal seal;
    private final RecentKeys delivered = new RecentKeys(DEDUPLICATION_WINDOW);
    private int maxEmptyPages = DEFAULT_MAX_EMPTY_PAGES;
    private int emptyPagesInARow;

    /** The page to fetch next; null once the end-of-list rule said there is none. */
    private PagePosition nextPosition;
    /** Items to skip at the start of the next page fetched (from a resume token). */
    private long nextSkip;
    private List<T> current = List.of();
    private OptionalLong currentTotal = OptionalLong.empty();
    private PagePosition currentPosition;
    private int currentIndex;
    private long deliveredCount;
    private int fetches;
    private boolean started;
    private boolean pagesIterated;

    private Pager(PagingModel model, TaskQuery query, PageFetcher<T> fetcher, Predicate<? super T> filter,
            Function<? super T, String> identity, TokenSeal seal) {
        this.identity = identity;
        this.seal = Objects.requireNonNull(seal, "seal");
        this.model = Objects.requireNonNull(model, "model");
        this.query = Objects.requireNonNull(query, "query");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.filter = Objects.requireNonNull(filter, "filter");
        PageSizeLimits limits = model.pageSize();
        this.pageSize = query.pageSize().orElse(limits.defaultSize());
        if (pageSize > limits.maxSize()) {
            throw new InvalidQueryException(query.source(), "page size " + pageSize + " is above the maximum "
                    + limits.maxSize() + " of " + query.source() + " (" + limits.parameter() + "); use 1.."
                    + limits.maxSize());
        }
        query.resumeFrom().ifPresent(token -> token.checkSeal(seal, query.source()));
        this.nextPosition = query.resumeFrom().map(PageToken::position).orElse(PagePosition.start());
        this.nextSkip = query.resumeFrom().map(PageToken::skip).orElse(0L);
        if (nextPosition instanceof PagePosition.Token token) {
            seenTokens.add(hash(token.value()));
        }
    }

    /**
     * A listing that returns every item the source returns.
     *
     * @param model the provider's paging model
     * @param query the query (its page size, limit and resume token are honoured)
     * @param fetcher fetches one page
     * @param <T> the item type
     * @return the pager
     * @throws InvalidQueryException if the query's page size is above the model's maximum
     */
    public static <T> Pager<T> start(PagingModel model, TaskQuery query, PageFetcher<T> fetcher) {
        return new Pager<>(model, query, fetcher, item -> true, null, TokenSeal.none());
    }

    /**
     * A listing that keeps only the items a local filter accepts (the query's filters that the
     * source does not push down). The limit counts the items kept.
     *
     * @param model the provider's paging model
     * @param query the query (its page size, limit and resume token are honoured)
     * @param fetcher fetches one page
     * @param localFilter the items to keep
     * @param <T> the item type
     * @return the pager
     * @throws InvalidQueryException if the query's page size is above the model's maximum
     */
    public static <T> Pager<T> start(PagingModel model, TaskQuery query, PageFetcher<T> fetcher,
            Predicate<? super T> localFilter) {
        return new Pager<>(model, query, fetcher, localFilter, null, TokenSeal.none());
    }

    /**
     * A listing that keeps the items a local filter accepts, delivers each item (by its identity)
     * at most once, and binds its resume tokens with a seal.
     *
     * @param model the provider's paging model
     * @param query the query (its page size, limit and resume token are honoured)
     * @param fetcher fetches one page
     * @param localFilter the items to keep
     * @param identity an item's identity, such as a task's id
     * @param seal what the resume tokens are bound to and how they are protected
     * @param <T> the item type
     * @return the pager
     * @throws InvalidQueryException if the query's page size is above the model's maximum, or its
     *     resume token was made elsewhere or altered
     */
    public static <T> Pager<T> start(PagingModel model, TaskQuery query, PageFetcher<T> fetcher,
            Predicate<? super T> localFilter, Function<? super T, String> identity, TokenSeal seal) {
        return new Pager<>(model, query, fetcher, localFilter, Objects.requireNonNull(identity, "identity"), seal);
    }

    /**
     * How many empty pages in a row, each with a new page token, the listing follows before it
     * stops with a {@link MalformedResponseException} (some providers send empty pages before the
     * end; none sends them forever).
     *
     * @param pages at least 1; {@link #DEFAULT_MAX_EMPTY_PAGES} by default
     * @return this pager
     * @throws IllegalArgumentException if below 1
     */
    public Pager<T> maxEmptyPagesInARow(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("a listing must follow at least 1 empty page, got " + pages);
        }
        this.maxEmptyPages = pages;
        return this;
    }

    /**
     * The items, lazily, in the provider's order.
     *
     * @return a sequential stream that fetches pages as it is consumed
     * @throws IllegalStateException if this pager was already used
     */
    public Stream<T> stream() {
        claim();
        Iterator<T> items = new ItemIterator();
        Spliterator<T> spliterator = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                if (!items.hasNext()) {
                    return false;
                }
                action.accept(items.next());
                return true;
            }

            @Override
            public Spliterator<T> trySplit() {
                return null; // splitting would fetch pages ahead of the consumer
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    /**
     * The pages, lazily; each carries the token to resume after it.
     *
     * @return an iterable whose iterator may be taken once
     * @throws IllegalStateException if this pager was already used
     */
    public Iterable<Page<T>> pages() {
        claim();
        return PageIterator::new;
    }

    /**
     * Where to continue after what has been consumed so far: the next undelivered item.
     *
     * @return the token, or empty when the list was read to its end
     */
    public Optional<PageToken> resumeToken() {
        if (currentIndex < current.size()) {
            return Optional.of(PageToken.of(query, currentPosition, currentIndex, OptionalInt.empty(), seal));
        }
        if (nextPosition != null) {
            return Optional.of(PageToken.of(query, nextPosition, nextSkip, OptionalInt.empty(), seal));
        }
        return Optional.empty();
    }

    /**
     * How many pages this listing has fetched so far.
     *
     * @return the number of calls to the fetcher
     */
    public int fetches() {
        return fetches;
    }

    private void claim() {
        if (started) {
            throw new IllegalStateException("this listing was already consumed; start a new one (a pager is used"
                    + " once, through stream() or pages())");
        }
        started = true;
    }

    private boolean limitReached() {
        return query.limit().isPresent() && deliveredCount >= query.limit().getAsLong();
    }

    /** Fetches the page at {@link #nextPosition} into {@link #current} and applies the end-of-list rule. */
    private void fetchNextPage() {
        PageRequest request = new PageRequest(query, nextPosition, pageSize);
        ProviderPage<T> page = fetcher.fetch(request);
        fetches++;
        Optional<PagePosition> after = model.next(request, page);
        if (after.isPresent() && after.get() instanceof PagePosition.Token token) {
            if (!seenTokens.add(hash(token.value()))) {
                throw new MalformedResponseException(query.source(), "the provider returned the page token '"
                        + abbreviate(token.value()) + "' a second time (after " + fetches + " pages); the listing"
                        + " stops here so that it cannot loop forever. The tasks returned so far are complete up to"
                        + " this point; retry later, and report it to the provider if it persists", Optional.empty());
            }
            int length = token.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (length > PageToken.MAX_PROVIDER_TOKEN_BYTES) {
                throw new MalformedResponseException(query.source(), "the provider returned a page token of " + length
                        + " bytes, more than the " + PageToken.MAX_PROVIDER_TOKEN_BYTES + " a listing carries; the"
                        + " listing stops here", Optional.empty());
            }
        }
        emptyPagesInARow = page.items().isEmpty() && after.isPresent() ? emptyPagesInARow + 1 : 0;
        if (emptyPagesInARow > maxEmptyPages) {
            throw new MalformedResponseException(query.source(), "the provider returned " + emptyPagesInARow
                    + " empty pages in a row, each pointing to another; the listing stops here as making no progress."
                    + " If this provider really does that, raise the limit with maxEmptyPagesInARow", Optional.empty());
        }
        current = page.items();
        currentTotal = page.totalCount();
        currentPosition = nextPosition;
        // A skip longer than the page (a token made with larger pages) goes on into the next pages.
        currentIndex = (int) Math.min(nextSkip, current.size());
        nextSkip = after.isPresent() ? nextSkip - currentIndex : 0;
        nextPosition = after.orElse(null);
    }

    /**
     * Whether an item is new to this listing; records it. Items without an identity are always new.
     * An offset-paged list has no status scans a task could move between: an item handed back there
     * means the offset is read otherwise than the source sends it, or the list shifted under the
     * reader, and skipping it in silence could hide lost ones, so the listing stops.
     */
    private boolean firstTime(T item) {
        if (identity == null) {
            return true;
        }
        String key = identity.apply(item);
        if (delivered.add(key)) {
            return true;
        }
        if (model instanceof OffsetLimit) {
            throw new MalformedResponseException(query.source(), "offset paging handed back '" + abbreviate(key)
                    + "' a second time: the provider reads the offset otherwise than this source's offset rule"
                    + " sends it, or the list shifted while it was read; the listing stops rather than lose tasks"
                    + " in silence", Optional.empty());
        }
        return false;
    }

    private final class ItemIterator implements Iterator<T> {
        /** The item at currentIndex passed the checks already (hasNext may be called again before next). */
        private boolean pendingFirst;

        @Override
        public boolean hasNext() {
            if (limitReached()) {
                return false;
            }
            if (pendingFirst && currentIndex < current.size()) {
                return true;
            }
            while (true) {
                while (currentIndex < current.size()) {
                    T item = current.get(currentIndex);
                    if (filter.test(item) && firstTime(item)) {
                        pendingFirst = true;
                        return true;
                    }
                    currentIndex++;
                }
                if (nextPosition == null) {
                    return false;
                }
                fetchNextPage();
            }
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the listing has no more items");
            }
            pendingFirst = false;
            deliveredCount++;
            return current.get(currentIndex++);
        }
    }

    private final class PageIterator implements Iterator<Page<T>> {
        PageIterator() {
            if (pagesIterated) {
                throw new IllegalStateException("the pages of a listing can be iterated once; start a new listing"
                        + " to read them again");
            }
            pagesIterated = true;
        }

        @Override
        public boolean hasNext() {
            return nextPosition != null && !limitReached();
        }

        @Override
        public Page<T> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the listing has no more pages");
            }
            fetchNextPage();
            List<T> kept = new ArrayList<>();
            while (currentIndex < current.size() && !limitReached()) {
                T item = current.get(currentIndex++);
                if (filter.test(item) && firstTime(item)) {
                    kept.add(item);
                    deliveredCount++;
                }
            }
            return new Page<>(kept, resumeToken(), currentTotal);
        }
    }

    /** FNV-1a, 64 bits: a collision could only end a listing early with an error, never skip a page silently. */
    private static long hash(String token) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < token.length(); i++) {
            hash ^= token.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static String abbreviate(String token) {
        return token.length() <= 40 ? token : token.substring(0, 37) + "...";
    }
}
