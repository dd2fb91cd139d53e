package dev.tasklens.ports.listing;

import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.domain.paging.Pager;
import dev.tasklens.ports.source.TaskSource;
import java.time.Clock;
import java.util.Objects;

/**
 * {@link ListTasks} over one {@link TaskSource}: checks the query against the source's rules
 * (with the clock, for the lookback window), then pages through the source and applies locally
 * the filters the source does not push down.
 */
public final class SourceListing implements ListTasks {

    private final TaskSource source;
    private final Clock clock;
    private final TokenSeal seal;

    private SourceListing(TaskSource source, Clock clock, TokenSeal seal) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.seal = Objects.requireNonNull(seal, "seal");
    }

    /**
     * Listing over a source.
     *
     * @param source the source
     * @param clock the time, for the source's lookback window
     * @return the use case
     */
    public static SourceListing of(TaskSource source, Clock clock) {
        return new SourceListing(source, clock, TokenSeal.none());
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
        return new SourceListing(source, clock, seal);
    }

    @Override
    public Pager<Task> list(TaskQuery query) {
        SourceDescriptor descriptor = source.descriptor();
        descriptor.check(query, clock.instant());
        // A task comes at most once per listing, however the provider pages (Task::id is its identity).
        return Pager.start(descriptor.paging(), query, source::fetchPage, descriptor.localFilter(query), Task::id,
                seal.boundAlsoTo(source.tokenBinding()));
    }
}
