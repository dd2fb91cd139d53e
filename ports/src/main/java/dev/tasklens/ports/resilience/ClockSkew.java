package dev.tasklens.ports.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The difference between the local clock and a provider's, learned when the provider refuses a
 * signature as expired and says its own time ({@code Date}): later requests are signed at the
 * provider's time. Tencent API 3.0, for one, refuses a timestamp more than five minutes off
 * ({@code AuthFailure.SignatureExpire}). Thread-safe.
 */
public final class ClockSkew {

    private final Clock clock;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /**
     * No skew yet.
     *
     * @param clock the local clock
     */
    public ClockSkew(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The time to sign at: the local time corrected by what was learned.
     *
     * @return the provider's time as best known
     */
    public Instant now() {
        return clock.instant().plus(offset.get());
    }

    /**
     * Learns the provider's time.
     *
     * @param serverTime the provider's time from its reply
     */
    public void correctTo(Instant serverTime) {
        offset.set(Duration.between(clock.instant(), serverTime));
    }

    /**
     * What was learned.
     *
     * @return provider time minus local time; zero until a correction
     */
    public Duration offset() {
        return offset.get();
    }
}
