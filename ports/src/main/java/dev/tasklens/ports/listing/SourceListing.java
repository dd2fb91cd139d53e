package dev.tasklens.ports.listing;

import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
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

    private SourceListing(TaskSource source, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Listing over a source.
     *
     * @param source the source
     * @param clock the time, for the source's lookback window
     * @return the use case
     */
    public static SourceListing of(TaskSource source, Clock clock) {
        return new SourceListing(source, clock);
    }

    @Override
    public Pager<Task> list(TaskQuery query) {
        SourceDescriptor descriptor = source.descriptor();
        descriptor.check(query, clock.instant());
        return Pager.start(descriptor.paging(), query, source::fetchPage, descriptor.localFilter(query));
    }
}
