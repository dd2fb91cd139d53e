package dev.tasklens.domain.watch;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a watch of one source reads its listings.
 *
 * @param overlap how far before the newest creation time seen each poll lists again, for tasks that
 *     become visible late; positive
 * @param retention how long the provider keeps tasks listable (MPS and VOD 7 days, CLS 3 days); a
 *     poll never lists further back, and an open task older than it is let go
 *     ({@link ChangeKind#RESYNC})
 * @param staleAfter the age past which an open task is reported {@link ChangeKind#STALE}, once
 */
public record WatchRules(Duration overlap, Duration retention, Optional<Duration> staleAfter) {

    /** The overlap unless told otherwise. */
    public static final Duration DEFAULT_OVERLAP = Duration.ofMinutes(5);

    /**
     * Checks the parts.
     *
     * @param overlap see the record component
     * @param retention see the record component
     * @param staleAfter see the record component
     * @throws IllegalArgumentException if a duration is not positive
     */
    public WatchRules {
        positive(overlap, "overlap");
        positive(retention, "retention");
        Objects.requireNonNull(staleAfter, "staleAfter").ifPresent(age -> positive(age, "stale age"));
    }

    /**
     * Rules with the default overlap and no stale age.
     *
     * @param retention how long the provider keeps tasks
     * @return the rules
     */
    public static WatchRules retainedFor(Duration retention) {
        return new WatchRules(DEFAULT_OVERLAP, retention, Optional.empty());
    }

    /**
     * These rules with a stale age.
     *
     * @param age positive
     * @return the rules
     */
    public WatchRules staleAfter(Duration age) {
        return new WatchRules(overlap, retention, Optional.of(age));
    }

    private static void positive(Duration value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("a watch's " + what + " must be positive, got " + value);
        }
    }
}
