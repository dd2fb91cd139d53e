package dev.tasklens.client;

import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What to watch: one source, its scope, which statuses to report, how often to poll, the age past
 * which an open task is stale, how far back the first poll looks, and the position to resume from.
 * Every poll lists every status, whatever the statuses reported, so that a task's move from one to
 * another is seen. Built with {@link #forSource(SourceId)}.
 *
 * @param source the source
 * @param scope the source's scope parameters
 * @param statuses the statuses whose changes are reported (a change is reported when the task's
 *     new status is one of them); empty for all
 * @param interval the time between polls, before jitter
 * @param staleAfter the age past which an open task is reported stale, once
 * @param since where the first poll's window starts; the provider's whole retention when empty
 * @param resumeFrom a position an earlier watch of the same source wrote
 * @param giveUpAfter how many polls in a row may fail before the watch ends with the last one's
 *     error; a failed poll reports nothing and its window is listed again at the next interval.
 *     Only failures that waiting can mend count so: throttling past the call's deadline, a server
 *     or connection that kept failing, a reply that could not be trusted (a list that shifted
 *     under an offset-paged read). Refused credentials and a refused query end the watch at once.
 */
public record WatchQuery(SourceId source, Map<String, String> scope, Set<TaskStatus> statuses, Duration interval,
        Optional<Duration> staleAfter, Optional<Instant> since, Optional<String> resumeFrom, int giveUpAfter) {

    /** The time between polls unless told otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    /** The shortest interval: a poll lists a whole window, so polling faster only adds load. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    /**
     * How many polls in a row may fail unless told otherwise: five minutes of a provider that keeps
     * failing at the default interval.
     */
    public static final int DEFAULT_GIVE_UP_AFTER = 10;

    /** The most failed polls in a row a watch can be told to bear. */
    public static final int MAX_GIVE_UP_AFTER = 100_000;

    /**
     * Checks and freezes the parts.
     *
     * @param source see the record component
     * @param scope see the record component
     * @param statuses see the record component
     * @param interval see the record component
     * @param staleAfter see the record component
     * @param since see the record component
     * @param resumeFrom see the record component
     * @param giveUpAfter see the record component
     * @throws IllegalArgumentException if the interval is shorter than {@link #MIN_INTERVAL}, the
     *     stale age not positive, or {@code giveUpAfter} outside 1..{@value #MAX_GIVE_UP_AFTER}
     */
    public WatchQuery {
        Objects.requireNonNull(source, "source");
        scope = Map.copyOf(new TreeMap<>(Objects.requireNonNull(scope, "scope")));
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException("a watch interval of " + interval.toMillis() + " ms is shorter than"
                    + " the 1 s minimum; each poll lists the whole window");
        }
        Objects.requireNonNull(staleAfter, "staleAfter").ifPresent(age -> {
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("a stale age must be positive, got " + age);
            }
        });
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(resumeFrom, "resumeFrom");
        if (giveUpAfter < 1 || giveUpAfter > MAX_GIVE_UP_AFTER) {
            throw new IllegalArgumentException("a watch gives up after 1 to " + MAX_GIVE_UP_AFTER + " failed polls in"
                    + " a row, got " + giveUpAfter + " (1 ends it at the first failure)");
        }
    }

    /**
     * Starts a watch query.
     *
     * @param source the source to watch
     * @return a builder with the defaults: every status, a 30 s interval, no stale age, and the
     *     watch ended by the tenth failed poll in a row
     */
    public static Builder forSource(SourceId source) {
        return new Builder(source);
    }

    /** Builds a {@link WatchQuery}. Not thread-safe. */
    public static final class Builder {
        private final SourceId source;
        private final Map<String, String> scope = new TreeMap<>();
        private final Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        private Duration interval = DEFAULT_INTERVAL;
        private Optional<Duration> staleAfter = Optional.empty();
        private Optional<Instant> since = Optional.empty();
        private Optional<String> resumeFrom = Optional.empty();
        private int giveUpAfter = DEFAULT_GIVE_UP_AFTER;

        private Builder(SourceId source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /**
         * Adds a scope parameter.
         *
         * @param key the parameter, such as {@code shipper_id}
         * @param value its value
         * @return this builder
         */
        public Builder scope(String key, String value) {
            scope.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Reports only changes to these statuses.
         *
         * @param wanted the statuses
         * @return this builder
         */
        public Builder statuses(Collection<TaskStatus> wanted) {
            statuses.addAll(wanted);
            return this;
        }

        /**
         * Polls this often (jittered by up to a tenth either way).
         *
         * @param value at least 1 s
         * @return this builder
         */
        public Builder interval(Duration value) {
            this.interval = Objects.requireNonNull(value, "interval");
            return this;
        }

        /**
         * Reports an open task older than this once as stale.
         *
         * @param age positive
         * @return this builder
         */
        public Builder staleAfter(Duration age) {
            this.staleAfter = Optional.of(age);
            return this;
        }

        /**
         * Starts the first poll's window here instead of the provider's whole retention.
         *
         * @param from the earliest creation time
         * @return this builder
         */
        public Builder since(Instant from) {
            this.since = Optional.of(from);
            return this;
        }

        /**
         * Resumes from a position an earlier watch of this source wrote ({@link TaskWatch#position()}).
         *
         * @param position the position, as written
         * @return this builder
         */
        public Builder resumeFrom(String position) {
            this.resumeFrom = Optional.of(position);
            return this;
        }

        /**
         * Ends the watch when this many polls in a row have failed; those before are reported
         * ({@link TaskWatch.PollResult#failure()}) and their windows listed again at the next
         * interval.
         *
         * @param failedPolls 1 (end at the first failure) to {@value WatchQuery#MAX_GIVE_UP_AFTER}
         * @return this builder
         */
        public Builder giveUpAfter(int failedPolls) {
            this.giveUpAfter = failedPolls;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the query
         * @throws IllegalArgumentException if a value is out of range
         */
        public WatchQuery build() {
            return new WatchQuery(source, scope, statuses, interval, staleAfter, since, resumeFrom, giveUpAfter);
        }
    }
}
