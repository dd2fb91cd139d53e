package dev.tasklens.emulators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The temporary keys a metadata service hands out: the same key to every caller until half its
 * life has passed, then a new one (the old one still works until it expires), as instance
 * credentials rotate ahead of their expiry. Each key is added to the cloud's {@link KeyRing}.
 */
public final class TemporaryKeys {

    private final KeyRing ring;
    private final String prefix;
    private final Duration life;
    private final Clock clock;
    private final AtomicInteger issued = new AtomicInteger();
    private KeyRing.Key current;

    /**
     * Keys for a ring.
     *
     * @param ring the cloud's keys, which accept them
     * @param prefix the ids' first characters
     * @param life how long each key works
     * @param clock the service's clock
     */
    public TemporaryKeys(KeyRing ring, String prefix, Duration life, Clock clock) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.life = Objects.requireNonNull(life, "life");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (life.isNegative() || life.isZero()) {
            throw new IllegalArgumentException("a temporary key's life must be positive, got " + life);
        }
    }

    /**
     * The key to hand out now.
     *
     * @return the current key, issued anew when the last one is past half its life
     */
    public synchronized KeyRing.Key current() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.expiry().orElseThrow().minus(life.dividedBy(2)))) {
            current = ring.issue(prefix, now, life);
            issued.incrementAndGet();
        }
        return current;
    }

    /**
     * A fresh key, whatever the current one (an STS call issues one per call).
     *
     * @param keyLife how long it works
     * @return the key
     */
    public KeyRing.Key issue(Duration keyLife) {
        issued.incrementAndGet();
        return ring.issue(prefix, clock.instant(), keyLife);
    }

    /**
     * How many keys were issued: a test counts the refreshes a client made.
     *
     * @return the count
     */
    public int issued() {
        return issued.get();
    }

    /**
     * How long each key works.
     *
     * @return the life
     */
    public Duration life() {
        return life;
    }
}
