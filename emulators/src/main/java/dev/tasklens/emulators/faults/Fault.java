package dev.tasklens.emulators.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * One thing that goes wrong with one request. Transport-level faults are applied by the emulator
 * around any API; protocol-level faults ({@link RepeatedCursor}, {@link EmptyPage}) are applied by
 * the provider's emulator, which knows its paging.
 */
public sealed interface Fault {

    /** The provider's throttling reply (HTTP 429 or its own error body), with a retry-after hint. */
    record Throttle() implements Fault {
    }

    /**
     * A server error with this status (500, 502, 503, 504).
     *
     * @param status the HTTP status
     */
    record ServerError(int status) implements Fault {
        /**
         * Checks the status is 5xx.
         *
         * @param status see the record component
         */
        public ServerError {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("a server error is 5xx, got " + status);
            }
        }
    }

    /**
     * The reply arrives only after a delay.
     *
     * @param delay how long
     */
    record Slow(Duration delay) implements Fault {
        /**
         * Checks the delay.
         *
         * @param delay see the record component
         */
        public Slow {
            Objects.requireNonNull(delay, "delay");
        }
    }

    /** A 200 reply whose body is not valid JSON (or not the provider's format). */
    record MalformedBody() implements Fault {
    }

    /** A 200 reply whose body stops half-way. */
    record TruncatedBody() implements Fault {
    }

    /** The connection closes without a reply. */
    record DroppedConnection() implements Fault {
    }

    /**
     * A reply written to hurt the client rather than to inform it (see {@link HostileReply}).
     *
     * @param reply which one
     */
    record Hostile(HostileReply reply) implements Fault {
        /**
         * Checks the part.
         *
         * @param reply see the record component
         */
        public Hostile {
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** The provider hands back a page token it already gave (protocol level). */
    record RepeatedCursor() implements Fault {
    }

    /** An empty page that is not the end, where the provider allows them (protocol level). */
    record EmptyPage() implements Fault {
    }

    /**
     * Whether the provider's emulator, not the generic one, applies this fault.
     *
     * @return true for {@link RepeatedCursor} and {@link EmptyPage}
     */
    default boolean isProtocolLevel() {
        return this instanceof RepeatedCursor || this instanceof EmptyPage;
    }
}
