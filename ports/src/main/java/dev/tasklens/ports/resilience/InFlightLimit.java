package dev.tasklens.ports.resilience;

import dev.tasklens.domain.TransportException;

/**
 * How many attempts of one source may be out at once, adapted to throttling: unbounded until the
 * provider throttles, then halved on each throttling reply (down to one) and raised by one after
 * each run of as many successes as the limit (additive increase, multiplicative decrease), until
 * it is unbounded again. A provider that throttles on concurrency rather than on rate is eased
 * this way; the {@link RateLimiter} eases the one that counts requests per second.
 */
final class InFlightLimit {

    /** Past this, the limit is dropped: the provider has taken this many at once without a throttle. */
    private static final int UNBOUNDED_AGAIN = 64;

    private int limit = Integer.MAX_VALUE;
    private int inFlight;
    private int successes;

    /**
     * Waits for a turn.
     *
     * @throws TransportException if interrupted while waiting
     */
    synchronized void enter() {
        while (inFlight >= limit) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted while waiting for a turn to send", e, false);
            }
        }
        inFlight++;
    }

    /**
     * Gives the turn back.
     *
     * @param outcome how the attempt ended
     */
    synchronized void leave(Outcome outcome) {
        int wasOut = inFlight;
        inFlight--;
        if (outcome == Outcome.THROTTLED) {
            limit = Math.max(1, Math.min(limit, wasOut) / 2);
            successes = 0;
        } else if (outcome == Outcome.SUCCEEDED && limit != Integer.MAX_VALUE && ++successes >= limit) {
            successes = 0;
            limit = limit + 1 > UNBOUNDED_AGAIN ? Integer.MAX_VALUE : limit + 1;
        }
        notifyAll();
    }

    /**
     * The limit now.
     *
     * @return attempts allowed at once; {@link Integer#MAX_VALUE} when unbounded
     */
    synchronized int limit() {
        return limit;
    }

    /** How an attempt ended, as far as pacing is concerned. */
    enum Outcome {
        /** A reply was used. */
        SUCCEEDED,
        /** The provider throttled. */
        THROTTLED,
        /** Anything else: a fault, a refusal. */
        OTHER
    }
}
