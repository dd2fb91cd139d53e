package dev.tasklens.domain.paging;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.Page;
import dev.tasklens.domain.PagePosition;
import dev.tasklens.domain.PageSizeLimits;
import dev.tasklens.domain.PageToken;
import dev.tasklens.domain.PagingModel;
import dev.tasklens.domain.Partition;
import dev.tasklens.domain.PartitionPosition;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TokenSeal;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One listing of one query: a lazy {@link #stream()} of items or an iteration of {@link
 * #pages()}, driven by a {@link PagingModel} and a {@link PageFetcher}. Made with {@link
 * #builder}.
 *
 * <ul>
 *   <li>Lazy: a page is fetched only when the consumer needs it, or one page ahead of it in a
 *       partition it reads; {@code stream().limit(k)} with no concurrency fetches no page past the
 *       one holding item k.</li>
 *   <li>Each model's end-of-list rule decides when a partition ends; empty and partial pages are
 *       followed where the model allows them.</li>
 *   <li>Never endless: a provider token handed back twice in a partition, an item handed back in an
 *       offset-paged partition, and more than {@link
 *       #DEFAULT_MAX_PAGES_WITHOUT_PROGRESS} pages in a row over the listing that bring no new item
 *       ({@link Builder#maxPagesWithoutProgress}) each stop it with a {@link MalformedResponseException}.</li>
 *   <li>Given an {@linkplain Builder#identity identity}, an item whose identity equals one of the
 *       last {@link #DEDUPLICATION_WINDOW} delivered is not delivered again, although a provider
 *       may list it again (a task that changes status while its statuses are scanned). Identities
 *       are compared exactly: a distinct item is never held back. An item seen again after that
 *       many others, or one that changes between a stop and a resume, may come twice.</li>
 *   <li>The query's {@link TaskQuery#limit()} caps the items over all pages; its {@link
 *       TaskQuery#resumeFrom()} token starts where an earlier listing stopped, bound to the query
 *       and to where the listing runs ({@link TokenSeal}). Resumed with another page size, it skips
 *       exactly the items already delivered.</li>
 *   <li>Memory stays flat however many items flow: at most two pages per partition, the bounded
 *       set of identities, and each partition's bounded guards.</li>
 * </ul>
 *
 * <p>Partitions ({@link Builder#partitions}: status requests, slices of the window) are paged at
 * the same time, up to {@link Concurrency#pages()} pages out at once; pages are
 * delivered whole, in the order they arrive, and the resume token records every partition's
 * position. A planned partition whose first page points further may be cut into slices ({@link
 * Splitter}). {@link Concurrency#sequential()} runs the same engine with every fetch on the
 * consumer's thread, when it needs the page. A failed fetch stops the listing once the pages already
 * fetched were delivered; the resume token then starts the failed partition at the page that failed.
 *
 * <p>A pager is used once, by one thread: call either {@link #stream()} or {@link #pages()}, once.
 * Afterwards {@link #resumeToken()} says where to continue. Fetches may run on other threads; the
 * fetcher must be thread-safe then.
 *
 * @param <T> the item type
 */
public final class Pager<T> {

    /** How many pages in a row without a new item a listing follows before it stops as making no progress. */
    public static final int DEFAULT_MAX_PAGES_WITHOUT_PROGRESS = 100;
    /** How many items' identities a listing remembers to deliver each at most once. */
    public static final int DEDUPLICATION_WINDOW = 100_000;

    private final TaskQuery query;
    private final TokenSeal seal;
    private final Lanes<T> lanes;
    private final Delivery<T> delivery;
    private boolean started;

    private Pager(Builder<T> builder) {
        this.query = builder.query;
        this.seal = builder.seal;
        PagingModel model = builder.model;
        PageSizeLimits limits = model.pageSize();
        int pageSize = query.pageSize().orElse(limits.defaultSize());
        if (pageSize > limits.maxSize()) {
            throw new InvalidQueryException(query.source(), "page size " + pageSize + " is above the maximum "
                    + limits.maxSize() + " of " + query.source() + " (" + limits.parameter() + "); use 1.."
                    + limits.maxSize());
        }
        query.resumeFrom().ifPresent(token -> token.checkSeal(seal, query.source()));
        boolean resumed = query.resumeFrom().isPresent();
        List<PartitionPosition> positions = query.resumeFrom().map(PageToken::partitions).orElseGet(() ->
                builder.plan.orElseGet(() -> List.of(Partition.whole(query))).stream()
                        .map(part -> PartitionPosition.at(part, PagePosition.start(), 0)).toList());
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("a listing needs at least one partition");
        }
        Lanes.LaneMaker<T> maker = (position, planned) -> new Lane<>(position, query, model, pageSize,
                Objects.requireNonNull(builder.filters.apply(position.partition()), "filter"),
                new ReplyGuard<>(query.source(), model, builder.identity, pageSize), planned);
        this.lanes = new Lanes<>(query.source(), builder.fetcher, pageSize, builder.concurrency, builder.splitter,
                maker, query.limit(), positions, !resumed);
        this.delivery = new Delivery<>(lanes, builder.identity, new ProgressGuard(query.source(),
                builder.maxPagesWithoutProgress), query.limit());
    }

    /**
     * Starts a listing: the model, the query and the fetcher are all it needs; the rest is optional.
     *
     * @param model the provider's paging model
     * @param query the query (its page size, limit and resume token are honoured)
     * @param fetcher fetches one page
     * @param <T> the item type
     * @return a builder
     */
    public static <T> Builder<T> builder(PagingModel model, TaskQuery query, PageFetcher<T> fetcher) {
        return new Builder<>(model, query, fetcher);
    }

    /**
     * The items, lazily, in the provider's order (partitions' pages in the order they arrive).
     * Closing the stream stops fetching ahead.
     *
     * @return a sequential stream that fetches pages as it is consumed
     * @throws IllegalStateException if this pager was already used
     */
    public Stream<T> stream() {
        claim();
        Spliterator<T> items = new Spliterators.AbstractSpliterator<T>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                Optional<T> item = delivery.nextItem();
                item.ifPresent(action);
                return item.isPresent();
            }

            @Override
            public Spliterator<T> trySplit() {
                return null; // splitting would hand pages to threads the consumer does not drive
            }
        };
        return StreamSupport.stream(items, false).onClose(lanes::close);
    }

    /**
     * The pages, lazily; each carries the token to resume after it.
     *
     * @return an iterable whose iterator may be taken once
     * @throws IllegalStateException if this pager was already used
     */
    public Iterable<Page<T>> pages() {
        claim();
        Iterator<Page<T>> pages = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !delivery.limitReached() && lanes.more();
            }

            @Override
            public Page<T> next() {
                List<T> kept = delivery.nextPage().orElseThrow(() ->
                        new NoSuchElementException("the listing has no more pages"));
                return new Page<>(kept, resumeToken(), delivery.total());
            }
        };
        boolean[] taken = new boolean[1];
        return () -> {
            if (taken[0]) {
                throw new IllegalStateException("the pages of a listing can be iterated once; start a new listing"
                        + " to read them again");
            }
            taken[0] = true;
            return pages;
        };
    }

    /**
     * Where to continue after what has been consumed so far: the next undelivered item of every
     * partition.
     *
     * @return the token, or empty when the list was read to its end
     */
    public Optional<PageToken> resumeToken() {
        List<PartitionPosition> positions = lanes.positions(delivery::reading);
        if (positions.stream().allMatch(PartitionPosition::isFinished)) {
            return Optional.empty();
        }
        return Optional.of(PageToken.of(query, positions, OptionalInt.empty(), seal));
    }

    /**
     * Stops fetching ahead: only a consumer that asks for a page starts a fetch from now on. Closing
     * the {@link #stream()} does the same. A consumer that walks away without closing causes at most
     * as many fetches ahead as it had taken pages (up to the concurrency).
     */
    public void close() {
        lanes.close();
    }

    /**
     * How many pages this listing has fetched, or started to fetch, so far.
     *
     * @return the number of calls to the fetcher
     */
    public int fetches() {
        return lanes.fetches();
    }

    private void claim() {
        if (started) {
            throw new IllegalStateException("this listing was already consumed; start a new one (a pager is used"
                    + " once, through stream() or pages())");
        }
        started = true;
    }

    /**
     * Configures a {@link Pager}. Only the model, the query and the fetcher are required: by default
     * every item is kept, none is deduplicated, tokens are not sealed, the query is one partition,
     * and pages are fetched one at a time on the consumer's thread.
     *
     * @param <T> the item type
     */
    public static final class Builder<T> {
        private final PagingModel model;
        private final TaskQuery query;
        private final PageFetcher<T> fetcher;
        private Function<Partition, ? extends Predicate<? super T>> filters = part -> item -> true;
        private Optional<Function<? super T, String>> identity = Optional.empty();
        private TokenSeal seal = TokenSeal.none();
        private Optional<List<Partition>> plan = Optional.empty();
        private Concurrency concurrency = Concurrency.sequential();
        private Splitter<T> splitter = Splitter.never();
        private int maxPagesWithoutProgress = DEFAULT_MAX_PAGES_WITHOUT_PROGRESS;

        private Builder(PagingModel model, TaskQuery query, PageFetcher<T> fetcher) {
            this.model = Objects.requireNonNull(model, "model");
            this.query = Objects.requireNonNull(query, "query");
            this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        }

        /**
         * Keeps only the items a local filter accepts (the query's filters the source does not push
         * down). The limit counts the items kept.
         *
         * @param keep the items to keep
         * @return this builder
         */
        public Builder<T> filter(Predicate<? super T> keep) {
            Objects.requireNonNull(keep, "filter");
            this.filters = part -> keep;
            return this;
        }

        /**
         * Keeps, per partition, the items its filter accepts (the local filters and the partition's
         * slice of the window).
         *
         * @param keep the filter of each partition
         * @return this builder
         */
        public Builder<T> filterPerPartition(Function<Partition, ? extends Predicate<? super T>> keep) {
            this.filters = Objects.requireNonNull(keep, "filters");
            return this;
        }

        /**
         * Delivers each item at most once by this identity (such as a task's id), and stops an
         * offset-paged partition that hands an item back.
         *
         * @param of an item's identity
         * @return this builder
         */
        public Builder<T> identity(Function<? super T, String> of) {
            this.identity = Optional.of(Objects.requireNonNull(of, "identity"));
            return this;
        }

        /**
         * Binds and protects the resume tokens.
         *
         * @param value what the tokens are bound to ({@link TokenSeal#none()} by default)
         * @return this builder
         */
        public Builder<T> seal(TokenSeal value) {
            this.seal = Objects.requireNonNull(value, "seal");
            return this;
        }

        /**
         * Splits the query into these partitions, which together cover it; the fetcher is asked
         * for each one's pages with the query {@linkplain Partition#narrow narrowed} to it. A resumed
         * query goes on with the partitions its token records instead.
         *
         * @param value at least one partition
         * @return this builder
         * @throws IllegalArgumentException if empty
         */
        public Builder<T> partitions(List<Partition> value) {
            if (value.isEmpty()) {
                throw new IllegalArgumentException("a listing needs at least one partition");
            }
            this.plan = Optional.of(List.copyOf(value));
            return this;
        }

        /**
         * How many pages may be out at once, and where fetches run.
         *
         * @param value {@link Concurrency#sequential()} by default
         * @return this builder
         */
        public Builder<T> concurrency(Concurrency value) {
            this.concurrency = Objects.requireNonNull(value, "concurrency");
            return this;
        }

        /**
         * What a planned partition whose first page points to another becomes.
         *
         * @param value {@link Splitter#never()} by default
         * @return this builder
         */
        public Builder<T> splitter(Splitter<T> value) {
            this.splitter = Objects.requireNonNull(value, "splitter");
            return this;
        }

        /**
         * How many pages in a row that bring no new item, each pointing to another, the listing
         * follows before it stops with a {@link MalformedResponseException}. Counted over the whole
         * listing.
         *
         * @param pages at least 1; {@link #DEFAULT_MAX_PAGES_WITHOUT_PROGRESS} by default
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder<T> maxPagesWithoutProgress(int pages) {
            if (pages < 1) {
                throw new IllegalArgumentException("a listing must follow at least 1 page without progress, got "
                        + pages);
            }
            this.maxPagesWithoutProgress = pages;
            return this;
        }

        /**
         * The listing, ready to be consumed once.
         *
         * @return the pager
         * @throws InvalidQueryException if the query's page size is above the model's maximum, or its
         *     resume token was made elsewhere or altered
         */
        public Pager<T> build() {
            return new Pager<>(this);
        }
    }
}
