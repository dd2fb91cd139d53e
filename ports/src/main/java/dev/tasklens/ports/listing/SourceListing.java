package dev.tasklens.ports.listing;

import dev.tasklens.domain.Partition;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.domain.paging.Concurrency;
import dev.tasklens.domain.paging.Pager;
import dev.tasklens.domain.paging.Splitter;
import dev.tasklens.ports.source.TaskSource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@link ListTasks} over one {@link TaskSource}: checks the query against the source's rules
 * (with the clock, for the lookback window), splits it into the partitions the source declares
 * ({@link SourceDescriptor#partitioning()}), then pages through them at once and applies locally
 * the filters the source does not push down.
 *
 * <p>By default {@link Concurrency#DEFAULT_PAGES} pages are in flight at once; the source's rate
 * limiter still paces every request. A query starts as one partition per status request; one whose
 * first page shows it holds many pages ({@link SliceWhenLarge}) is cut into slices of its window,
 * about {@value #PARTITIONS_PER_PAGE_IN_FLIGHT} partitions per page in flight in all, so that
 * partitions that end early leave enough others to keep every page in flight busy. A small listing
 * thus costs what it costs one page at a time; a large one drops one first page per status request.
 */
public final class SourceListing implements ListTasks {

    /** How many partitions a query is cut into per page in flight, where its source allows. */
    public static final int PARTITIONS_PER_PAGE_IN_FLIGHT = 4;

    private final TaskSource source;
    private final Clock clock;
    private final TokenSeal seal;
    private final Concurrency concurrency;
    private final Optional<String> binding;

    private SourceListing(TaskSource source, Clock clock, TokenSeal seal, Concurrency concurrency,
            Optional<String> binding) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seal = Objects.requireNonNull(seal, "seal");
        this.concurrency = Objects.requireNonNull(concurrency, "concurrency");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    /**
     * Listing over a source.
     *
     * @param source the source
     * @param clock the time, for the source's lookback window
     * @return the use case
     */
    public static SourceListing of(TaskSource source, Clock clock) {
        return new SourceListing(source, clock, TokenSeal.none(), Concurrency.of(Concurrency.DEFAULT_PAGES),
                Optional.empty());
    }

    /**
     * The listing use case for one source, its resume tokens sealed: bound to the source's endpoint
     * and account ({@link TaskSource#tokenBinding()}) and, with a keyed seal, signed.
     *
     * @param source the source
     * @param clock the time, for the source's lookback rules
     * @param seal how resume tokens are protected ({@link TokenSeal#none()} or one with a key)
     * @return the use case
     */
    public static SourceListing of(TaskSource source, Clock clock, TokenSeal seal) {
        return new SourceListing(source, clock, seal, Concurrency.of(Concurrency.DEFAULT_PAGES), Optional.empty());
    }

    /**
     * The same listing with another concurrency.
     *
     * @param pages how many pages may be in flight at once; {@link Concurrency#sequential()} lists
     *     the partitions one after another, one page at a time on the caller's thread
     * @return a new use case
     */
    public SourceListing withConcurrency(Concurrency pages) {
        return new SourceListing(source, clock, seal, pages, binding);
    }

    /**
     * The same listing with its resume tokens bound to a name instead of the source's endpoint and
     * account ({@link TaskSource#tokenBinding()}): for a place whose address changes from run to run
     * while its tasks stay the same, such as a sandbox on a free port.
     *
     * @param name what the tokens are bound to, with the source's id
     * @return a new use case
     */
    public SourceListing withTokensBoundTo(String name) {
        Objects.requireNonNull(name, "name");
        return new SourceListing(source, clock, seal, concurrency,
                Optional.of(name + " " + source.descriptor().id().value()));
    }

    @Override
    public Pager<Task> list(TaskQuery query) {
        SourceDescriptor descriptor = source.descriptor();
        Instant now = clock.instant();
        descriptor.check(query, now);
        Predicate<Task> local = descriptor.localFilter(query);
        // One partition per status request (no window cut yet), whatever the concurrency: a source is
        // asked for one status request at a time, and a sequential listing reads them one after another.
        List<Partition> plan = descriptor.partitionsOf(query, now, 1);
        boolean concurrent = concurrency.executor().isPresent();
        int slices = Math.max(2, PARTITIONS_PER_PAGE_IN_FLIGHT * concurrency.pages() / plan.size());
        // A task comes at most once per listing, however the provider pages (Task::id is its identity);
        // each slice of the window keeps its own tasks, so a provider's rounded bounds cannot double them.
        return Pager.builder(descriptor.paging(), query, source::fetchPage)
                .filterPerPartition(part -> local.and(part::holds))
                .identity(Task::id)
                .seal(seal.boundAlsoTo(binding.orElseGet(source::tokenBinding)))
                .partitions(plan)
                .concurrency(concurrency)
                // Cutting a partition drops its first page: worth it only when the slices are paged at once.
                .splitter(concurrent ? new SliceWhenLarge(descriptor, now, slices) : Splitter.never())
                .build();
    }
}
