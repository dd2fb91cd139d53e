package dev.tasklens.client;

import dev.tasklens.domain.MalformedResponseException;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.domain.TransportException;
import dev.tasklens.domain.watch.TaskChange;
import dev.tasklens.domain.watch.WatchPoll;
import dev.tasklens.domain.watch.WatchPosition;
import dev.tasklens.domain.watch.WatchRules;
import dev.tasklens.domain.watch.WatchState;
import dev.tasklens.ports.resilience.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A running watch of one source ({@link TaskLens#watch}): a poller thread lists the watch's window
 * at each (jittered) interval, through the source's retries and rate limit, and diffs it against
 * the state ({@link WatchPoll}); the caller takes the changes, a poll at a time ({@link #polls()}),
 * one by one ({@link #iterator()}, {@link #stream()}), or in callbacks ({@link #subscribe}). The poller runs at most one poll ahead of
 * the caller, so a slow reader slows the polls rather than filling memory.
 *
 * <p>{@link #position()} is the state after the last poll whose changes were all handed out:
 * written after a poll's changes are handled, a watch resumed from it repeats none of them and
 * misses none after.
 *
 * <p>A poll that fails after its retries in a way that waiting can mend (throttled past its
 * deadline, a server that kept failing, a reply that could not be trusted, such as an offset-paged
 * list that shifted while it was read) reports nothing: it is handed out with its
 * {@link PollResult#failure()}, and the next poll lists its window again, so nothing is lost. The
 * {@link WatchQuery#giveUpAfter()}th such poll in a row, or any other failure (refused credentials,
 * a refused query), ends the watch: the iteration throws its error, and {@link #position()} is
 * where to resume. Close it to stop the poller.
 *
 * <p>Each poll's window ends {@link #SETTLE} before the poll starts, so that tasks created while it
 * pages through the window cannot shift the pages it reads (offset paging lists the newest first);
 * they are in the next poll's window.
 */
public final class TaskWatch implements AutoCloseable, Iterable<TaskChange> {

    /**
     * How long before a poll starts its window ends: more than the whole second providers round
     * creation times down to (the emulators do too), plus a second of clock difference.
     */
    public static final Duration SETTLE = Duration.ofSeconds(2);

    private final WatchQuery query;
    private final SourceDescriptor descriptor;
    private final Function<TaskQuery, Stream<Task>> lister;
    private final TokenSeal seal;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final WatchRules rules;
    private final BlockingQueue<Poll> polls = new ArrayBlockingQueue<>(1);
    private final Thread poller;
    private volatile WatchState handedOut;
    private volatile boolean closed;

    TaskWatch(WatchQuery query, SourceDescriptor descriptor, Function<TaskQuery, Stream<Task>> lister, TokenSeal seal,
            Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.query = Objects.requireNonNull(query, "query");
        this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
        this.lister = Objects.requireNonNull(lister, "lister");
        this.seal = Objects.requireNonNull(seal, "seal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        WatchRules retained = WatchRules.retainedFor(descriptor.lookback().orElse(Duration.ofDays(7)));
        this.rules = query.staleAfter().map(retained::staleAfter).orElse(retained);
        // A position that cannot be read is refused here, before any thread starts.
        this.handedOut = query.resumeFrom().map(text -> WatchPosition.read(text, query.source(), seal))
                .orElseGet(() -> WatchState.start(query.source()));
        this.poller = new Thread(this::pollUntilClosed, "tasklens-watch-" + query.source());
        poller.setDaemon(true);
        poller.start();
    }

    /**
     * One poll's outcome.
     *
     * @param changes the changes it found that the query reports, in the order found
     * @param polledAt when the poll ran
     * @param openTasks how many watched tasks are still open after it
     * @param state the state after it
     * @param failure the error of a poll that failed and is tried again at the next interval
     * @param failedInARow how many polls in a row have failed, this one included
     * @param end the error that ended the watch, in place of a poll
     */
    record Poll(List<TaskChange> changes, Instant polledAt, int openTasks, WatchState state,
            Optional<TaskLensException> failure, int failedInARow, Optional<RuntimeException> end) {

        static Poll done(List<TaskChange> changes, Instant at, WatchState state) {
            return new Poll(changes, at, state.open().size(), state, Optional.empty(), 0, Optional.empty());
        }

        static Poll failed(TaskLensException error, Instant at, WatchState state, int failedInARow) {
            return new Poll(List.of(), at, state.open().size(), state, Optional.of(error), failedInARow,
                    Optional.empty());
        }

        static Poll ended(RuntimeException error, Instant at, WatchState state) {
            return new Poll(List.of(), at, state.open().size(), state, Optional.empty(), 0, Optional.of(error));
        }

        /** What a blocked iteration takes when the watch is closed: nothing, and nothing open. */
        static Poll closing(Instant at, WatchState state) {
            return new Poll(List.of(), at, 0, state, Optional.empty(), 0, Optional.empty());
        }
    }

    /**
     * A poll as the caller sees it: its changes, when it ran, and how many watched tasks are still
     * open after it ({@code --until done} ends at 0). Hand it back to {@link #handled(PollResult)}
     * once its changes are printed, stored or sent. A poll that failed, and will be tried again,
     * has no changes and says why in {@link #failure()}.
     */
    public static final class PollResult {
        private final List<TaskChange> changes;
        private final Instant polledAt;
        private final int openTasks;
        private final WatchState state;
        private final Optional<TaskLensException> failure;
        private final int failedInARow;

        private PollResult(Poll poll) {
            this.changes = poll.changes();
            this.polledAt = poll.polledAt();
            this.openTasks = poll.openTasks();
            this.state = poll.state();
            this.failure = poll.failure();
            this.failedInARow = poll.failedInARow();
        }

        /**
         * Why this poll failed, if it did: it reports no change, the position stays where it was,
         * and the next poll lists its window again. The watch ends at the
         * {@link WatchQuery#giveUpAfter()}th failed poll in a row.
         *
         * @return the error, when the poll failed
         */
        public Optional<TaskLensException> failure() {
            return failure;
        }

        /**
         * How many polls in a row have failed, this one included; 0 for a poll that did not.
         *
         * @return the count
         */
        public int failedInARow() {
            return failedInARow;
        }

        /**
         * The changes the poll found that the query reports, in the order found.
         *
         * @return the changes
         */
        public List<TaskChange> changes() {
            return changes;
        }

        /**
         * When the poll ran.
         *
         * @return the time
         */
        public Instant polledAt() {
            return polledAt;
        }

        /**
         * How many watched tasks are still open after the poll.
         *
         * @return the count
         */
        public int openTasks() {
            return openTasks;
        }

        @Override
        public String toString() {
            return "PollResult[" + changes.size() + " changes at " + polledAt + ", " + openTasks + " open"
                    + failure.map(error -> ", failed (" + failedInARow + " in a row)").orElse("") + "]";
        }
    }

    /**
     * The polls, one at a time, blocking until the next one is done. The position moves past a
     * poll's changes when it is handed to {@link #handled(PollResult)}.
     *
     * @return the polls; the iteration ends when the watch is closed, and throws the error of the
     *     poll that ended the watch
     */
    public Iterable<PollResult> polls() {
        return () -> new Iterator<>() {
            private Poll pending;

            @Override
            public boolean hasNext() {
                if (pending != null) {
                    return true;
                }
                if (closed) {
                    return false;
                }
                try {
                    pending = polls.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (pending.end().isPresent()) {
                    throw pending.end().get();
                }
                return true;
            }

            @Override
            public PollResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the watch is closed");
                }
                Poll poll = pending;
                pending = null;
                return new PollResult(poll);
            }
        };
    }

    /**
     * Marks a poll's changes as handled (printed, stored or sent): the position moves past them.
     * Polls are handled in the order they were taken.
     *
     * @param poll a poll this watch handed out
     */
    public void handled(PollResult poll) {
        handedOut = Objects.requireNonNull(poll, "poll").state;
    }

    /**
     * The changes one by one, blocking until the next poll brings some.
     *
     * @return the changes; the iteration ends when the watch is closed
     */
    @Override
    public Iterator<TaskChange> iterator() {
        Iterator<PollResult> each = polls().iterator();
        return new Iterator<>() {
            private Iterator<TaskChange> current = List.<TaskChange>of().iterator();
            private PollResult taken;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    // Every change of the poll was handed out: the position moves past them.
                    if (taken != null) {
                        handled(taken);
                    }
                    if (!each.hasNext()) {
                        return false;
                    }
                    taken = each.next();
                    current = taken.changes().iterator();
                }
                return true;
            }

            @Override
            public TaskChange next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the watch is closed");
                }
                return current.next();
            }
        };
    }

    /**
     * The changes as a stream, blocking as {@link #iterator()} does.
     *
     * @return the stream
     */
    public Stream<TaskChange> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), 0), false);
    }

    /**
     * The callback form: hands every change to {@code onChange} on a thread of its own, a poll at a
     * time, and moves the position past each poll once its callbacks have returned. The failure that
     * ends the watch, or a callback that throws, ends the delivery: the error goes to {@code onEnd};
     * closing the watch ends it too, and {@code onEnd} is not called. Failed polls that the next
     * one makes good are not seen here; {@link #polls()} shows them.
     *
     * @param onChange what to do with each change; called on one thread, in order
     * @param onEnd what to do with the error that ended the delivery
     * @return this watch, to close when done
     * @throws IllegalStateException if the changes are already being handed out
     */
    public TaskWatch subscribe(java.util.function.Consumer<TaskChange> onChange,
            java.util.function.Consumer<RuntimeException> onEnd) {
        Objects.requireNonNull(onChange, "onChange");
        Objects.requireNonNull(onEnd, "onEnd");
        Thread delivery = new Thread(() -> {
            try {
                for (PollResult poll : polls()) {
                    poll.changes().forEach(onChange);
                    handled(poll);
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    onEnd.accept(e);
                }
            }
        }, "tasklens-watch-delivery-" + query.source());
        delivery.setDaemon(true);
        delivery.start();
        return this;
    }

    /**
     * Where to resume once a poll's changes are handled: the position after it, whether or not it
     * has been handed to {@link #handled(PollResult)}. A consumer that stores the position with the
     * changes themselves (a Kafka Connect offset, committed with the records in one transaction)
     * takes it from here.
     *
     * @param poll a poll this watch handed out
     * @return a printable position, sealed and bound as {@link #position()}
     */
    public String positionAfter(PollResult poll) {
        return WatchPosition.write(Objects.requireNonNull(poll, "poll").state, seal);
    }

    /**
     * Where to resume: the state after the last poll whose changes were handled.
     *
     * @return a printable position, sealed and bound to this source, endpoint and account
     */
    public String position() {
        return WatchPosition.write(handedOut, seal);
    }

    /** Stops the poller; an iteration in progress ends. */
    @Override
    public void close() {
        closed = true;
        poller.interrupt();
        polls.clear();
        polls.offer(Poll.closing(clock.instant(), handedOut));
    }

    private void pollUntilClosed() {
        WatchState state = handedOut;
        int failedInARow = 0;
        while (!closed) {
            Poll poll;
            try {
                poll = pollOnce(state);
                failedInARow = 0;
            } catch (TaskLensException e) {
                failedInARow++;
                poll = mendsByWaiting(e) && failedInARow < query.giveUpAfter()
                        ? Poll.failed(e, clock.instant(), state, failedInARow)
                        : Poll.ended(e, clock.instant(), state);
            } catch (RuntimeException e) {
                // Not the provider's doing (a credentials file that cannot be read, a defect): the
                // caller hears of it rather than waiting on a poller that is gone.
                poll = Poll.ended(e, clock.instant(), state);
            }
            try {
                polls.put(poll);
                if (poll.end().isPresent()) {
                    return;
                }
                state = poll.state();
                Duration jittered = Duration.ofMillis((long) (query.interval().toMillis()
                        * (0.9 + 0.2 * random.getAsDouble())));
                sleeper.sleep(jittered);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Whether a poll that failed so may succeed later: what the source's own retries gave up on
     * (throttling, a failing server or connection) and a reply that could not be trusted, which a
     * list shifting under an offset-paged read causes. Refused credentials or a refused query stay
     * refused.
     */
    private static boolean mendsByWaiting(TaskLensException error) {
        return error.isRetryable() || error instanceof MalformedResponseException;
    }

    private Poll pollOnce(WatchState state) {
        Instant now = clock.instant();
        Instant oldest = now.minus(rules.retention()).plus(Duration.ofMinutes(1));
        Instant from = state.windowStart(now, rules)
                .orElseGet(() -> query.since().filter(since -> since.isAfter(oldest)).orElse(oldest));
        Instant settled = now.minus(SETTLE);
        Instant to = settled.isAfter(from) ? settled : from.plusMillis(1);
        TaskQuery.Builder listing = TaskQuery.forSource(descriptor).createdBetween(from, to);
        query.scope().forEach(listing::scope);
        WatchPoll poll = state.poll(now, rules);
        List<TaskChange> changes = new ArrayList<>();
        try (Stream<Task> tasks = lister.apply(listing.build())) {
            tasks.forEach(task -> {
                if (closed) {
                    throw new TransportException("the watch was closed during a poll", false);
                }
                poll.accept(task).stream().filter(this::reported).forEach(changes::add);
            });
        }
        WatchPoll.Result result = poll.finish();
        result.changes().stream().filter(this::reported).forEach(changes::add);
        return Poll.done(changes, now, result.next());
    }

    private boolean reported(TaskChange change) {
        return query.statuses().isEmpty() || query.statuses().contains(change.task().status());
    }
}
