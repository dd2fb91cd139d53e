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
import dev.tasklens.domain.Partition;
import dev.tasklens.domain.PartitionPosition;
import dev.tasklens.domain.ProviderPage;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.domain.TransportException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
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
 * <p>Partitioned and concurrent ({@link #start(PagingModel, TaskQuery, PageFetcher, Function,
 * Function, TokenSeal, List, Concurrency)}): the query's {@link Partition}s (status requests,
 * slices of the window) are paged at the same time, up to {@link Concurrency#pages()} pages in
 * flight, each partition one page ahead of the consumer and never more, so memory holds at most
 * two pages per partition whatever the listing's length. Pages are delivered whole, in the order
 * they arrive; the resume token records every partition's position. With a {@link
 * TaskQuery#limit()}, a page is fetched only while the items delivered, held and in flight could
 * fall short of it. A failed fetch stops the listing once the pages already fetched were
 * delivered; the resume token then starts the failed partition at the page that failed.
 *
 * <p>A pager is used once, by one thread: call either {@link #stream()} or {@link #pages()},
 * once. Afterwards {@link #resumeToken()} says where to continue. Fetches may run on other
 * threads; the fetcher must be thread-safe then.
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
    private final int pageSize;
    private final Function<? super T, String> identity;
    private final TokenSeal seal;
    private final int concurrency;
    private final Executor executor;
    private final Function<Partition, ? extends Predicate<? super T>> filters;
    private final Splitter<T> splitter;
    /**
     * The listing reads one partition: no other scan could list a task again (status scans can, as a
     * task changes status; slices can, for a task whose creation time the provider left out).
     */
    private volatile boolean onePartition;
    /** Changed by a split, under the lock, while the consumer and the fetches read it. */
    private final List<Lane> lanes = new ArrayList<>();
    private final RecentKeys delivered = new RecentKeys(DEDUPLICATION_WINDOW);
    private volatile int maxEmptyPages = DEFAULT_MAX_EMPTY_PAGES;

    // Shared with the fetching threads; guarded by lock.
    private final Object lock = new Object();
    private final Deque<Lane> arrived = new ArrayDeque<>();
    private int inFlight;
    private int fetches;
    private Throwable failure;
    private boolean closed;
    /** Pages the consumer has taken; pages in flight never outnumber them (at least one is). */
    private int pagesTaken;
    /** Pages in a row, over all partitions as they arrive, that held no item and pointed to another. */
    private int emptyPagesInARow;

    // The consumer's page; touched by the consumer's thread only.
    private Lane currentLane;
    private Fetched<T> current;
    private int currentIndex;
    private long deliveredCount;
    private boolean started;
    private boolean pagesIterated;

    private Pager(PagingModel model, TaskQuery query, PageFetcher<T> fetcher,
            Function<Partition, ? extends Predicate<? super T>> filters, Function<? super T, String> identity,
            TokenSeal seal, List<Partition> plan, Concurrency concurrency, Splitter<T> splitter) {
        this.identity = identity;
        this.filters = filters;
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.seal = Objects.requireNonNull(seal, "seal");
        this.model = Objects.requireNonNull(model, "model");
        this.query = Objects.requireNonNull(query, "query");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(filters, "filters");
        this.concurrency = concurrency.pages();
        this.executor = concurrency.executor().orElse(null);
        PageSizeLimits limits = model.pageSize();
        this.pageSize = query.pageSize().orElse(limits.defaultSize());
        if (pageSize > limits.maxSize()) {
            throw new InvalidQueryException(query.source(), "page size " + pageSize + " is above the maximum "
                    + limits.maxSize() + " of " + query.source() + " (" + limits.parameter() + "); use 1.."
                    + limits.maxSize());
        }
        query.resumeFrom().ifPresent(token -> token.checkSeal(seal, query.source()));
        List<PartitionPosition> positions = query.resumeFrom().map(PageToken::partitions).orElseGet(() ->
                plan.stream().map(part -> PartitionPosition.at(part, PagePosition.start(), 0)).toList());
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("a listing needs at least one partition");
        }
        for (PartitionPosition position : positions) {
            lanes.add(new Lane(position, true));
        }
        this.onePartition = lanes.size() == 1;
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
        return start(model, query, fetcher, item -> true);
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
        Objects.requireNonNull(localFilter, "filter");
        return new Pager<>(model, query, fetcher, part -> localFilter, null, TokenSeal.none(),
                List.of(Partition.whole(query)), Concurrency.sequential(), Splitter.<T>never());
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
        Objects.requireNonNull(localFilter, "filter");
        return new Pager<>(model, query, fetcher, part -> localFilter, Objects.requireNonNull(identity, "identity"),
                seal, List.of(Partition.whole(query)), Concurrency.sequential(), Splitter.<T>never());
    }

    /**
     * A listing of a query split into partitions, paged at the same time. The fetcher is asked for
     * each partition's pages with the query {@linkplain Partition#narrow narrowed} to it. A resumed
     * query goes on with the partitions its token records; {@code plan} is used otherwise.
     *
     * @param model the provider's paging model
     * @param query the query (its page size, limit and resume token are honoured)
     * @param fetcher fetches one page; called from the concurrency's threads
     * @param filters the items each partition keeps (the local filters, and the partition's slice)
     * @param identity an item's identity: an item found by two partitions comes once
     * @param seal what the resume tokens are bound to and how they are protected
     * @param plan the partitions, at least one, together covering the query
     * @param concurrency how many pages are in flight at once, and where
     * @param <T> the item type
     * @return the pager
     * @throws InvalidQueryException if the query's page size is above the model's maximum, or its
     *     resume token was made elsewhere or altered
     * @throws IllegalArgumentException if the plan is empty
     */
    public static <T> Pager<T> start(PagingModel model, TaskQuery query, PageFetcher<T> fetcher,
            Function<Partition, ? extends Predicate<? super T>> filters, Function<? super T, String> identity,
            TokenSeal seal, List<Partition> plan, Concurrency concurrency) {
        return start(model, query, fetcher, filters, identity, seal, plan, concurrency, Splitter.<T>never());
    }

    /**
     * A partitioned listing whose partitions may split further once their first page shows they
     * hold more ({@link Splitter}); only a concurrent listing splits.
     *
     * @param model the provider's paging model
     * @param query the query (its page size, limit and resume token are honoured)
     * @param fetcher fetches one page; called from the concurrency's threads
     * @param filters the items each partition keeps (the local filters, and the partition's slice)
     * @param identity an item's identity: an item found by two partitions comes once
     * @param seal what the resume tokens are bound to and how they are protected
     * @param plan the partitions, at least one, together covering the query
     * @param concurrency how many pages are in flight at once, and where
     * @param splitter what a partition whose first page points to another becomes
     * @param <T> the item type
     * @return the pager
     * @throws InvalidQueryException if the query's page size is above the model's maximum, or its
     *     resume token was made elsewhere or altered
     * @throws IllegalArgumentException if the plan is empty
     */
    public static <T> Pager<T> start(PagingModel model, TaskQuery query, PageFetcher<T> fetcher,
            Function<Partition, ? extends Predicate<? super T>> filters, Function<? super T, String> identity,
            TokenSeal seal, List<Partition> plan, Concurrency concurrency, Splitter<T> splitter) {
        return new Pager<>(model, query, fetcher, filters, Objects.requireNonNull(identity, "identity"), seal,
                List.copyOf(plan), Objects.requireNonNull(concurrency, "concurrency"), splitter);
    }

    /**
     * How many empty pages in a row, each with a new page token, the listing follows before it
     * stops with a {@link MalformedResponseException} (some providers send empty pages before the
     * end; none sends them forever). Counted per partition.
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
     * The items, lazily, in the provider's order (partitions' pages in the order they arrive).
     * Closing the stream stops fetching ahead.
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
                return null; // splitting would hand pages to threads the consumer does not drive
            }
        };
        return StreamSupport.stream(spliterator, false).onClose(this::close);
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
     * Where to continue after what has been consumed so far: the next undelivered item of every
     * partition.
     *
     * @return the token, or empty when the list was read to its end
     */
    public Optional<PageToken> resumeToken() {
        List<PartitionPosition> positions = new ArrayList<>();
        synchronized (lock) {
            for (Lane lane : lanes) {
                positions.add(lane.resumePosition());
            }
        }
        if (positions.stream().allMatch(PartitionPosition::isFinished)) {
            return Optional.empty();
        }
        return Optional.of(PageToken.of(query, positions, OptionalInt.empty(), seal));
    }

    /**
     * How many pages this listing has fetched, or started to fetch, so far.
     *
     * @return the number of calls to the fetcher
     */
    public int fetches() {
        synchronized (lock) {
            return fetches;
        }
    }

    private void claim() {
        if (started) {
            throw new IllegalStateException("this listing was already consumed; start a new one (a pager is used"
                    + " once, through stream() or pages())");
        }
        started = true;
    }

    private void close() {
        synchronized (lock) {
            closed = true;
        }
    }

    private boolean limitReached() {
        return query.limit().isPresent() && deliveredCount >= query.limit().getAsLong();
    }

    /**
     * Moves the consumer to the next page that arrived (fetching it first when sequential).
     *
     * @return false when every partition was read to its end
     */
    private boolean nextPage() {
        if (currentLane != null) {
            currentLane.delivered(current);
            currentLane = null;
            current = null;
        }
        if (executor == null) {
            for (Lane lane : lanes) {
                if (lane.next != null) {
                    install(lane, fetchNow(lane));
                    return true;
                }
            }
            return false;
        }
        synchronized (lock) {
            while (true) {
                Lane lane = arrived.poll();
                if (lane != null) {
                    Fetched<T> page = lane.ready;
                    lane.ready = null;
                    install(lane, page);
                    dispatch(true);
                    return true;
                }
                if (failure != null) {
                    awaitQuiet();
                    throw rethrow(failure);
                }
                if (lanes.stream().allMatch(Lane::exhausted)) {
                    return false;
                }
                dispatch(true);
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransportException(query.source(), "interrupted while waiting for a page", e, false);
                }
            }
        }
    }

    /**
     * After a failure, waits for the fetches still in flight (each ends within its retry deadline),
     * so that no request of this listing is sent after it has failed. Called with the lock held.
     */
    private void awaitQuiet() {
        boolean interrupted = false;
        while (inFlight > 0) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void install(Lane lane, Fetched<T> page) {
        lane.taken = true;
        pagesTaken++;
        currentLane = lane;
        current = page;
        currentIndex = page.start();
    }

    private boolean morePages() {
        if (executor == null) {
            return lanes.stream().anyMatch(lane -> lane.next != null);
        }
        synchronized (lock) {
            return !arrived.isEmpty() || failure != null || !lanes.stream().allMatch(Lane::exhausted);
        }
    }

    /**
     * Starts fetches while pages may be in flight: partitions with no page waiting, in plan order.
     * <ul>
     *   <li>Pages in flight grow with the pages the consumer has taken (1, 1, 2, 4, 8, ... up to the
     *       concurrency), so that a consumer that reads a few items and walks away costs a page or
     *       two, not a page per partition.</li>
     *   <li>Only the consumer starts a partition; a fetch that ends only fetches ahead in a partition
     *       the consumer has taken a page of: one page ahead of it, never more.</li>
     *   <li>Under a limit only the consumer starts fetches, and only while what is delivered, held
     *       and in flight could fall short of it.</li>
     * </ul>
     * Called with the lock held.
     */
    private void dispatch(boolean byConsumer) {
        if (failure != null || (!byConsumer && (closed || query.limit().isPresent()))) {
            return;
        }
        while (inFlight < Math.min(concurrency, Math.max(1, pagesTaken))) {
            if (query.limit().isPresent() && deliveredCount + heldItems() >= query.limit().getAsLong()) {
                return;
            }
            Lane lane = nextReadyToFetch(byConsumer);
            if (lane == null) {
                return;
            }
            PagePosition position = lane.next;
            long skip = lane.nextSkip;
            lane.inFlight = true;
            inFlight++;
            fetches++;
            executor.execute(() -> fetchInBackground(lane, position, skip));
        }
    }

    /** Items the consumer has not yet seen, counting a page in flight as full. */
    private long heldItems() {
        long held = (long) inFlight * pageSize;
        if (current != null) {
            held += current.items().size() - currentIndex;
        }
        for (Lane lane : arrived) {
            held += lane.ready.items().size() - lane.ready.start();
        }
        return held;
    }

    /**
     * The first partition, in plan order, that may fetch: partitions already started go on before
     * new ones start, so that few are open at once (each holds a page) and each one's guards see
     * its pages early.
     */
    private Lane nextReadyToFetch(boolean byConsumer) {
        for (Lane lane : lanes) {
            if (!lane.inFlight && lane.ready == null && lane.next != null && (byConsumer || lane.taken)) {
                return lane;
            }
        }
        return null;
    }

    private void fetchInBackground(Lane lane, PagePosition position, long skip) {
        Fetched<T> page = null;
        Throwable error = null;
        boolean split = false;
        try {
            ProviderPage<T> reply = fetcher.fetch(new PageRequest(lane.query, position, pageSize));
            synchronized (lock) {
                page = lane.accept(position, skip, reply);
                split = splitIfLarge(lane, page, reply);
            }
        } catch (RuntimeException | Error e) {
            error = e;
        }
        synchronized (lock) {
            lane.inFlight = false;
            inFlight--;
            if (error != null) {
                if (failure == null) {
                    failure = error;
                }
            } else if (!split) {
                lane.ready = page;
                lane.next = page.after();
                lane.nextSkip = page.afterSkip();
                arrived.add(lane);
            }
            lock.notifyAll();
            dispatch(false);
        }
    }

    /**
     * Replaces a partition by its slices when its first page points to another and the splitter
     * cuts it; the page is dropped, since the slices list its tasks again. Called with the lock held.
     *
     * @return whether the partition was replaced
     */
    private boolean splitIfLarge(Lane lane, Fetched<T> first, ProviderPage<T> reply) {
        if (!lane.splittable || first.after() == null || closed || failure != null) {
            return false;
        }
        lane.splittable = false;
        List<Partition> parts = splitter.split(lane.partition, reply, pageSize);
        if (parts.size() < 2) {
            return false;
        }
        int at = lanes.indexOf(lane);
        lanes.remove(at);
        List<Lane> slices = new ArrayList<>();
        for (Partition part : parts) {
            slices.add(new Lane(PartitionPosition.at(part, PagePosition.start(), 0), false));
        }
        lanes.addAll(at, slices);
        onePartition = false;
        return true;
    }

    /** Sequential: fetches a lane's next page on the consumer's thread. */
    private Fetched<T> fetchNow(Lane lane) {
        PagePosition position = lane.next;
        long skip = lane.nextSkip;
        synchronized (lock) {
            fetches++;
        }
        Fetched<T> page = lane.accept(position, skip, fetcher.fetch(new PageRequest(lane.query, position, pageSize)));
        lane.next = page.after();
        lane.nextSkip = page.afterSkip();
        return page;
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) failure;
    }

    /**
     * Whether an item is new to this listing; records it. Items without an identity are always new.
     * An offset-paged list of one partition has no other scan a task could come from: an item
     * handed back there means the offset is read otherwise than the source sends it, or the list
     * shifted under the reader, and skipping it in silence could hide lost ones, so the listing stops.
     */
    private boolean firstTime(T item) {
        if (identity == null) {
            return true;
        }
        String key = identity.apply(item);
        if (delivered.add(key)) {
            return true;
        }
        if (model instanceof OffsetLimit && onePartition) {
            throw new MalformedResponseException(query.source(), "offset paging handed back '" + abbreviate(key)
                    + "' a second time: the provider reads the offset otherwise than this source's offset rule"
                    + " sends it, or the list shifted while it was read; the listing stops rather than lose tasks"
                    + " in silence", Optional.empty());
        }
        return false;
    }

    /**
     * A fetched page, ready for the consumer.
     *
     * @param position where it was fetched
     * @param items its items
     * @param start the first item not yet delivered (a resumed page's skip)
     * @param total the provider's total count, if it gave one
     * @param after the page after it; null at the end of the partition
     * @param afterSkip the skip carried on into that page (a token made with larger pages)
     */
    private record Fetched<T>(PagePosition position, List<T> items, int start, OptionalLong total,
            PagePosition after, long afterSkip) {
    }

    /** One partition's paging state. */
    private final class Lane {
        final Partition partition;
        final TaskQuery query;
        final Predicate<? super T> filter;
        final Set<Long> seenTokens = new HashSet<>();
        // Fetching side (lock): the page to fetch next (null: none), whether one is in flight or waiting.
        PagePosition next;
        long nextSkip;
        boolean inFlight;
        Fetched<T> ready;
        /** The consumer has taken a page of this partition: it may fetch ahead. */
        boolean taken;
        /** Not fetched yet, and planned (not a slice): its first page may split it. */
        boolean splittable;
        // Consumer side: the oldest page not wholly delivered (null: the partition is done).
        PagePosition undelivered;
        long undeliveredSkip;

        Lane(PartitionPosition position, boolean planned) {
            this.partition = position.partition();
            this.query = partition.narrow(Pager.this.query);
            this.filter = Objects.requireNonNull(filters.apply(partition), "filter");
            this.splittable = planned && executor != null && position.next().equals(Optional.of(PagePosition.start()))
                    && position.skip() == 0;
            this.next = position.next().orElse(null);
            this.nextSkip = position.skip();
            this.undelivered = next;
            this.undeliveredSkip = nextSkip;
            if (next instanceof PagePosition.Token token) {
                seenTokens.add(hash(token.value()));
            }
        }

        boolean exhausted() {
            return next == null && !inFlight && ready == null;
        }

        /** The consumer finished a page of this partition. */
        void delivered(Fetched<T> page) {
            undelivered = page.after();
            undeliveredSkip = page.afterSkip();
        }

        PartitionPosition resumePosition() {
            if (this == currentLane && currentIndex < current.items().size()) {
                return PartitionPosition.at(partition, current.position(), currentIndex);
            }
            PagePosition position = this == currentLane ? current.after() : undelivered;
            long skip = this == currentLane ? current.afterSkip() : undeliveredSkip;
            return position == null ? PartitionPosition.finished(partition)
                    : PartitionPosition.at(partition, position, skip);
        }

        /** Applies the end-of-list rule and the loop guards to a reply. */
        Fetched<T> accept(PagePosition position, long skip, ProviderPage<T> page) {
            PageRequest request = new PageRequest(query, position, pageSize);
            Optional<PagePosition> after = model.next(request, page);
            if (after.isPresent() && after.get() instanceof PagePosition.Token token) {
                if (!seenTokens.add(hash(token.value()))) {
                    throw new MalformedResponseException(query.source(), "the provider returned the page token '"
                            + abbreviate(token.value()) + "' a second time (after " + seenTokens.size() + " pages);"
                            + " the listing stops here so that it cannot loop forever. The tasks returned so far are"
                            + " complete up to this point; retry later, and report it to the provider if it"
                            + " persists", Optional.empty());
                }
                int length = token.value().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                if (length > PageToken.MAX_PROVIDER_TOKEN_BYTES) {
                    throw new MalformedResponseException(query.source(), "the provider returned a page token of "
                            + length + " bytes, more than the " + PageToken.MAX_PROVIDER_TOKEN_BYTES + " a listing"
                            + " carries; the listing stops here", Optional.empty());
                }
            }
            // Counted over the whole listing: a provider that answers every partition with empty pages
            // is stopped after as many requests as one that does so to a single partition.
            emptyPagesInARow = page.items().isEmpty() && after.isPresent() ? emptyPagesInARow + 1
                    : page.items().isEmpty() ? emptyPagesInARow : 0;
            if (emptyPagesInARow > maxEmptyPages) {
                throw new MalformedResponseException(query.source(), "the provider returned " + emptyPagesInARow
                        + " empty pages in a row, each pointing to another; the listing stops here as making no"
                        + " progress. If this provider really does that, raise the limit with maxEmptyPagesInARow",
                        Optional.empty());
            }
            // A skip longer than the page (a token made with larger pages) goes on into the next pages.
            int start = (int) Math.min(skip, page.items().size());
            return new Fetched<>(position, page.items(), start, page.totalCount(), after.orElse(null),
                    after.isPresent() ? skip - start : 0);
        }
    }

    private final class ItemIterator implements Iterator<T> {
        /** The item at currentIndex passed the checks already (hasNext may be called again before next). */
        private boolean pendingFirst;

        @Override
        public boolean hasNext() {
            if (limitReached()) {
                return false;
            }
            if (pendingFirst && current != null && currentIndex < current.items().size()) {
                return true;
            }
            while (true) {
                if (current != null) {
                    List<T> items = current.items();
                    while (currentIndex < items.size()) {
                        T item = items.get(currentIndex);
                        if (currentLane.filter.test(item) && firstTime(item)) {
                            pendingFirst = true;
                            return true;
                        }
                        currentIndex++;
                    }
                }
                if (!nextPage()) {
                    return false;
                }
            }
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the listing has no more items");
            }
            pendingFirst = false;
            deliveredCount++;
            return current.items().get(currentIndex++);
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
            return !limitReached() && morePages();
        }

        @Override
        public Page<T> next() {
            if (!hasNext() || !nextPage()) {
                throw new NoSuchElementException("the listing has no more pages");
            }
            List<T> kept = new ArrayList<>();
            List<T> items = current.items();
            while (currentIndex < items.size() && !limitReached()) {
                T item = items.get(currentIndex++);
                if (currentLane.filter.test(item) && firstTime(item)) {
                    kept.add(item);
                    deliveredCount++;
                }
            }
            return new Page<>(kept, resumeToken(), current.total());
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
