package dev.tasklens.kafka.connect;

import dev.tasklens.client.TaskLens;
import dev.tasklens.client.TaskWatch;
import dev.tasklens.client.WatchQuery;
import dev.tasklens.domain.AuthenticationException;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.TaskLensException;
import dev.tasklens.domain.watch.TaskChange;
import dev.tasklens.ports.credentials.CredentialsFileException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the partitions the connector gave this task, each on its own thread through the
 * library's watch, into a bounded queue that {@link #poll()} drains: {@code poll()} never waits more
 * than a second, and a full queue makes the watches wait (they run at most one poll ahead).
 *
 * <p>A watch poll's changes reach Connect in one {@code poll()} batch. The last record of the batch
 * for a partition carries the position after the watch poll as its offset, the records before it the
 * position before: with exactly-once delivery the batch and the offset commit together, and without
 * it an offset is never ahead of a record that was not written (a restart repeats, never loses).
 * A partition restarts from its stored offset; a position that no longer reads (another endpoint,
 * another account) fails the task with a message that says to reset the partition's offset.
 */
public final class TaskLensSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(TaskLensSourceTask.class);
    /** The most records one {@code poll()} hands over, in whole watch polls. */
    private static final int MAX_BATCH = 10_000;

    private final Clock clock;
    private TaskLensConnectorConfig config;
    private BlockingQueue<List<SourceRecord>> queue;
    private final List<Feed> feeds = new ArrayList<>();
    private final Map<String, TaskLens> lenses = new LinkedHashMap<>();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private volatile boolean stopping;

    /** For the worker, which makes tasks by reflection. */
    public TaskLensSourceTask() {
        this(Clock.systemUTC());
    }

    /**
     * A task on a given clock (tests).
     *
     * @param clock the clock of heartbeats and of the library
     */
    TaskLensSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return TaskLensSourceConnector.pluginVersion();
    }

    @Override
    public void start(Map<String, String> props) {
        config = TaskLensConnectorConfig.parse(props);
        queue = new ArrayBlockingQueue<>(config.queuePolls());
        String assigned = props.getOrDefault(TaskLensConnectorConfig.TASK_PARTITIONS, "");
        List<WatchedPartition> partitions = assigned.isBlank() ? List.of() : Arrays.stream(assigned.split(","))
                .map(WatchedPartition::decode).toList();
        Map<Map<String, Object>, Map<String, Object>> stored = offsets(partitions.stream()
                .map(WatchedPartition::partition).toList());
        for (WatchedPartition partition : partitions) {
            TaskLens lens = lenses.computeIfAbsent(partition.account(), account -> TaskLens.builder().clock(clock)
                    .environment(config.environment(account)).build());
            Optional<String> position = Optional.ofNullable(stored.get(partition.partition()))
                    .map(offset -> offset.get(WatchedPartition.POSITION)).filter(String.class::isInstance)
                    .map(String.class::cast);
            Feed feed = new Feed(partition, lens, position);
            feeds.add(feed);
        }
        feeds.forEach(Feed::start);
        LOG.info("watching {} partitions: {}", partitions.size(), partitions);
    }

    private Map<Map<String, Object>, Map<String, Object>> offsets(Collection<Map<String, Object>> partitions) {
        Map<Map<String, Object>, Map<String, Object>> found = new LinkedHashMap<>();
        if (context == null || partitions.isEmpty()) {
            return found;
        }
        context.offsetStorageReader().offsets(partitions).forEach((partition, offset) -> {
            if (offset != null) {
                found.put(new LinkedHashMap<>(partition), new LinkedHashMap<>(offset));
            }
        });
        return found;
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        failIfFatal();
        List<SourceRecord> first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
            failIfFatal();
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>(first);
        List<SourceRecord> next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.addAll(next);
        }
        return batch;
    }

    private void failIfFatal() {
        RuntimeException error = fatal.get();
        if (error != null) {
            throw new ConnectException(error.getMessage(), error);
        }
    }

    @Override
    public void stop() {
        stopping = true;
        feeds.forEach(Feed::stop);
        for (Feed feed : feeds) {
            feed.join();
        }
        lenses.values().forEach(TaskLens::close);
    }

    /** One partition's watch, on its own thread, into the queue. */
    private final class Feed implements Runnable {
        private final WatchedPartition partition;
        private final TaskLens lens;
        private final Thread thread;
        private volatile Optional<String> position;
        private volatile TaskWatch watch;
        private Instant lastRecord;

        Feed(WatchedPartition partition, TaskLens lens, Optional<String> position) {
            this.partition = partition;
            this.lens = lens;
            this.position = position;
            this.thread = new Thread(this, "tasklens-connect-" + partition);
            this.thread.setDaemon(true);
        }

        void start() {
            lastRecord = clock.instant();
            thread.start();
        }

        void stop() {
            TaskWatch running = watch;
            if (running != null) {
                running.close();
            }
            thread.interrupt();
        }

        void join() {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void run() {
            while (!stopping) {
                WatchQuery.Builder query = WatchQuery.forSource(partition.source()).interval(config.pollInterval());
                partition.scope().forEach(query::scope);
                if (!config.statuses().isEmpty()) {
                    query.statuses(config.statuses());
                }
                config.staleAfter().ifPresent(query::staleAfter);
                position.ifPresent(query::resumeFrom);
                try (TaskWatch running = lens.watch(query.build())) {
                    watch = running;
                    for (TaskWatch.PollResult poll : running.polls()) {
                        if (stopping) {
                            return;
                        }
                        hand(running, poll);
                    }
                } catch (InvalidQueryException e) {
                    giveUp(position.isPresent()
                            ? new ConnectException("the stored offset of " + partition + " cannot be resumed ("
                                    + e.getMessage() + "); reset it through the connector's offsets REST API")
                            : e);
                    return;
                } catch (AuthenticationException | CredentialsFileException | IllegalArgumentException e) {
                    giveUp(e);
                    return;
                } catch (TaskLensException e) {
                    // Throttled to the deadline, a server that kept failing: the watch starts again
                    // from the last position handed over, after an interval.
                    LOG.warn("{}: a poll failed, retrying in {}: {}", partition, config.pollInterval(), e.getMessage());
                    if (!pause(config.pollInterval())) {
                        return;
                    }
                } catch (InterruptedHandOver e) {
                    return;
                } catch (RuntimeException e) {
                    // Not the provider's doing: the task fails with it rather than go quiet.
                    giveUp(e);
                    return;
                }
            }
        }

        /** Puts a poll's records in the queue, whole; a heartbeat when the partition has been idle. */
        private void hand(TaskWatch running, TaskWatch.PollResult poll) {
            if (poll.failure().isPresent()) {
                // Nothing of it was reported and the next poll lists its window again.
                LOG.warn("{}: a poll failed ({} in a row), the next one lists its window again: {}", partition,
                        poll.failedInARow(), poll.failure().get().getMessage());
                running.handled(poll);
                return;
            }
            String after = running.positionAfter(poll);
            Map<String, Object> afterOffset = Map.of(WatchedPartition.POSITION, after);
            List<SourceRecord> records = new ArrayList<>();
            List<TaskChange> changes = poll.changes();
            for (int i = 0; i < changes.size(); i++) {
                Map<String, Object> offset = i == changes.size() - 1 ? afterOffset
                        : position.<Map<String, Object>>map(before -> Map.of(WatchedPartition.POSITION, before))
                                .orElse(null);
                records.add(ChangeRecords.change(partition, offset, changes.get(i), config.topic(),
                        config.keyFormat()));
            }
            Instant now = clock.instant();
            if (records.isEmpty() && config.heartbeatInterval().isPresent()
                    && !now.isBefore(lastRecord.plus(config.heartbeatInterval().get()))) {
                records.add(ChangeRecords.heartbeat(partition, afterOffset, poll.polledAt(), config.heartbeatTopic()));
            }
            if (!records.isEmpty()) {
                try {
                    queue.put(records);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedHandOver();
                }
                lastRecord = now;
                position = Optional.of(after);
            }
            running.handled(poll);
        }

        private void giveUp(RuntimeException error) {
            if (!stopping) {
                LOG.error("{}: the watch cannot go on: {}", partition, error.getMessage());
                fatal.compareAndSet(null, error);
            }
        }

        /** Waits, unless the task stops. */
        private boolean pause(Duration span) {
            try {
                Thread.sleep(span.toMillis());
                return !stopping;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The task stopped while a feed waited for room in the queue. */
    private static final class InterruptedHandOver extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InterruptedHandOver() {
            super(null, null, false, false);
        }
    }
}
